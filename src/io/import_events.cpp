// Transactions, deals and relationships tables of an import.
#include <algorithm>
#include <cctype>

#include "core/dates.h"
#include "io/import_state.h"

namespace baton::import_detail {

namespace {

std::string normalisedChoice(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == ' ' || c == '_' || c == '-') continue;
        out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    return out;
}

std::optional<DealStage> parseStageCell(std::string_view text) {
    std::string s = normalisedChoice(text);
    for (const char* won : {"won", "closedwon", "win", "赢单", "成交", "已成交", "签约"}) {
        if (s == won) return DealStage::Won;
    }
    for (const char* lost : {"lost", "closedlost", "丢单", "输单", "失败", "已丢单"}) {
        if (s == lost) return DealStage::Lost;
    }
    for (const char* open : {"open", "engaging", "prospecting", "qualification", "qualified",
                             "proposal", "negotiation", "进行中", "跟进中", "洽谈中", "商机"}) {
        if (s == open) return DealStage::Open;
    }
    return std::nullopt;
}

std::optional<RelationshipKind> parseKindCell(std::string_view text) {
    std::string s = normalisedChoice(text);
    if (s == "servedbefore" || s == "曾服务" || s == "服务过")
        return RelationshipKind::ServedBefore;
    if (s == "conflict" || s == "冲突" || s == "利益冲突") return RelationshipKind::Conflict;
    if (s == "personal" || s == "私人" || s == "亲属") return RelationshipKind::Personal;
    return std::nullopt;
}

// Warns about a product name missing from the product list, with the listed name it most
// likely means when one is near enough.
void warnUnknownProduct(ImportState& state, TableCursor& cursor, int productCol,
                        const std::string& product) {
    auto [entry, added] = state.productSuggestions.try_emplace(product);
    if (added) entry->second = state.productSuggester.suggest(product);
    std::string message = "product \"" + product + "\" is not in the product list";
    if (entry->second) {
        cursor.warning("unknown_product", productCol,
                       message + "; did you mean \"" + *entry->second +
                           "\"? Correct the name or add the product",
                       {"unknown_product.suggestion", {product, *entry->second}});
        return;
    }
    cursor.warning("unknown_product", productCol, message + "; correct the name or add the product",
                   {"unknown_product", {product}});
}

// Warnings shared by transactions and won deals: negative amounts, future dates, products
// missing from the product list.
void checkEvent(ImportState& state, TableCursor& cursor, double amount, int amountCol,
                std::string_view date, int dateCol, int productCol) {
    state.amountCells.push_back(AmountCell{AmountKind::Transaction, amount, cursor.file(),
                                           cursor.rowNumber(), cursor.header(amountCol)});
    if (amount < 0) {
        cursor.warning("negative_amount", amountCol,
                       "the amount is negative; it is imported as given (a refund lowers the "
                       "client's value), so correct it if it is a typing error",
                       {"negative_amount", {}});
    }
    if (!state.options.today.empty() && date > state.options.today) {
        cursor.warning("future_date", dateCol,
                       "the date " + std::string(date) + " is after today (" + state.options.today +
                           "); check it, since value windows end at the latest transaction",
                       {"future_date", {std::string(date), state.options.today}});
    }
    if (productCol >= 0 && !state.knownProducts.empty() && !cursor.missing(productCol)) {
        std::string product(cursor.raw(productCol));
        if (!state.knownProducts.count(product))
            warnUnknownProduct(state, cursor, productCol, product);
    }
}

void addProduct(TableCursor& cursor, int productCol, nlohmann::json& extra) {
    if (productCol >= 0 && !cursor.missing(productCol)) {
        extra["product"] = std::string(cursor.raw(productCol));
    }
}

// The index of the client a row names, or -1 with a warning that the row is skipped.
int clientOf(ImportState& state, TableCursor& cursor, int column, std::string_view reference,
             const char* what) {
    int index = state.resolveClientIndex(reference, cursor, column);
    if (index < 0) {
        cursor.warning("unknown_client", column,
                       "client \"" + std::string(reference) +
                           "\" is neither the id nor the "
                           "name of a client in the clients table, so this " +
                           what + " is skipped; add the client or correct the name",
                       {"unknown_client." + std::string(what), {std::string(reference)}},
                       std::string(reference));
    }
    return index;
}

// Returns the index of the employee that a row of a `what` ("transaction", "deal" or
// "relationship") names, or -1 with a warning for an unknown one. The warning states that a
// transaction is imported without the employee and that a row of another table is skipped.
int employeeOf(ImportState& state, TableCursor& cursor, int column, std::string_view reference,
               const std::string& what) {
    int index = state.resolveEmployeeIndex(reference, cursor, column);
    if (index < 0) {
        std::string consequence = what == "transaction"
                                      ? "the transaction is imported without an employee"
                                      : "the " + what + " is skipped";
        cursor.warning("unknown_employee", column,
                       "employee \"" + std::string(reference) +
                           "\" is neither the id nor the "
                           "name of an employee in the employees table, so " +
                           consequence + "; add the employee or correct the name",
                       {"unknown_employee." + what, {std::string(reference)}},
                       std::string(reference));
    }
    return index;
}

// The amount of a transaction row: the amount column, else quantity × price, else the
// quantity. Nullopt (reported) when the row has none.
std::optional<double> amountOf(TableCursor& cursor, int amountCol, int quantityCol, int priceCol) {
    int source = amountCol >= 0 ? amountCol : quantityCol;
    if (cursor.missing(source)) {
        cursor.warning("missing_amount", source,
                       "the cell is empty, so the transaction is skipped; fill in the amount",
                       {"missing_amount", {}});
        return std::nullopt;
    }
    std::optional<double> value = cursor.number(source, true);
    if (!value || amountCol >= 0 || priceCol < 0) return value;
    std::optional<double> price = cursor.number(priceCol, true);
    if (!price) return std::nullopt;
    return *value * *price;
}

}  // namespace

namespace {

struct TransactionColumns {
    int client, date, amount, employee, quantity, price, product;
};

// Reads every row of a transactions table; returns the count added. Nothing here has a
// destructor to run: under Emscripten's JavaScript exceptions, each call made while one is
// pending goes through a JavaScript wrapper, which cost more than the row's work itself.
// It stays out of line, because inlined into importTransactions (whose cursor has a
// destructor) its calls would be wrapped again.
[[gnu::noinline]] long readTransactionRows(ImportState& state, TableCursor& cursor,
                                           const TransactionColumns& c) {
    long added = 0;
    for (std::size_t r = 0; r < cursor.rowCount(); ++r) {
        cursor.moveTo(r);
        std::optional<std::string_view> client = cursor.idView(c.client, true);
        std::optional<IsoDate> date = cursor.isoDate(c.date, true);
        std::optional<double> amount = amountOf(cursor, c.amount, c.quantity, c.price);
        if (!client || !date || !amount) continue;
        // A cell that is a client's id is copied from the table, which is read in order
        // anyway, instead of from the client record.
        const int* byId = state.clientById.find(*client);
        int clientIndex = byId ? *byId : clientOf(state, cursor, c.client, *client, "transaction");
        if (clientIndex < 0) continue;
        int employeeIndex = -1;
        if (std::optional<std::string_view> employee = cursor.idView(c.employee, false)) {
            employeeIndex = employeeOf(state, cursor, c.employee, *employee, "transaction");
        }
        checkEvent(state, cursor, *amount, c.amount >= 0 ? c.amount : c.quantity, date->view(),
                   c.date, c.product);
        // Built in place, so that no local Transaction needs destroying.
        Transaction& t = state.ws.transactions.emplace_back();
        if (byId)
            t.client.assign(client->data(), client->size());
        else
            t.client = state.ws.clients[clientIndex].id;
        t.date.assign(date->text, sizeof date->text);
        t.amount = *amount;
        if (employeeIndex >= 0) t.employee.emplace(state.ws.employees[employeeIndex].id);
        addProduct(cursor, c.product, t.extra);
        state.transactionClient.push_back(clientIndex);
        state.transactionEmployee.push_back(employeeIndex);
        ++added;
    }
    return added;
}

}  // namespace

void importTransactions(ImportState& state, const SourceTable& source,
                        const TableMapping& mapping) {
    TableCursor cursor(source, mapping, state.mapping.fillDown, state.report);
    if (!cursor.checkColumns({"client", "date"})) return;
    int clientCol = cursor.column("client"), dateCol = cursor.column("date");
    int amountCol = cursor.column("amount"), employeeCol = cursor.column("employee");
    int quantityCol = cursor.column("quantity"), priceCol = cursor.column("price");
    int productCol = cursor.column("product");
    if (amountCol < 0 && quantityCol < 0) {
        cursor.checkColumns({"amount"});
        return;
    }
    if (amountCol < 0) {
        MessageKey key =
            priceCol >= 0
                ? MessageKey{"transaction_amounts.quantity_times_price",
                             {source.file, cursor.header(quantityCol), cursor.header(priceCol)}}
                : MessageKey{"transaction_amounts.quantity",
                             {source.file, cursor.header(quantityCol)}};
        state.report.addDerived(
            "transaction amounts of " + source.file + ": " +
                (priceCol >= 0 ? "quantity \"" + cursor.header(quantityCol) + "\" times price \"" +
                                     cursor.header(priceCol) + "\""
                               : "the quantity \"" + cursor.header(quantityCol) +
                                     "\", since the table has no amount or price "
                                     "column") +
                "; map an amount column to use money",
            std::move(key));
    }
    reportUnmapped(state, cursor, "not imported", "unmapped_columns.not_imported");
    state.ws.transactions.reserve(state.ws.transactions.size() + cursor.rowCount());
    state.transactionClient.reserve(state.ws.transactions.capacity());
    state.transactionEmployee.reserve(state.ws.transactions.capacity());
    TransactionColumns columns{clientCol,   dateCol,  amountCol, employeeCol,
                               quantityCol, priceCol, productCol};
    state.report.setCount("transactions_imported", readTransactionRows(state, cursor, columns));
}

namespace {

struct DealCounts {
    long won = 0, open = 0, lost = 0, withoutClient = 0, withoutAmount = 0;
    // True for a table of Baton's workspace export, whose won and lost deals stay deals.
    bool stagesKept = false;
};

// A won deal as a transaction dated by its close date (or expected close).
void addWonDeal(ImportState& state, TableCursor& cursor, int client, int employee, int productCol,
                DealCounts& counts) {
    int closeCol =
        cursor.mapped("close_date") ? cursor.column("close_date") : cursor.column("expected_close");
    int amountCol = cursor.column("amount");
    if (closeCol < 0 || amountCol < 0) {
        cursor.error("unmapped_field", -1,
                     "a won deal becomes a transaction, which needs a date and an amount; map "
                     "close_date and amount of the deals table in the mapping");
        return;
    }
    std::optional<std::string> date = cursor.date(closeCol, true);
    std::optional<double> amount = cursor.number(amountCol, true);
    if (!date || !amount) return;
    Transaction t;
    t.client = state.ws.clients[client].id;
    t.date = *date;
    t.amount = *amount;
    t.employee = state.ws.employees[employee].id;
    checkEvent(state, cursor, t.amount, amountCol, t.date, closeCol, productCol);
    addProduct(cursor, productCol, t.extra);
    if (cursor.mapped("id") && !cursor.missing(cursor.column("id"))) {
        t.extra["deal"] = std::string(cursor.raw(cursor.column("id")));
    }
    state.addTransaction(std::move(t), client, employee);
    ++counts.won;
}

// A deal kept as a deal in its stage: an open one, or any one of Baton's workspace export.
void addDeal(ImportState& state, TableCursor& cursor, int client, int employee, DealStage stage,
             int productCol, std::unordered_map<std::string, long>& seen, DealCounts& counts) {
    int idCol = cursor.column("id");
    std::optional<std::string> id = cursor.id(idCol, false);
    std::string dealId = id ? *id : "D" + std::to_string(cursor.rowNumber());
    auto [at, inserted] = seen.emplace(dealId, cursor.rowNumber());
    if (!inserted) {
        std::string firstRow = std::to_string(at->second);
        cursor.error("duplicate_id", idCol,
                     "deal id \"" + dealId + "\" is also on row " + firstRow +
                         "; ids must be unique, so fix or remove one of the rows",
                     MessageKey{"duplicate_id.deal", {dealId, firstRow}});
        return;
    }
    Deal d;
    d.id = dealId;
    d.client = state.ws.clients[client].id;
    d.employee = state.ws.employees[employee].id;
    d.stage = stage;
    int amountCol = cursor.column("amount");
    if (cursor.missing(amountCol)) {
        ++counts.withoutAmount;
    } else if (auto amount = cursor.number(amountCol, false)) {
        d.amount = *amount;
    }
    d.expectedClose = cursor.date(cursor.column("expected_close"), false);
    addProduct(cursor, productCol, d.extra);
    if (const int* existing = state.dealById.find(d.id)) {
        state.ws.deals[*existing] = std::move(d);
    } else {
        state.dealById.emplace(d.id, static_cast<int>(state.ws.deals.size()));
        state.ws.deals.push_back(std::move(d));
    }
    if (stage == DealStage::Won)
        ++counts.won;
    else if (stage == DealStage::Lost)
        ++counts.lost;
    else
        ++counts.open;
}

void reportDealCounts(ImportState& state, const SourceTable& source, const DealCounts& counts) {
    state.report.setCount("deals_open", counts.open);
    state.report.setCount("deals_without_client_skipped", counts.withoutClient);
    std::vector<std::string> args = {source.file, std::to_string(counts.won),
                                     std::to_string(counts.open), std::to_string(counts.lost)};
    if (counts.stagesKept) {
        state.report.setCount("deals_won", counts.won);
        state.report.setCount("deals_lost", counts.lost);
        state.report.addDerived(
            "deals of " + source.file + ": the workbook is Baton's workspace export, so " +
                std::to_string(counts.won) + " won, " + std::to_string(counts.open) + " open and " +
                std::to_string(counts.lost) + " lost deals were kept as deals in their stage",
            {"deals.kept_in_stage", std::move(args)});
    } else {
        state.report.setCount("deals_won_as_transactions", counts.won);
        state.report.setCount("deals_lost_skipped", counts.lost);
        std::string sentence = "deals of " + source.file + ": ";
        sentence += countedNoun(counts.won, "won deal became a transaction on its close date",
                                "won deals became transactions on their close date");
        sentence += ", " + countedNoun(counts.open, "open deal was kept as a deal",
                                       "open deals were kept as deals");
        sentence +=
            ", " + countedNoun(counts.lost, "lost deal was left out", "lost deals were left out");
        state.report.addDerived(sentence, {"deals.from_crm", std::move(args)});
    }
    if (counts.withoutAmount > 0) {
        bool singular = counts.withoutAmount == 1;
        state.report.addDerived(
            countedNoun(counts.withoutAmount, "deal", "deals") + " of " + source.file +
                (singular ? " kept as a deal has no amount and was given 0"
                          : " kept as deals have no amount and were given 0"),
            {"deals.without_amount", {std::to_string(counts.withoutAmount), source.file}});
    }
}

}  // namespace

void importDeals(ImportState& state, const SourceTable& source, const TableMapping& mapping) {
    TableCursor cursor(source, mapping, state.mapping.fillDown, state.report);
    if (!cursor.checkColumns({"client", "employee", "stage"})) return;
    int clientCol = cursor.column("client"), employeeCol = cursor.column("employee");
    int stageCol = cursor.column("stage"), productCol = cursor.column("product");
    reportUnmapped(state, cursor, "not imported", "unmapped_columns.not_imported");
    std::unordered_map<std::string, long> seen;
    DealCounts counts;
    counts.stagesKept = source.workspaceExport;
    for (std::size_t r = 0; r < cursor.rowCount(); ++r) {
        cursor.moveTo(r);
        if (cursor.missing(clientCol)) {
            ++counts.withoutClient;
            cursor.warning("deal_without_client", clientCol,
                           "the deal names no client, so it is skipped",
                           {"deal_without_client", {}});
            continue;
        }
        std::optional<std::string> stageText = cursor.text(stageCol);
        std::optional<DealStage> stage = stageText ? parseStageCell(*stageText) : std::nullopt;
        if (!stage) {
            if (!stageText)
                cursor.reportMissing(stageCol);
            else
                cursor.error("invalid_choice", stageCol,
                             "\"" + *stageText +
                                 "\" is not a deal stage; use won, lost or "
                                 "open (engaging, prospecting, 成交, 丢单, 跟进中)");
            continue;
        }
        if (*stage == DealStage::Lost && !counts.stagesKept) {
            ++counts.lost;
            continue;
        }
        std::optional<std::string_view> employee = cursor.idView(employeeCol, true);
        int client = clientOf(state, cursor, clientCol, cursor.raw(clientCol), "deal");
        if (!employee || client < 0) continue;
        int employeeIndex = employeeOf(state, cursor, employeeCol, *employee, "deal");
        if (employeeIndex < 0) continue;
        if (*stage == DealStage::Won && !counts.stagesKept) {
            addWonDeal(state, cursor, client, employeeIndex, productCol, counts);
        } else {
            addDeal(state, cursor, client, employeeIndex, *stage, productCol, seen, counts);
        }
    }
    reportDealCounts(state, source, counts);
}

void importRelationships(ImportState& state, const SourceTable& source,
                         const TableMapping& mapping) {
    TableCursor cursor(source, mapping, state.mapping.fillDown, state.report);
    if (!cursor.checkColumns({"employee", "client"})) return;
    int employeeCol = cursor.column("employee"), clientCol = cursor.column("client");
    int kindCol = cursor.column("kind");
    long added = 0;
    for (std::size_t r = 0; r < cursor.rowCount(); ++r) {
        cursor.moveTo(r);
        std::optional<std::string> employee = cursor.id(employeeCol, true);
        std::optional<std::string> client = cursor.id(clientCol, true);
        if (!employee || !client) continue;
        Relationship rel;
        if (auto kind = cursor.text(kindCol)) {
            std::optional<RelationshipKind> parsed = parseKindCell(*kind);
            if (!parsed) {
                cursor.error("invalid_choice", kindCol,
                             "\"" + *kind +
                                 "\" is not a relationship kind; use served_before, "
                                 "conflict or personal");
                continue;
            }
            rel.kind = *parsed;
        }
        int clientIndex = clientOf(state, cursor, clientCol, *client, "relationship");
        int employeeIndex = employeeOf(state, cursor, employeeCol, *employee, "relationship");
        if (clientIndex < 0 || employeeIndex < 0) continue;
        rel.client = state.ws.clients[clientIndex].id;
        rel.employee = state.ws.employees[employeeIndex].id;
        state.ws.relationships.push_back(std::move(rel));
        ++added;
    }
    state.report.setCount("relationships_imported", added);
}

}  // namespace baton::import_detail
