#include <doctest/doctest.h>

#include <string>

#include "core/rng.h"
#include "core/sha256.h"

TEST_SUITE("sha256") {
    TEST_CASE("known digests") {
        // FIPS 180-2 test vectors.
        CHECK(baton::sha256Hex("abc") ==
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        CHECK(baton::sha256Hex("") ==
              "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        CHECK(baton::sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    }

    TEST_CASE("input longer than one block") {
        std::string million(1000000, 'a');
        CHECK(baton::sha256Hex(million) ==
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    }
}

TEST_SUITE("rng") {
    TEST_CASE("splitmix64 sequence is fixed") {
        // The reference splitmix64 with seed 0 starts with these outputs.
        baton::SplitMix64 rng(0);
        CHECK(rng.next() == 0xE220A8397B1DCDAFull);
        CHECK(rng.next() == 0x6E789E6AA1B965F4ull);
        CHECK(rng.next() == 0x06C45D188009454Full);
    }

    TEST_CASE("below stays in range") {
        baton::SplitMix64 rng(42);
        for (int i = 0; i < 1000; ++i) CHECK(rng.below(7) < 7);
        CHECK(rng.below(1) == 0);
    }
}
