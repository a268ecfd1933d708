// JSON views of a cycle's derived figures for the page API and the UI: the re-run's diff,
// the handover tasks with overdue flags, the follow-up dashboard and the policy review.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "core/cycle_ops.h"

namespace baton {

nlohmann::json figuresJson(const Figures& figures);
nlohmann::json certificatesJson(const Certificates& certificates);
nlohmann::json clientChangesJson(const std::vector<ClientChange>& changes);
// {has_rerun, moved: [{client, before, after}], figures: {before, after}, certificates: ...}
nlohmann::json cycleDiffJson(const CycleDiff& diff);
// [{client, from, to, tasks: [{task, title, due, status, done_on, overdue}]}]; `today`
// empty flags nothing overdue.
nlohmann::json handoverTasksJson(const Cycle& cycle, const std::string& today);
nlohmann::json followUpJson(const FollowUpDashboard& dashboard);
nlohmann::json policyReviewJson(const PolicyReview& review);

}  // namespace baton
