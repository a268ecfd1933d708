// A compact binary form of an allocation result, for handing a result from the Web Worker
// to the page: decoding it costs a fraction of parsing the result JSON and builds no JSON
// tree, so the page's main thread stays responsive on a large book. It is a transfer
// format between two builds of the same Baton, never stored: JSON stays the result's
// format everywhere else.
//
// Layout (little-endian): the magic "BATONRES", u32 version, the string table (u32 count,
// then each string as u32 length and bytes), then the fields of AllocationResult in a
// fixed order: strings as u32 indices into the table, numbers as raw IEEE-754 doubles,
// counts as u32, the policy as CBOR of its JSON. Timings and counters are not carried,
// as the result JSON does not carry them either.
#pragma once

#include <string>
#include <string_view>

#include "core/allocation_result.h"

namespace baton {

std::string encodeResult(const AllocationResult& result);
// Throws std::runtime_error on bytes that are not a whole result of this version.
AllocationResult decodeResult(std::string_view bytes);

}  // namespace baton
