// Pseudonymised copies of a workspace, for sharing an allocation problem without the
// people in it: names become "Client 0042" or "Employee 07", free text and unknown fields
// are dropped, ids and all numbers are kept so the allocation is the same.
#pragma once

#include <string>

#include "core/model.h"

namespace baton {

// The pseudonym of one id: `prefix` plus the id's trailing digits when the id is letters
// followed by digits (C0042 -> "Client 0042"), else the first 8 hex digits of the id's
// SHA-256. It depends on the id alone, so the same id gets the same pseudonym in every
// export.
std::string pseudonym(const std::string& prefix, const std::string& id);

// Returns a copy of `workspace` with client and employee names replaced by pseudonyms
// (two ids with the same pseudonym get their id appended), client notes, the company
// name, unknown fields, cycles and the audit log removed, and the top-level key
// "pseudonymised": true added.
Workspace pseudonymise(const Workspace& workspace);

}  // namespace baton
