// The page's side of allocations that run in the Web Worker (web/worker_client.js): the
// job handed to the worker, the progress overlay with its phases and Cancel button, and
// the result loaded back into the session.
#include <emscripten.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "platform/allocate_options.h"
#include "platform/services.h"
#include "platform/web_state.h"
#include "ui/progress.h"
#include "ui/strings.h"

namespace baton::platform {
namespace {

using ui::Str;

// The snapshot of the last job, kept until the page has copied it out.
std::shared_ptr<const std::string> g_jobSnapshot;
std::string g_reply;
int g_released = 0;

const char* replyJson(const nlohmann::json& value) {
    g_reply = value.dump();
    return g_reply.c_str();
}

EM_JS(void, jsCancelAllocation, (), {
    if (Module['batonCancelAllocation']) Module['batonCancelAllocation']();
});

// The label of a phase that the core (AllocateOptions::onPhase) or the page names.
Str phaseText(std::string_view phase) {
    struct Entry {
        const char* name;
        Str text;
    };
    static constexpr Entry kPhases[] = {
        {"sending", Str::AllocationPhaseSending},
        {"evaluation", Str::AllocationPhaseEvaluation},
        {"context", Str::AllocationPhaseContext},
        {"candidates", Str::AllocationPhaseCandidates},
        {"auction", Str::AllocationPhaseAuction},
        {"fairness repair", Str::AllocationPhaseFairness},
        {"baselines", Str::AllocationPhaseBaselines},
        {"explanations", Str::AllocationPhaseExplanations},
        {"certificates", Str::AllocationPhaseCertificates},
        {"loading", Str::AllocationPhaseLoading},
    };
    for (const Entry& entry : kPhases) {
        if (phase == entry.name) return entry.text;
    }
    return Str::AllocationPhaseAuction;
}

}  // namespace
}  // namespace baton::platform

using baton::platform::activeSession;

extern "C" {

// Takes the input of a run in the worker. Returns {"ok", "options", "revision",
// "inputRevision", "released", "snapshot", "size"}: the snapshot's bytes are at pointer
// `snapshot` until
// baton_api_allocation_job_free(); or {"ok": false, "error"} for invalid options.
EMSCRIPTEN_KEEPALIVE const char* baton_api_allocation_job(const char* optionsText) {
    using namespace baton::platform;
    try {
        baton::AllocateOptions options;
        std::string error;
        if (!ready()) return replyJson({{"ok", false}, {"error", "Baton is still loading"}});
        if (!parseAllocateOptions(optionsText, options, error)) {
            activeSession()->log().error("allocate: " + error);
            return replyJson({{"ok", false}, {"error", error}});
        }
        baton::AllocationJob job = activeSession()->allocationJob(options);
        g_jobSnapshot = std::move(job.snapshot);
        g_released = job.released;
        return replyJson({{"ok", true},
                          {"options", job.optionsJson},
                          {"revision", job.revision},
                          {"inputRevision", job.inputRevision},
                          {"released", job.released},
                          {"snapshot", reinterpret_cast<std::uintptr_t>(g_jobSnapshot->data())},
                          {"size", g_jobSnapshot->size()}});
    } catch (const std::exception& e) {
        std::string message = std::string("allocate failed: ") + e.what();
        activeSession()->log().error(message);
        return replyJson({{"ok", false}, {"error", message}});
    }
}

EMSCRIPTEN_KEEPALIVE void baton_api_allocation_job_free() {
    baton::platform::g_jobSnapshot.reset();
}

// Makes the worker's result the session's last result: its text (`size` bytes at `text`)
// and the same result encoded (`encodedSize` bytes at `encoded`, none to parse the text).
// Returns {"ok": true} or {"ok": false, "error"}; the error is also logged.
EMSCRIPTEN_KEEPALIVE const char* baton_api_adopt_allocation(const char* text, int size,
                                                            const char* encoded, int encodedSize,
                                                            double revision) {
    using namespace baton::platform;
    std::string error;
    bool ok = false;
    try {
        ok = activeSession()->adoptAllocation(
            std::string(text, std::size_t(size)),
            std::string_view(encoded, std::size_t(std::max(0, encodedSize))),
            static_cast<std::uint64_t>(revision), error);
    } catch (const std::exception& e) {
        error = e.what();
    }
    if (ok) return replyJson({{"ok", true}});
    activeSession()->log().error("Allocation failed: " + error);
    return replyJson({{"ok", false}, {"error", error}});
}

// Logs why a run in the worker ended without a result (cancelled, or the worker failed).
EMSCRIPTEN_KEEPALIVE void baton_api_allocation_ended(int cancelled, const char* message) {
    baton::Log& log = activeSession()->log();
    if (cancelled) {
        log.info("Allocation cancelled; the previous result is unchanged.");
    } else {
        log.error(std::string("Allocation failed: ") + (message ? message : ""));
    }
}

// Returns the text of the session's last allocation result ("" before the first run).
EMSCRIPTEN_KEEPALIVE const char* baton_api_last_result() {
    return activeSession()->lastResultText().c_str();
}

// Shows the overlay for a run: with `withCancel`, a Cancel button that calls
// Module.batonCancelAllocation(); `phase` empty shows the plain in-page label.
EMSCRIPTEN_KEEPALIVE void baton_busy_allocation(const char* phase, double fraction,
                                                int withCancel) {
    using namespace baton::platform;
    using baton::ui::tr;
    std::string name = phase ? phase : "";
    std::string label = tr(Str::BusyAllocating);
    if (!name.empty()) {
        char text[512];
        std::string format = baton::ui::trPlural(Str::BusyAllocatingPhase, {g_released});
        std::snprintf(text, sizeof text, format.c_str(), g_released, tr(phaseText(name)));
        label = text;
    }
    auto cancel = withCancel ? std::function<void()>(jsCancelAllocation) : nullptr;
    baton::ui::progressOverlay().beginExternal(label, fraction, cancel);
}

}  // extern "C"
