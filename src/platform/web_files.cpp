#include "platform/web_files.h"

#include <emscripten.h>

namespace baton::platform {
namespace {

// The page's file input is created on first use. A browser opens the picker only shortly
// after a user gesture, and the click on an ImGui button is one.
EM_JS(void, jsPickFile, (), {
    if (typeof window !== 'undefined' && window.batonPickFile) window.batonPickFile();
});

EM_JS(void, jsDownload, (const char* name, const char* text, const char* mime), {
    if (typeof window !== 'undefined' && window.batonDownload) {
        window.batonDownload(UTF8ToString(name), UTF8ToString(text), UTF8ToString(mime));
    }
});

}  // namespace

void serveFileRequests(Session& session) {
    for (const PlatformRequest& request : session.takeRequests()) {
        switch (request.kind) {
            case PlatformRequest::Kind::PickFile:
                jsPickFile();
                break;
            case PlatformRequest::Kind::Download:
                jsDownload(request.fileName.c_str(), request.text.c_str(),
                           request.mimeType.empty() ? "application/octet-stream"
                                                    : request.mimeType.c_str());
                session.log().info("Offered " + request.fileName + " as a download.");
                break;
        }
    }
}

}  // namespace baton::platform
