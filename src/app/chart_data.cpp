#include "app/chart_data.h"

#include <algorithm>
#include <map>

namespace baton {

std::vector<BookChange> bookChanges(const Workspace& workspace, const Evaluation& evaluation,
                                    const AllocationResult& result) {
    std::map<std::string, std::string> newOwner;
    for (const Assignment& a : result.assignments) newOwner[a.client] = a.employee;
    std::map<std::string, BookChange> books;
    for (const Employee& e : workspace.employees) {
        if (e.kind == EmployeeKind::Person) books[e.id].employee = e.id;
    }
    for (std::size_t j = 0; j < workspace.clients.size(); ++j) {
        const Client& c = workspace.clients[j];
        double value = j < evaluation.clients.size() ? evaluation.clients[j].value : 0.0;
        if (c.owner) {
            auto before = books.find(*c.owner);
            if (before != books.end()) {
                before->second.clientsBefore += 1;
                before->second.valueBefore += value;
            }
        }
        auto moved = newOwner.find(c.id);
        const std::string* owner = moved != newOwner.end() ? &moved->second
                                   : c.owner                ? &*c.owner
                                                            : nullptr;
        if (!owner) continue;
        auto after = books.find(*owner);
        if (after != books.end()) {
            after->second.clientsAfter += 1;
            after->second.valueAfter += value;
        }
    }
    std::vector<BookChange> out;
    out.reserve(books.size());
    for (auto& [id, book] : books) out.push_back(book);
    return out;
}

Histogram histogram(const std::vector<double>& values, int bins, double low, double high) {
    Histogram h;
    h.low = low;
    h.high = high;
    h.counts.assign(static_cast<std::size_t>(std::max(1, bins)), 0);
    int last = static_cast<int>(h.counts.size()) - 1;
    double width = high > low ? (high - low) / static_cast<double>(h.counts.size()) : 1.0;
    for (double v : values) {
        int bin = static_cast<int>((v - low) / width);
        bin = std::clamp(bin, 0, last);
        h.counts[static_cast<std::size_t>(bin)] += 1;
    }
    return h;
}

}  // namespace baton
