#include "platform/web_files.h"

#include <emscripten.h>

#include "platform/web_state.h"

namespace baton::platform {
namespace {

// The page's file input is created on first use. A browser opens the picker only shortly
// after a user gesture, and the click on an ImGui button is one.
EM_JS(void, jsPickFile, (), {
    if (typeof window !== 'undefined' && window.batonPickFile) window.batonPickFile();
});

EM_JS(void, jsDownload, (const char* name, const char* data, int size, const char* mime), {
    if (typeof window !== 'undefined' && window.batonDownload) {
        window.batonDownload(UTF8ToString(name), HEAPU8.slice(data, data + size),
                             UTF8ToString(mime));
    }
});

// Calls window.baton[method](...arguments) and reports the settled Promise to
// baton_ui_reply(ticket, ok, text): the result as JSON text, or the error message.
EM_JS(void, jsCallApi, (int ticket, const char* methodText, const char* argumentsText), {
    var method = UTF8ToString(methodText);
    var reply = function(ok, text) { Module['batonUiReply'](ticket, ok, text); };
    try {
        var api = window.baton;
        if (!api || typeof api[method] !== 'function') throw new Error('no page API method ' + method);
        var args = JSON.parse(UTF8ToString(argumentsText) || '[]');
        Promise.resolve(api[method].apply(null, args)).then(function(result) {
            reply(1, JSON.stringify(result === undefined ? null : result));
        }, function(error) {
            reply(0, String(error && error.message ? error.message : error));
        });
    } catch (error) {
        reply(0, String(error && error.message ? error.message : error));
    }
});

EM_JS(void, jsPickText, (int ticket), {
    if (typeof window !== 'undefined' && window.batonPickText) {
        window.batonPickText(function(name, text) {
            Module['batonUiReply'](ticket, 1, JSON.stringify({name: name, text: text}));
        });
    }
});

// Installs Module.batonUiReply(ticket, ok, text), which copies the text into WASM memory
// with malloc (the stack that ccall uses for strings is too small for a backup) and
// passes it to baton_ui_reply.
EM_JS(void, jsInstallReply, (), {
    Module['batonUiReply'] = function(ticket, ok, text) {
        var size = lengthBytesUTF8(text) + 1;
        var pointer = _malloc(size);
        if (!pointer) {
            console.warn('baton: out of memory for a reply of ' + size + ' bytes');
            return;
        }
        try {
            stringToUTF8(text, pointer, size);
            Module['_baton_ui_reply'](ticket, ok, pointer);
        } finally {
            _free(pointer);
        }
    };
});

EM_JS(void, jsReload, (), { if (typeof location !== 'undefined') location.reload(); });

bool g_replyInstalled = false;

}  // namespace

void serveFileRequests(Session& session) {
    if (!g_replyInstalled) {
        jsInstallReply();
        g_replyInstalled = true;
    }
    for (const PlatformRequest& request : session.takeRequests()) {
        switch (request.kind) {
            case PlatformRequest::Kind::PickFile:
                jsPickFile();
                break;
            case PlatformRequest::Kind::Download:
                jsDownload(request.fileName.c_str(), request.text.data(),
                           static_cast<int>(request.text.size()),
                           request.mimeType.empty() ? "application/octet-stream"
                                                    : request.mimeType.c_str());
                session.log().info("Offered " + request.fileName + " as a download.");
                break;
            case PlatformRequest::Kind::CallApi:
                jsCallApi(request.ticket, request.method.c_str(),
                          request.arguments.empty() ? "[]" : request.arguments.c_str());
                break;
            case PlatformRequest::Kind::PickText:
                jsPickText(request.ticket);
                break;
            case PlatformRequest::Kind::Reload:
                jsReload();
                break;
        }
    }
}

}  // namespace baton::platform

extern "C" {

// Delivers the reply of a CallApi or PickText request to the session (see jsCallApi).
EMSCRIPTEN_KEEPALIVE void baton_ui_reply(int ticket, int ok, const char* text) {
    baton::Session* session = baton::platform::activeSession();
    if (session) session->replies().deliver(ticket, {ok != 0, text ? text : ""});
}

}  // extern "C"
