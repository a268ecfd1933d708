// The Policy tab: a draft of the workspace's policy edited with sliders and combos, a
// preview of the clients and employees whose scores the draft moves most, and buttons
// that apply the draft, reset it to the defaults or export the rules document.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/session.h"
#include "ui/limit_field.h"

namespace baton::ui {

// One row of the policy preview: a client (V and D) or an employee (P, the first entry of
// each pair) with its scores under the policy in force and under the draft.
struct ScoreMover {
    std::size_t index = 0;  // into Workspace::clients or Workspace::employees
    double before[2] = {0.0, 0.0};
    double after[2] = {0.0, 0.0};
    double change = 0.0;  // sum of the absolute changes, for ranking
};

class PolicyPanel {
public:
    void draw(Session& session);

private:
    void syncWithSession(Session& session);
    bool drawScoreWeights();
    bool drawFitAndSettings();
    bool drawLimits();
    // Shows the draft's workload limit and value cap in their text fields.
    void loadLimitFields();
    void drawActions(Session& session);
    // Offers the rules document of the policy in force as a Markdown download.
    void exportRules(Session& session);
    void drawPreview(const Session& session);
    void updatePreview(Session& session);

    Policy m_draft;
    // The draft's default workload limit and value cap (in percent); empty is no limit.
    LimitField m_workloadField{LimitField::Range{0.0, 1e300, false, false, 1.0}};
    LimitField m_shareField{LimitField::Range{0.0, 100.0, true, false, 100.0}};
    // True once the draft differs from the policy it was loaded from.
    bool m_edited = false;
    bool m_previewDirty = true;
    std::vector<ScoreMover> m_clientMovers;
    std::vector<ScoreMover> m_employeeMovers;
    std::string m_rulesError;
    std::string m_seenWorkspaceId;
    std::uint64_t m_seenRevision = ~std::uint64_t{0};
    int m_seenVersion = -1;
};

}  // namespace baton::ui
