#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "app/table_rows.h"

namespace {

struct Row {
    std::string id;
    std::string name;
    double value;
};

// Five rows whose ids are out of order, with ties in both name and value.
const std::vector<Row> kRows = {
    {"C3", "张鹏", 2.0}, {"C1", "Ann", 5.0}, {"C5", "Ann", 2.0}, {"C2", "Bob", 7.0},
    {"C4", "张鹏", 5.0},
};

baton::RowSource sourceOf(const std::vector<Row>& rows, std::string filter = {}) {
    baton::RowSource source;
    source.keep = [&rows, filter](int i) {
        return filter.empty() || rows[i].name.find(filter) != std::string::npos;
    };
    source.compare = [&rows](int a, int b, int column) {
        if (column == 1) return rows[a].name.compare(rows[b].name);
        return baton::compareNumbers(rows[a].value, rows[b].value);
    };
    source.id = [&rows](int i) { return std::string_view(rows[i].id); };
    return source;
}

std::vector<std::string> idsInOrder(const std::vector<int>& order) {
    std::vector<std::string> ids;
    for (int i : order) ids.push_back(kRows[i].id);
    return ids;
}

}  // namespace

TEST_CASE("orderRows by id ascending and descending") {
    baton::RowOrderRequest request{5, 0, false, 0};
    CHECK(idsInOrder(baton::orderRows(request, sourceOf(kRows))) ==
          std::vector<std::string>{"C1", "C2", "C3", "C4", "C5"});
    request.descending = true;
    CHECK(idsInOrder(baton::orderRows(request, sourceOf(kRows))) ==
          std::vector<std::string>{"C5", "C4", "C3", "C2", "C1"});
}

TEST_CASE("orderRows breaks value ties by id") {
    baton::RowOrderRequest request{5, 2, false, 0};
    CHECK(idsInOrder(baton::orderRows(request, sourceOf(kRows))) ==
          std::vector<std::string>{"C3", "C5", "C1", "C4", "C2"});
    request.descending = true;
    // Descending reverses the values but ties stay in ascending id order.
    CHECK(idsInOrder(baton::orderRows(request, sourceOf(kRows))) ==
          std::vector<std::string>{"C2", "C1", "C4", "C3", "C5"});
}

TEST_CASE("orderRows filters before sorting") {
    baton::RowOrderRequest request{5, 1, false, 0};
    CHECK(idsInOrder(baton::orderRows(request, sourceOf(kRows, "张"))) ==
          std::vector<std::string>{"C3", "C4"});
    CHECK(baton::orderRows(request, sourceOf(kRows, "nobody")).empty());
    CHECK(idsInOrder(baton::orderRows(request, sourceOf(kRows))) ==
          std::vector<std::string>{"C1", "C5", "C2", "C3", "C4"});
}

TEST_CASE("orderRows handles zero rows and no callbacks") {
    baton::RowOrderRequest request{0, 1, true, 0};
    CHECK(baton::orderRows(request, baton::RowSource{}).empty());
    request.rowCount = 3;
    CHECK(baton::orderRows(request, baton::RowSource{}) == std::vector<int>{0, 1, 2});
}

TEST_CASE("orderRows is stable on 100000 rows") {
    std::vector<Row> rows;
    for (int i = 0; i < 100000; ++i) {
        char id[16];
        std::snprintf(id, sizeof id, "K%06d", (i * 7919) % 100000);
        rows.push_back({id, "", static_cast<double>(i % 10)});
    }
    baton::RowOrderRequest request{100000, 2, true, 0};
    std::vector<int> order = baton::orderRows(request, sourceOf(rows));
    REQUIRE(order.size() == rows.size());
    for (std::size_t k = 1; k < order.size(); ++k) {
        const Row& a = rows[order[k - 1]];
        const Row& b = rows[order[k]];
        CHECK(a.value >= b.value);
        if (a.value == b.value) CHECK(a.id < b.id);
    }
}

TEST_CASE("compareNumbers orders NaN first") {
    CHECK(baton::compareNumbers(1.0, 2.0) < 0);
    CHECK(baton::compareNumbers(2.0, 1.0) > 0);
    CHECK(baton::compareNumbers(2.0, 2.0) == 0);
    CHECK(baton::compareNumbers(std::nan(""), 1.0) < 0);
    CHECK(baton::compareNumbers(1.0, std::nan("")) > 0);
    CHECK(baton::compareNumbers(std::nan(""), std::nan("")) == 0);
}

TEST_CASE("copied cells that a spreadsheet would run as formulas get a quote") {
    CHECK(baton::tsvCell("=HYPERLINK(\"http://127.0.0.1/x\")") ==
          "\"'=HYPERLINK(\"\"http://127.0.0.1/x\"\")\"");
    CHECK(baton::tsvCell("+86 10 1234") == "'+86 10 1234");
    CHECK(baton::tsvCell("@SUM(1+1)") == "'@SUM(1+1)");
    CHECK(baton::tsvCell("-C2") == "'-C2");
    CHECK(baton::tsvCell("\tnote") == "\"'\tnote\"");
    // Numbers stay numbers.
    CHECK(baton::tsvCell("-12.5") == "-12.5");
    CHECK(baton::tsvCell("+3") == "+3");
    CHECK(baton::tsvCell("-1e-3") == "-1e-3");
    CHECK(baton::tsvCell("a=b") == "a=b");
    CHECK(baton::isPlainNumber("12"));
    CHECK_FALSE(baton::isPlainNumber("-"));
    CHECK_FALSE(baton::isPlainNumber("1e"));
    CHECK_FALSE(baton::isPlainNumber("-.e5"));
}

TEST_CASE("tabSeparated quotes cells with tabs and quotes") {
    CHECK(baton::tsvCell("plain 客户") == "plain 客户");
    CHECK(baton::tsvCell("a\tb") == "\"a\tb\"");
    CHECK(baton::tsvCell("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(baton::tsvCell("two\nlines") == "\"two\nlines\"");
    std::string text = baton::tabSeparated({{"id", "name"}, {"C1", "深圳鑫垚"}, {"C2", ""}});
    CHECK(text == "id\tname\r\nC1\t深圳鑫垚\r\nC2\t\r\n");
    CHECK(baton::tabSeparated({}).empty());
}
