// The JSON replies of the what-if departure preview and the key-person risk list, as the
// page API's whatIf(employeeId) and keyPersonRisk() return them (see the README).
#pragma once

#include <nlohmann/json.hpp>

#include "core/model.h"
#include "core/whatif.h"

namespace baton {

// {ok, employee, book: {clients, value}, other_released, receivers: [...], assignments:
// [...], unassigned: [...], figures, certificates}, or {ok: false, error} when the preview
// was refused. Assignments and unassigned entries cover the employee's book only.
nlohmann::json whatIfToJson(const Workspace& workspace, const WhatIfPreview& preview);

// {scanned, clients: [{client, name, owner, value, risk, only_colleague?, blocked_by}],
// owners: [{employee, name, clients, value, book_value, share}]}.
nlohmann::json keyPersonRiskToJson(const Workspace& workspace, const KeyPersonReport& report);

}  // namespace baton
