// window.baton: the page API for scripted tests and embedding pages. Appended to the
// Emscripten output (--post-js), so it sees Module and the runtime functions. Every
// method returns a Promise that settles after the stored workspace has loaded.
(function () {
  'use strict';

  var resolveReady;
  var ready = new Promise(function (resolve) { resolveReady = resolve; });
  Module['batonOnReady'] = function () {
    if (typeof batonHideStatus === 'function') batonHideStatus();
    resolveReady();
  };

  // Calls an exported C function with string arguments copied into WASM memory (not
  // the stack, which is too small for a large workspace) and returns its text reply.
  function call(name, args) {
    var pointers = [];
    try {
      var values = (args || []).map(function (text) {
        var size = lengthBytesUTF8(text) + 1;
        var pointer = _malloc(size);
        if (!pointer) throw new Error('out of memory for ' + size + ' bytes of input');
        pointers.push(pointer);
        stringToUTF8(text, pointer, size);
        return pointer;
      });
      var result = Module['_' + name].apply(null, values);
      return UTF8ToString(result);
    } finally {
      pointers.forEach(function (pointer) { _free(pointer); });
    }
  }

  // Text replies of exportWorkspace and evaluate are documents; a failure is an error object.
  function document(text) {
    if (text.lastIndexOf('{"ok":false', 0) === 0) throw new Error(JSON.parse(text).error);
    return text;
  }

  function asText(value, what) {
    if (typeof value === 'string') return value;
    if (value === undefined || value === null) return '';
    if (value instanceof Uint8Array || value instanceof ArrayBuffer) {
      return new TextDecoder('utf-8').decode(value);
    }
    if (typeof value === 'object') return JSON.stringify(value);
    throw new TypeError(what + ' must be text or a plain object');
  }

  function method(body) {
    return function () {
      var args = arguments;
      return ready.then(function () { return body.apply(null, args); });
    };
  }

  var api = {
    ready: ready,
    importWorkspace: method(function (text) {
      return JSON.parse(call('baton_api_import_workspace', [asText(text, 'workspace')]));
    }),
    exportWorkspace: method(function () { return document(call('baton_api_export_workspace')); }),
    evaluate: method(function () { return document(call('baton_api_evaluate')); }),
    allocate: method(function (options) {
      var reply = JSON.parse(call('baton_api_allocate', [asText(options, 'options')]));
      if (!reply.ok) throw new Error(reply.error);
      return reply.text;
    }),
    applyProposal: method(function () {
      return JSON.parse(call('baton_api_apply_proposal'));
    }),
    summary: method(function () { return JSON.parse(call('baton_api_summary')); }),
    setLocale: method(function (tag) {
      var reply = JSON.parse(call('baton_api_set_locale', [asText(tag, 'locale')]));
      if (!reply.ok) throw new Error(reply.error);
      return reply.locale;
    }),
    importProposal: method(function (text) {
      return JSON.parse(call('baton_api_import_proposal', [asText(text, 'proposal')]));
    }),
    // Test hook, not part of the stable API: where a named widget was drawn.
    widgetRect: method(function (name) {
      return JSON.parse(call('baton_api_widget_rect', [asText(name, 'name')]));
    }),
  };

  if (typeof window !== 'undefined') {
    window.baton = api;
    var saveNow = function () { if (Module['_baton_save_now']) Module['_baton_save_now'](); };
    window.addEventListener('pagehide', saveNow);
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'hidden') saveNow();
    });
  }
})();
