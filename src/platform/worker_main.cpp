// The entry of baton_worker, the plain Web Worker build that runs allocations off the
// page's main thread (web/worker_entry.js drives it). It links the same core, io and store
// code as the page and runs an allocation through runAllocationJob(), as the page's
// Session does, so that both produce the same result text.
#include <emscripten.h>

#include <exception>
#include <string>
#include <optional>
#include <string_view>
#include <utility>

#include "app/allocation_run.h"
#include "core/generator.h"
#include "store/snapshot.h"

namespace {

// The result text or the error message of the last run, and the same result encoded
// (store/result_codec.h) after a run that succeeded.
std::string g_reply;
std::string g_encoded;
// The workspace of the last job, for the next job on the same snapshot.
baton::AllocationJobCache g_cache;

EM_JS(void, postPhase, (const char* phase, double fraction), {
    self.postMessage({type: 'phase', phase: UTF8ToString(phase), fraction: fraction});
});

}  // namespace

extern "C" {

// Allocates the workspace in the snapshot (`size` bytes at `snapshot`) with the options
// of allocationOptionsToJson(). `inputRevision` is the job's AllocationJob::inputRevision,
// or -1 when unknown; the workspace of the last job serves when it or the snapshot match. Returns 1 when the reply is the result text, 0 when it is
// an error message; baton_worker_reply() and baton_worker_reply_size() give the reply,
// baton_worker_encoded() and baton_worker_encoded_size() the encoded result.
EMSCRIPTEN_KEEPALIVE int baton_worker_allocate(const char* snapshot, int size,
                                               const char* options, double inputRevision) {
    try {
        baton::AllocationJobOutput output = baton::runAllocationJobOutput(
            std::string_view(snapshot, std::size_t(size)), options ? options : "", postPhase,
            &g_cache,
            inputRevision >= 0 ? std::optional<std::uint64_t>(std::uint64_t(inputRevision))
                               : std::nullopt);
        g_reply = std::move(output.text);
        g_encoded = std::move(output.encoded);
        return 1;
    } catch (const std::exception& e) {
        g_reply = e.what();
        return 0;
    }
}

// Runs one small allocation job (a generated workspace of 60 employees and 4,000 clients)
// and drops its result. V8 first runs WebAssembly from its baseline compiler and moves a
// function to optimised code only after it has used up a budget, from its next call on.
// A job's long loops run once, so a cold worker ran an L allocation about three times
// slower than the page, whose code had warmed up. After this run the real job starts
// with the hot functions optimised. Returns the job's result size, so it is not removed.
EMSCRIPTEN_KEEPALIVE int baton_worker_warm_up() {
    baton::GenerateOptions options;
    options.seed = 1;
    options.employees = 60;
    options.clients = 4000;
    options.leavers = 12;
    try {
        std::string snapshot = baton::writeSnapshot(baton::generateWorkspace(options));
        return static_cast<int>(baton::runAllocationJob(snapshot, "{}").size());
    } catch (const std::exception&) {
        return 0;  // the real job then runs cold, which is slower but still correct
    }
}

EMSCRIPTEN_KEEPALIVE const char* baton_worker_reply() { return g_reply.c_str(); }

EMSCRIPTEN_KEEPALIVE int baton_worker_reply_size() { return static_cast<int>(g_reply.size()); }

EMSCRIPTEN_KEEPALIVE const char* baton_worker_encoded() { return g_encoded.data(); }

EMSCRIPTEN_KEEPALIVE int baton_worker_encoded_size() { return static_cast<int>(g_encoded.size()); }

// Frees the reply once the worker has copied it out.
EMSCRIPTEN_KEEPALIVE void baton_worker_reply_free() {
    std::string().swap(g_reply);
    std::string().swap(g_encoded);
}

}  // extern "C"
