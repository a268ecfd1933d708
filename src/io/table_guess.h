// The guess of a picked file's table from its header: one of the five tables that an import
// reads, the product list that `baton import --products` takes, or none of them.
#pragma once

#include <string>
#include <vector>

#include "io/csv.h"
#include "io/mapping.h"

namespace baton {

enum class TableKind { Entity, Products, Unknown };

struct TableGuess {
    TableKind kind = TableKind::Unknown;
    Entity entity = Entity::Transactions;  // meaningful only with TableKind::Entity
};

// Guesses the table of a file from its header. A header with a product column and no
// column that gives a client, an employee, a date or a deal stage is a product list. A
// header of which no column has a known name of any table is Unknown. Any other header
// gets the entity that guessEntity returns.
TableGuess guessTable(const std::vector<std::string>& header);

// The product names of a product list: the trimmed, non-empty cells of its "product",
// "name", "商品名称" or "产品名称" column, else of another column that a transactions table
// reads as the product, else of the first column.
std::vector<std::string> productNames(const Table& table);

// The message for a file whose header fits none of the tables. It names the file and its
// headers, lists the tables and states that the file can be left out.
std::string noTableFitsMessage(const std::string& file, const std::vector<std::string>& header);

// The message for a product list given without a transactions or deals table whose
// product names it could check.
std::string productListAloneMessage(const std::string& file);

}  // namespace baton
