// The Review import window: a modal over the page while the session has a staged import
// (a file picked or dropped). It shows the files and the table each became, the records
// now and after, the errors and warnings with their first examples, the derived fields
// and the report text. The user applies the import, cancels it or saves the report; an
// import with errors offers no apply button.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "app/session.h"
#include "ui/async_call.h"
#include "ui/fonts.h"

namespace baton::ui {

class ImportReview {
public:
    // Adds the characters of a newly staged import's names and report to the font atlas.
    void requireFonts(FontManager& fonts, const Session& session);
    // Draws the window while an import is pending. Its buttons commit or discard it.
    void draw(Session& session);

private:
    void drawFiles(const PendingImport& pending);
    void drawCounts(const PendingImport& pending);
    void drawIssues(const PendingImport& pending);
    void drawReport(const PendingImport& pending);
    void drawButtons(Session& session, const PendingImport& pending);
    // Buttons of a CSV or XLSX import: save the mapping it used, or pick a mapping file and
    // read the same files again with it.
    void drawMappingButtons(Session& session, const PendingImport& pending);
    // Starts the new reading once a picked mapping file arrives.
    void pollMapping(Session& session);

    std::uint64_t m_fontSerial = 0;
    // The report text broken into lines that fit the report box, and what they were broken
    // for: the pending import's serial, the box width and the font size.
    std::vector<std::string_view> m_reportLines;
    std::uint64_t m_reportSerial = 0;
    float m_reportWidth = 0.0f;
    float m_reportFontSize = 0.0f;
    // Serial of the pending import drawn last. A new one starts scrolled to the top, where
    // the sentence stating what applying it replaces is.
    std::uint64_t m_shownSerial = 0;
    AsyncCall m_pickMapping;  // the mapping file the user picks
    AsyncCall m_restage;      // window.baton.restageWithMapping(text)
};

}  // namespace baton::ui
