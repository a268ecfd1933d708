#include "io/cycle_views.h"

#include "io/allocation_json.h"
#include "io/json_fields.h"

namespace baton {

using json_fields::numberJson;
using nlohmann::json;

namespace {

json optionalText(const std::optional<std::string>& text) {
    return text ? json(*text) : json(nullptr);
}

json followUpFiguresJson(const FollowUpFigures& f) {
    return {{"employee", f.employee.empty() ? json(nullptr) : json(f.employee)},
            {"clients", f.clients},
            {"recorded", f.recorded},
            {"retained", f.retained},
            {"lost", f.lost},
            {"retention_rate", numberJson(f.retentionRate)},
            {"revenue_since", numberJson(f.revenueSince)},
            {"revenue_year_before", numberJson(f.revenueYearBefore)},
            {"revenue_kept", numberJson(f.revenueKept)},
            {"satisfaction", f.satisfaction ? numberJson(*f.satisfaction) : json(nullptr)}};
}

}  // namespace

// The figures and certificates go through the result writer, so that they are rounded
// and named exactly as in an allocation result.
json figuresJson(const Figures& f) {
    AllocationResult holder;
    holder.figures = f;
    return allocationToJson(holder)["figures"];
}

json certificatesJson(const Certificates& c) {
    AllocationResult holder;
    holder.certificates = c;
    return allocationToJson(holder)["certificates"];
}

json clientChangesJson(const std::vector<ClientChange>& changes) {
    json out = json::array();
    for (const ClientChange& c : changes) {
        out.push_back({{"client", c.client},
                       {"before", optionalText(c.before)},
                       {"after", optionalText(c.after)}});
    }
    return out;
}

json cycleDiffJson(const CycleDiff& d) {
    return {{"has_rerun", d.hasRerun},
            {"moved", clientChangesJson(d.moved)},
            {"figures", {{"before", figuresJson(d.before)}, {"after", figuresJson(d.after)}}},
            {"certificates",
             {{"before", certificatesJson(d.certificatesBefore)},
              {"after", certificatesJson(d.certificatesAfter)}}}};
}

json handoverTasksJson(const Cycle& cycle, const std::string& today) {
    json out = json::array();
    for (const Handover& h : cycle.handovers) {
        json tasks = json::array();
        for (const HandoverTask& t : h.tasks) {
            tasks.push_back({{"task", t.task},
                             {"title", t.title.empty() ? json(nullptr) : json(t.title)},
                             {"due", t.due},
                             {"status", t.done ? "done" : "open"},
                             {"done_on", t.doneOn.empty() ? json(nullptr) : json(t.doneOn)},
                             {"overdue", isOverdue(t, today)}});
        }
        out.push_back(
            {{"client", h.client}, {"from", optionalText(h.from)}, {"to", h.to}, {"tasks", tasks}});
    }
    return out;
}

json followUpJson(const FollowUpDashboard& d) {
    json employees = json::array();
    for (const FollowUpFigures& f : d.employees) employees.push_back(followUpFiguresJson(f));
    return {{"cycle", d.cycle.empty() ? json(nullptr) : json(d.cycle)},
            {"employees", employees},
            {"total", followUpFiguresJson(d.total)},
            {"notes", d.notes}};
}

json policyReviewJson(const PolicyReview& r) {
    return {{"cycle", r.cycle},
            {"clients", r.clients},
            {"same_employee", r.sameEmployee},
            {"lost_elsewhere", r.lostElsewhere},
            {"figures",
             {{"cycle", figuresJson(r.cycleFigures)}, {"other", figuresJson(r.otherFigures)}}},
            {"certificates",
             {{"cycle", certificatesJson(r.cycleCertificates)},
              {"other", certificatesJson(r.otherCertificates)}}},
            {"changes", clientChangesJson(r.changes)}};
}

}  // namespace baton
