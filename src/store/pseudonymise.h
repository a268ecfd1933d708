// Pseudonymised copies of a workspace, for sharing an allocation problem without the
// people in it: names become "Client 0042" or "Employee 07", free text and unknown fields
// are dropped, and ids that are not opaque codes are replaced. Every number, date, team,
// role, skill and tag is kept so that the copy poses the same allocation problem.
#pragma once

#include <cstddef>
#include <string>

#include "core/model.h"

namespace baton {

// The pseudonym of one id: `prefix` plus the id's trailing digits when the id is letters
// followed by digits (C0042 -> "Client 0042"), else the first 8 hex digits of the id's
// SHA-256. It depends on the id alone, so the same id gets the same pseudonym in every
// export.
std::string pseudonym(const std::string& prefix, const std::string& id);

// The maximum number of digits in an opaque code. Longer digit runs can be phone or
// account numbers, so they are replaced.
inline constexpr std::size_t kOpaqueCodeDigits = 8;

// Whether `id` is an opaque code: at most three ASCII letters, an optional '-' or '_' after
// them, then 1 to kOpaqueCodeDigits ASCII digits, and nothing else ("C0042", "EMP-7", "1001").
bool isOpaqueCode(const std::string& id);

// Returns a copy of `workspace` for sharing. A table's ids (employees, clients, deals) stay
// when every one of them is an opaque code. Otherwise every id of that table becomes "E001",
// "C0001" or "D0001", numbered in the byte order of the old ids. The new ids replace the old
// in the rows and in every reference: owners, transactions, relationships, deals and policy
// pins and forbids.
// Names become pseudonyms of the new ids (two ids with the same pseudonym get their id
// appended). Client notes, override reasons, the company name, unknown fields, cycles and
// the audit log are removed, and the top-level key "pseudonymised": true is added.
Workspace pseudonymise(const Workspace& workspace);

}  // namespace baton
