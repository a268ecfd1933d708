// The compact binary snapshot of a workspace that storage keeps, so that a large workspace
// loads without parsing JSON. JSON stays the format of import, export and backups.
//
// Layout (little-endian): the magic "BATONSNP", u32 version, u64 payload length, the
// payload, then the CRC-32 (zlib) of the payload. The payload contains one string table
// (every distinct string once) and, per entity array, one column per field: string
// fields as u32 indices into the table, numbers as raw IEEE-754 doubles (an absent
// optional value is one reserved NaN pattern), flags as bytes, lists as counts plus one
// flattened index column. Unknown fields and the free-form parts (company, policy,
// cycles, audit) are kept as CBOR, so a snapshot round trip loses nothing.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/model.h"

namespace baton {

inline constexpr int kSnapshotVersion = 1;

std::string writeSnapshot(const Workspace& workspace);
// Reads a snapshot; on failure returns nothing and sets `error` (damaged, truncated,
// or written by a newer version).
std::optional<Workspace> readSnapshot(std::string_view bytes, std::string& error);
// True when the bytes start with the snapshot magic.
bool isSnapshot(std::string_view bytes);

}  // namespace baton
