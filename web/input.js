// Text entry, clipboard and touch for the ImGui canvas. Emscripten 3.1.6's GLFW reads text
// from keypress only (so IME composition never arrives), has empty clipboard functions and
// turns a touch drag into a mouse drag. Appended to the Emscripten output (--post-js); the
// C side is src/platform/text_input.cpp and src/platform/touch.cpp, which call these
// helpers once a frame through Module.batonInput.
(function () {
  'use strict';
  if (typeof window === 'undefined' || typeof document === 'undefined') return;

  var state = {
    field: null,
    composing: false,
    // Text committed since the C side last took it: typed characters and IME results.
    pending: '',
    // What ImGui reads on paste: the last paste event's text or the last text ImGui copied.
    clipboard: '',
    caret: { x: 0, y: 0 },
    touches: [],
  };

  // Hands the field's text to ImGui and empties the field, so the next input starts fresh.
  function commitFieldText() {
    var field = state.field;
    if (!field || field.value === '') return;
    // Enter and Tab reach ImGui as keys through GLFW; as characters they would act twice.
    state.pending += field.value.replace(/[\u0000-\u001f\u007f]/g, '');
    field.value = '';
  }

  function placeField() {
    var field = state.field;
    var rect = Module['canvas'].getBoundingClientRect();
    field.style.left = Math.round(rect.left + state.caret.x) + 'px';
    field.style.top = Math.round(rect.top + state.caret.y) + 'px';
  }

  function showComposition(visible) {
    var field = state.field;
    field.style.opacity = visible ? '1' : '0';
    field.style.width = visible ? '16em' : '1px';
  }

  function createField() {
    var field = document.createElement('input');
    field.type = 'text';
    field.id = 'baton-text-input';
    field.setAttribute('autocomplete', 'off');
    field.setAttribute('autocorrect', 'off');
    field.setAttribute('autocapitalize', 'off');
    field.setAttribute('spellcheck', 'false');
    field.setAttribute('aria-hidden', 'true');
    field.tabIndex = -1;
    var style = field.style;
    style.position = 'fixed';
    style.left = '0px';
    style.top = '0px';
    style.width = '1px';
    style.height = '1.4em';
    style.padding = '0 2px';
    style.border = '1px solid #2563eb';
    style.background = '#ffffff';
    style.color = '#111827';
    style.font = '15px "DejaVu Sans", system-ui, sans-serif';
    style.opacity = '0';
    style.zIndex = '10';
    style.outline = 'none';
    field.addEventListener('compositionstart', function () {
      state.composing = true;
      placeField();
      showComposition(true);
    });
    field.addEventListener('compositionend', function () {
      state.composing = false;
      showComposition(false);
      commitFieldText();
    });
    // While composing, the field contains the preedit text, which is not ImGui's yet. Some
    // browsers fire the last input event after compositionend, and the field is empty then.
    field.addEventListener('input', function () {
      if (!state.composing) commitFieldText();
    });
    document.body.appendChild(field);
    state.field = field;
  }

  // Writes text to the system clipboard. navigator.clipboard exists only in a secure
  // context (https, localhost, 127.0.0.1 or file:). Elsewhere a copy command works, because
  // it runs shortly after the key press or click that requested the copy.
  function writeClipboard(text) {
    state.clipboard = text;
    var viaCommand = function () {
      var onCopy = function (event) {
        event.clipboardData.setData('text/plain', text);
        event.preventDefault();
      };
      document.addEventListener('copy', onCopy, true);
      try {
        document.execCommand('copy');
      } catch (error) {
        console.warn('baton: copying to the clipboard failed: ' + error.message);
      } finally {
        document.removeEventListener('copy', onCopy, true);
      }
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).catch(viaCommand);
    } else {
      viaCommand();
    }
  }

  // Paste events carry the clipboard without a permission prompt. ImGui reads the text
  // in the next frame, when it handles the Ctrl+V (Cmd+V) that caused the event.
  document.addEventListener('paste', function (event) {
    if (!event.clipboardData) return;
    state.clipboard = event.clipboardData.getData('text/plain');
    event.preventDefault();
  }, true);

  function canvasPoint(touch) {
    var rect = Module['canvas'].getBoundingClientRect();
    return { x: touch.clientX - rect.left, y: touch.clientY - rect.top };
  }

  // One finger is followed (the first one down); further fingers are ignored. Touch events
  // stop here in the capture phase, before GLFW's canvas listeners would turn them into a
  // mouse drag, and preventDefault keeps the browser from scrolling the page or sending
  // emulated mouse events.
  var followed = null;
  function onTouch(event) {
    if (event.target !== Module['canvas']) return;
    event.stopPropagation();
    event.preventDefault();
    var kind = { touchstart: 0, touchmove: 1, touchend: 2, touchcancel: 2 }[event.type];
    for (var i = 0; i < event.changedTouches.length; ++i) {
      var touch = event.changedTouches[i];
      if (kind === 0 && followed === null) followed = touch.identifier;
      if (touch.identifier !== followed) continue;
      var point = canvasPoint(touch);
      state.touches.push(kind, point.x, point.y);
      if (kind === 2) followed = null;
    }
  }
  ['touchstart', 'touchmove', 'touchend', 'touchcancel'].forEach(function (type) {
    window.addEventListener(type, onTouch, { capture: true, passive: false });
  });

  Module['batonInput'] = {
    // Focuses the hidden field while ImGui has a text field active, so that the IME
    // composes into it, and blurs it otherwise.
    update: function (wantText) {
      if (!state.field) createField();
      var active = document.activeElement === state.field;
      if (wantText && !active) {
        state.field.value = '';
        placeField();
        state.field.focus({ preventScroll: true });
      } else if (!wantText && active) {
        commitFieldText();
        state.field.blur();
      }
    },
    // True while the hidden field has the focus: its input events carry the text, and
    // GLFW's keypress characters must be dropped.
    active: function () {
      return state.field !== null && document.activeElement === state.field;
    },
    takeText: function () {
      var text = state.pending;
      state.pending = '';
      return text;
    },
    setCaret: function (x, y) {
      state.caret.x = x;
      state.caret.y = y;
      if (state.composing) placeField();
    },
    writeClipboard: writeClipboard,
    readClipboard: function () { return state.clipboard; },
    // Removes and returns up to `limit` numbers of the queued touch events as
    // [kind, x, y, ...], with kind 0 for down, 1 for move and 2 for up, and x, y in CSS
    // pixels of the canvas. `limit` is a multiple of 3.
    takeTouches: function (limit) {
      return state.touches.splice(0, limit);
    },
  };
})();

// Test hook, not part of the stable API: frame times from ImGui::NewFrame to Render.
(function () {
  'use strict';
  if (typeof window === 'undefined' || !window.baton) return;
  window.baton.frameStats = function (options) {
    var reset = options && options.reset ? 1 : 0;
    return window.baton.ready.then(function () {
      return JSON.parse(UTF8ToString(Module['_baton_api_frame_stats'](reset)));
    });
  };
})();

// Shows the progress overlay while the page imports a file. The import itself runs
// synchronously in WASM, so the overlay gets two frames on screen before it starts.
(function () {
  'use strict';
  if (typeof window === 'undefined') return;
  function nextFrame() {
    return new Promise(function (resolve) { requestAnimationFrame(function () { resolve(); }); });
  }
  Module['batonRunBusyImport'] = function (name, work) {
    var begin = Module['_baton_busy_begin_import'];
    if (!begin) return Promise.resolve().then(work);
    var size = lengthBytesUTF8(name) + 1;
    var pointer = _malloc(size);
    stringToUTF8(name, pointer, size);
    begin(pointer);
    _free(pointer);
    return nextFrame().then(nextFrame).then(nextFrame).then(work).finally(function () {
      Module['_baton_busy_end']();
    });
  };
})();

// Test hook, not part of the stable API: what a data table showed in the last frame.
(function () {
  'use strict';
  if (typeof window === 'undefined' || !window.baton) return;
  window.baton.tableState = function (name) {
    return window.baton.ready.then(function () {
      var size = lengthBytesUTF8(name) + 1;
      var pointer = _malloc(size);
      stringToUTF8(name, pointer, size);
      try {
        return JSON.parse(UTF8ToString(Module['_baton_api_table_state'](pointer)));
      } finally {
        _free(pointer);
      }
    });
  };
})();

// Test hook, not part of the stable API: the characters of `text` that the font atlas has no
// glyph for, as one string ("" when the page can draw all of them).
(function () {
  'use strict';
  if (typeof window === 'undefined' || !window.baton) return;
  window.baton.missingGlyphs = function (text) {
    return window.baton.ready.then(function () {
      var size = lengthBytesUTF8(text) + 1;
      var pointer = _malloc(size);
      stringToUTF8(text, pointer, size);
      try {
        return JSON.parse(UTF8ToString(Module['_baton_api_missing_glyphs'](pointer)));
      } finally {
        _free(pointer);
      }
    });
  };
})();
