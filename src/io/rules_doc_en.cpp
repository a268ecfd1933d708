// The English text of the rules document.
#include "io/result_terms.h"
#include "io/rules_doc_parts.h"

namespace baton::rules {

namespace {

std::string methodText(Normalisation method, const std::string& population) {
    if (method == Normalisation::WinsorisedMinMax) {
        return "Each figure is first winsorised among " + population +
               ": the 5% most extreme values at each end are clipped to the nearest value "
               "kept. It is then scaled from 0 (the lowest) to 100 (the highest). When all "
               "values are equal, everyone gets 50.";
    }
    return "Each figure is turned into a percentile rank among " + population +
           ": the lowest gets 0, the highest 100, and equal figures share the average of "
           "their ranks. When there is only one value, or all are equal, everyone gets 50.";
}

const char* kMissingRule =
    "When a figure is missing, it is left out and the weights of the other figures are "
    "scaled up so that they add up to the same total as before. Each breakdown shows the "
    "weight that was applied. A missing figure is never read as zero.";

void releasedSection(const Context& c, Document& d) {
    d.heading(2, "1. Which clients are handed over");
    if (c.policy.scope == Scope::All) {
        d.paragraph("Scope: " + namedCode("scope", "all", "en") +
                    ". Every client is handed over afresh, as in a firm-wide rebalance. A key "
                    "account stays with its owner unless the owner leaves.");
    } else {
        d.paragraph("Scope: " + namedCode("scope", "leavers", "en") +
                    ". These are the clients of employees who are leaving or have left, and "
                    "every client without an owner.");
    }
}

void eligibilitySection(const Context& c, Document& d) {
    const ConstraintPolicy& k = c.policy.constraints;
    d.heading(2, "2. Who can receive clients");
    std::vector<std::string> items = {
        "Only active employees receive clients. Employees who are leaving, have left or are "
        "on leave receive none, and neither do system (automation) users.",
        "Hard needs: a client that needs skills (for example `lang:zh` or `product:erp`) goes "
        "only to an employee who has every one of them.",
        "Conflicts of interest: an employee with a `conflict` or `personal` relationship with "
        "a client never receives that client.",
        "Key accounts: when the owner of a key account leaves, it goes only to an employee "
        "with the skill `team:key_accounts`.",
        k.teamBoundary ? "Team boundary on: a client goes only to a member of its previous "
                         "owner's team."
                       : "Team boundary off: a client may go to a member of any team.",
        "Capacity: an employee holds at most " + std::to_string(k.defaultMaxClients) +
            " clients, counting the clients they keep and the new ones, unless their own "
            "capacity says otherwise.",
    };
    if (k.defaultMaxWorkload) {
        items.push_back("Workload: an employee's total client workload stays at most " +
                        number(*k.defaultMaxWorkload) +
                        ", unless their own capacity says "
                        "otherwise.");
    }
    if (k.maxValueShare) {
        items.push_back("Value cap: nobody receives more than " + number(*k.maxValueShare * 100.0) +
                        "% of the released value.");
    }
    items.push_back(
        "A client that cannot be placed under these rules is listed as unassigned "
        "with the exact reason; no client is dropped silently.");
    d.list(std::move(items));
}

void valueSection(const Context& c, Document& d) {
    const ValuePolicy& v = c.policy.value;
    d.heading(2, "3. Client value V (0 to 100)");
    d.paragraph(
        "V measures what a client is worth to the firm. It is a weighted sum of five "
        "figures:");
    std::string tiers;
    for (const auto& [tier, points] : v.tierPoints) {
        tiers += (tiers.empty() ? "" : ", ") + literal(tier) + " = " + number(points);
    }
    const std::string window = std::to_string(v.windowDays);
    d.table({{"Figure", "Weight", "What it measures"},
             {"Monetary", number(v.monetary),
              "The sum of the client's transactions in the " + window +
                  " days up to and including the as-of date; for a client without any "
                  "transaction, its revenue over the last 12 months."},
             {"Frequency", number(v.frequency),
              "The number of the client's transactions in those " + window + " days."},
             {"Recency", number(v.recency),
              "Days since the client's last transaction: the fewer days, the higher the score."},
             {"Potential", number(v.potential), "The client's estimated potential."},
             {"Tier", number(v.tier),
              "Points of the client's tier (" + (tiers.empty() ? "none set" : tiers) +
                  "); a tier without points counts as missing."}});
    d.paragraph(
        "V = (sum over the figures of normalised figure × applied weight) ÷ (sum of "
        "the weights). With the weights above the sum of the weights is " +
        number(v.monetary + v.frequency + v.recency + v.potential + v.tier) + ".");
    d.paragraph(methodText(v.normalisation, "all clients"));
    d.paragraph(kMissingRule);
    d.paragraph(
        "Figures that cannot be trusted are flagged and left out: negative transaction "
        "amounts and amounts of 10^15 or more are excluded, and a negative revenue counts "
        "as missing. A negative potential is not accepted: the import stops and names the "
        "file, row and column to correct. When there is no transaction at all, recency and "
        "frequency are left out for every client.");
}

void difficultySection(const Context& c, Document& d) {
    const DifficultyPolicy& p = c.policy.difficulty;
    d.heading(2, "4. Client difficulty D (0 to 100)");
    d.paragraph(
        "D measures how much work and trouble a client brings. It is a burden, kept "
        "apart from value: the fairness rules spread it like a chore.");
    d.table({{"Figure", "Weight", "What it measures"},
             {"Given", number(p.given), "The difficulty recorded for the client, 0 to 100."},
             {"Workload", number(p.workload), "The client's recorded workload."},
             {"Satisfaction", number(p.satisfaction),
              "The client's satisfaction on a 1 to 5 scale: the lower, the harder."},
             {"Complaints", number(p.complaints), "The number of complaints."},
             {"Late payments", number(p.latePayments), "The number of late payments."}});
    d.paragraph(
        "D = (sum over the figures of normalised figure × applied weight) ÷ (sum of "
        "the weights). A value outside its range (a difficulty outside 0 to 100, a "
        "satisfaction outside 1 to 5, a negative workload or count) is not accepted: the "
        "import stops and names the file, row and column to correct.");
    d.paragraph(methodText(p.normalisation, "all clients"));
    d.paragraph(kMissingRule);
}

std::string groupText(PerformanceGroup group) {
    switch (group) {
        case PerformanceGroup::Firm: return "the whole firm";
        case PerformanceGroup::Team: return "the same team";
        case PerformanceGroup::Role: return "the same role";
    }
    return "the whole firm";
}

void performanceSection(const Context& c, Document& d) {
    const PerformancePolicy& p = c.policy.performance;
    const std::string ramp = std::to_string(p.rampMonths);
    d.heading(2, "5. Employee performance P (0 to 100)");
    d.paragraph("P compares each employee with the colleagues of " + groupText(p.group) +
                " (comparison group `" + toString(p.group) +
                "`). System users get 0 and are "
                "not compared.");
    std::vector<std::vector<std::string>> rows = {
        {"Figure", "Weight", "What it measures"},
        {"`sales_12m`", number(p.sales12m), "Sales over the last 12 months."},
        {"`quota_attainment`", number(p.quotaAttainment), "Share of the sales quota reached."},
        {"`csat`", number(p.csat), "Customer satisfaction score."},
        {"`retention`", number(p.retention), "Share of clients kept."},
        {"`review`", number(p.review), "The latest performance review."}};
    if (p.tenure > 0.0) {
        rows.push_back({"`tenure`", number(p.tenure), "Whole months since the hire date."});
    }
    d.table(std::move(rows));
    if (!(p.tenure > 0.0)) {
        d.paragraph("Seniority alone earns nothing: tenure has weight " + number(p.tenure) + ".");
    }
    d.paragraph(methodText(p.normalisation, "the employees of the comparison group"));
    d.paragraph(kMissingRule);
    d.paragraph("Provisional scores: an employee with fewer than " + ramp +
                " months since the hire date, or with a figure missing, is provisional. "
                "Evidence = (share of the performance weight whose figures are present) × "
                "min(1, whole months since hire ÷ " +
                ramp +
                "). P = evidence × own score + "
                "(1 − evidence) × the median score of the group. A new hire without figures "
                "therefore gets the group median, never the lowest score, and the statement "
                "says why the score is provisional.");
}

void fitSection(const Context& c, Document& d) {
    const FitPolicy& f = c.policy.fit;
    d.heading(2, "6. Fit F (0 to 1)");
    d.paragraph(
        "F measures how well an employee suits a client. The client's hard needs must "
        "all be met first; then F adds up these weighted matches:");
    d.table({{"Match", "Weight", "When it counts"},
             {"Prefers", number(f.prefers),
              "The share of the client's preferred skills that the employee has."},
             {"Industry", number(f.industry),
              "The employee has the skill `industry:` + the client's industry."},
             {"Region", number(f.region),
              "The employee has the skill `region:` + the client's region."},
             {"Language", number(f.language),
              "The employee has the skill `lang:` + the client's language."},
             {"Continuity", number(f.continuity),
              "The employee served the client before (a `served_before` relationship or a "
              "transaction they made)."}});
    double sum = fitWeightSum(f);
    if (sum <= 0.0) {
        d.paragraph(
            "Every fit weight is 0, so F is 0 for every client and employee: fit does not "
            "choose who receives a client. The limits, the fairness rules and the seeded "
            "lottery decide alone.");
        return;
    }
    d.paragraph("Each weight is divided by the sum of the fit weights (" + number(sum) +
                "), so F is at most 1.");
}

void entitlementSection(const Context& c, Document& d) {
    const EntitlementPolicy& e = c.policy.entitlement;
    d.heading(2, "7. Entitlement and targets");
    switch (e.mode) {
        case EntitlementMode::Equal:
            d.paragraph("Mode: " + namedCode("entitlement", "equal", "en") +
                        ". Every employee who can receive clients has the same entitlement, "
                        "w = 1.");
            break;
        case EntitlementMode::Performance:
            d.paragraph("Mode: " + namedCode("entitlement", "performance", "en") + ". w = max(P, " +
                        number(e.performanceFloor) + "), so nobody's entitlement is zero.");
            break;
        case EntitlementMode::Blend:
            d.paragraph("Mode: " + namedCode("entitlement", "blend", "en") +
                        ". w = " + number(e.alpha) + " + (1 − " + number(e.alpha) +
                        ") × P ÷ (mean P of the employees who can receive clients).");
            break;
    }
    d.paragraph(
        "Your target value is T = w ÷ (sum of all w) × (total V of the released "
        "clients), and your difficulty share is S = w ÷ (sum of all w) × (total D of "
        "the released clients).");
    if (e.bookTopUp) {
        d.paragraph(
            "Book top-up is on: T = max(0, w ÷ (sum of all w) × (V of the released "
            "clients + V of all books) − V of your own book), scaled so that the "
            "targets add up to the released value. Someone with a thin book receives "
            "more.");
    }
}

void fairnessSection(const Context& c, Document& d) {
    d.heading(2, "8. Fairness guarantees");
    d.list(
        {"Value (WPROP1): the value you receive reaches your target T once at most one more "
         "released client is added.",
         "Difficulty (WPROP1): the difficulty you receive, minus your hardest new client, is "
         "at most your difficulty share S.",
         "Where a rule makes a guarantee impossible (a pin, a skill only one person has, a "
         "full employee), the report names that rule.",
         "Envy (WEF1) in value and in difficulty is checked between every two employees and "
         "reported with an example when it fails, together with the smallest number of "
         "clients c that removes all envy in both.",
         "Among the allocations that meet these rules, the one with the greatest total fit "
         "is chosen. Ties are broken by a lottery with seed " +
             std::to_string(c.policy.seed) +
             ": the same data, rules and seed always give the same result."});
    d.paragraph(
        "V, D and P are rounded to 4 decimal places and F to 6 before they are "
        "compared.");
}

void overrideTable(const Context& c, Document& d, const std::vector<PairOverride>& list,
                   const std::string& none) {
    if (list.empty()) {
        d.paragraph(none);
        return;
    }
    std::vector<std::vector<std::string>> rows = {{"Client", "Employee", "Reason"}};
    for (const PairOverride& o : list) {
        rows.push_back({clientLabel(c.workspace, o.client), employeeLabel(c.workspace, o.employee),
                        o.reason.empty() ? "(none given)" : literal(o.reason)});
    }
    d.table(std::move(rows));
}

}  // namespace

void buildEnglish(const Context& c, Document& d) {
    d.title = c.company.empty() ? "Client handover rules" : "Client handover rules: " + c.company;
    d.heading(1, d.title);
    std::string asOf =
        c.asOf.empty() ? "the date of the latest transaction (there is none yet)" : c.asOf;
    if (!c.asOf.empty() && c.asOfFromData) asOf += " (the date of the latest transaction)";
    d.paragraph("Policy version " + std::to_string(c.policy.version) + ", as of " + asOf + ".");
    d.paragraph(
        "These rules decide who takes over the clients of colleagues who leave. They "
        "are fixed for this cycle. Every employee can see the figures behind their own "
        "scores and may appeal until the end of the objection window.");
    releasedSection(c, d);
    eligibilitySection(c, d);
    valueSection(c, d);
    difficultySection(c, d);
    performanceSection(c, d);
    fitSection(c, d);
    entitlementSection(c, d);
    fairnessSection(c, d);
    d.heading(2, "9. Pins and forbids");
    d.paragraph("A pin forces a client to an employee; a forbid keeps them apart.");
    d.heading(3, "Pins");
    overrideTable(c, d, c.policy.pins, "No pins.");
    d.heading(3, "Forbids");
    overrideTable(c, d, c.policy.forbids, "No forbids.");
}

}  // namespace baton::rules
