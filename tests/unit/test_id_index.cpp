#include <doctest/doctest.h>

#include <string>

#include "core/id_index.h"

using namespace baton;

TEST_SUITE("id index") {
    TEST_CASE("finds every id after growth") {
        IdIndex index;  // starts small, so 5,000 ids grow the table several times
        for (int i = 0; i < 5000; ++i) index.add("C" + std::to_string(i), i);
        CHECK(index.size() == 5000);
        for (int i = 0; i < 5000; ++i) {
            CHECK(index.find("C" + std::to_string(i)) == i);
        }
    }

    TEST_CASE("missing id gives -1") {
        IdIndex index(3);
        index.add("E01", 0);
        CHECK(index.find("E02") == -1);
        CHECK(index.find("") == -1);
        CHECK(index.find("E01 ") == -1);
    }

    TEST_CASE("first position of a repeated id wins") {
        IdIndex index(4);
        index.add("001", 7);
        index.add("001", 9);
        CHECK(index.find("001") == 7);
        CHECK(index.size() == 1);
    }

    TEST_CASE("ids that share a prefix stay apart") {
        IdIndex index(4);
        index.add("C00001", 1);
        index.add("C000010", 2);
        index.add("", 3);
        CHECK(index.find("C00001") == 1);
        CHECK(index.find("C000010") == 2);
        CHECK(index.find("") == 3);
    }
}
