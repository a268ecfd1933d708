// The import's warning about amounts that the evaluation treats as absurd, with the file,
// row and column of each. The bound of each kind comes from the imported workspace as a
// whole, so it is known only once every table is read.
#include <cstdio>

#include "core/absurd_amounts.h"
#include "core/evaluation.h"
#include "io/import_state.h"

namespace baton::import_detail {

namespace {

std::string numberText(double x) {
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", x);
    return text;
}

const char* kindName(AmountKind kind) {
    switch (kind) {
        case AmountKind::Transaction: return "transaction amounts";
        case AmountKind::Revenue: return "revenue_12m values";
        case AmountKind::Potential: return "potential values";
    }
    return "";
}

}  // namespace

void warnAbsurdAmounts(ImportState& state) {
    if (state.amountCells.empty()) return;
    AbsurdBounds bounds = absurdBounds(state.ws);
    for (const AmountCell& cell : state.amountCells) {
        const AbsurdBound& bound = cell.kind == AmountKind::Transaction ? bounds.amount
                                   : cell.kind == AmountKind::Revenue   ? bounds.revenue
                                                                        : bounds.potential;
        if (cell.value < bound.bound) continue;
        std::string value = numberText(cell.value);
        std::string message;
        MessageKey key;
        if (bound.median) {
            std::string median = numberText(*bound.median);
            message = value + " is at least " + numberText(kAbsurdFactor) +
                      " times the median of the imported " + kindName(cell.kind) + " (" + median +
                      "), so it is most likely a typing error; the scores leave it "
                      "out until you correct it";
            key = {"absurd_amount.median", {value, median}};
        } else {
            message = value +
                      " is 1e15 or more, too large for an amount kept to the cent, so "
                      "the scores leave it out; correct it";
            key = {"absurd_amount", {value}};
        }
        state.report.addWarning("absurd_amount", ImportIssue{cell.file, cell.row, cell.column,
                                                             std::move(message), std::move(key)});
    }
}

}  // namespace baton::import_detail
