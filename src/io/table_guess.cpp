#include "io/table_guess.h"

#include <algorithm>

#include "io/cells.h"
#include "io/import_cursor.h"

namespace baton {

namespace {

// True for the headers of a product-name column that `baton import --products` reads first.
bool namesProduct(std::string_view header) {
    std::string name = normaliseHeader(header);
    return name == "product" || name == "name" || name == "商品名称" || name == "产品名称";
}

}  // namespace

TableGuess guessTable(const std::vector<std::string>& header) {
    std::map<std::string, std::string> asTransactions =
        suggestColumns(Entity::Transactions, header);
    std::map<std::string, std::string> asDeals = suggestColumns(Entity::Deals, header);
    bool productColumn = asTransactions.count("product") > 0;
    bool eventColumns = asTransactions.count("client") > 0 ||
                        asTransactions.count("employee") > 0 || asTransactions.count("date") > 0 ||
                        asDeals.count("stage") > 0;
    if (productColumn && !eventColumns)
        return TableGuess{TableKind::Products, Entity::Transactions};

    std::size_t matched = 0;
    for (Entity entity : {Entity::Employees, Entity::Clients, Entity::Transactions, Entity::Deals,
                          Entity::Relationships}) {
        matched = std::max(matched, suggestColumns(entity, header).size());
    }
    if (matched == 0) return TableGuess{TableKind::Unknown, Entity::Transactions};
    return TableGuess{TableKind::Entity, guessEntity(header)};
}

std::vector<std::string> productNames(const Table& table) {
    const std::vector<std::string>& header = table.header;
    auto column = std::find_if(header.begin(), header.end(), namesProduct);
    if (column == header.end()) {
        std::map<std::string, std::string> asTransactions =
            suggestColumns(Entity::Transactions, header);
        auto product = asTransactions.find("product");
        if (product != asTransactions.end()) {
            column = std::find(header.begin(), header.end(), product->second);
        }
    }
    std::size_t index =
        column == header.end() ? 0 : static_cast<std::size_t>(column - header.begin());
    std::vector<std::string> names;
    for (std::size_t r = 0; r < table.rowCount(); ++r) {
        std::string_view cell = trimCell(table.cell(r, index));
        if (!cell.empty()) names.emplace_back(cell);
    }
    return names;
}

std::string noTableFitsMessage(const std::string& file, const std::vector<std::string>& header) {
    return file + ": no column header (" + import_detail::quotedList(header) +
           ") is a known header of any table, so the file fits none of the tables an import "
           "reads: employees, clients, transactions, deals, relationships or a product list. "
           "Leave the file out of the import, or rename its headers to the ones the table "
           "uses (\"client\", \"date\", \"amount\", ...).";
}

std::string productListAloneMessage(const std::string& file) {
    return file +
           " is a product list: it only checks the product names of a transactions or "
           "deals table, so it cannot be imported alone. Pick it together with that "
           "table, or leave it out.";
}

}  // namespace baton
