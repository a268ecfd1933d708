// The message loop of the allocation Web Worker, appended to baton_worker.js (--post-js).
// The page posts {type: 'allocate', snapshot: ArrayBuffer, options: JSON text,
// inputRevision: the job's input revision}. The worker posts {type: 'ready'} once its WASM
// is running, {type: 'phase', phase, fraction} as each phase starts, then {type: 'result', bytes: ArrayBuffer of the UTF-8 result text,
// encoded: ArrayBuffer of the same result in binary (src/store/result_codec.h)} or
// {type: 'error', message}.
(function () {
  'use strict';
  var running = false;
  var waiting = [];

  function allocate(message) {
    var snapshot = new Uint8Array(message.snapshot);
    var pointer = _malloc(Math.max(1, snapshot.length));
    var options = _malloc(lengthBytesUTF8(message.options) + 1);
    if (!pointer || !options) {
      self.postMessage({type: 'error', message: 'out of memory for a workspace of ' +
                        snapshot.length + ' bytes'});
      return;
    }
    HEAPU8.set(snapshot, pointer);
    stringToUTF8(message.options, options, lengthBytesUTF8(message.options) + 1);
    var inputRevision = typeof message.inputRevision === 'number' ? message.inputRevision : -1;
    var ok = Module['_baton_worker_allocate'](pointer, snapshot.length, options, inputRevision);
    _free(pointer);
    _free(options);
    var reply = Module['_baton_worker_reply']();
    var size = Module['_baton_worker_reply_size']();
    if (ok) {
      var bytes = HEAPU8.slice(reply, reply + size).buffer;
      var start = Module['_baton_worker_encoded']();
      var encoded = HEAPU8.slice(start, start + Module['_baton_worker_encoded_size']()).buffer;
      Module['_baton_worker_reply_free']();
      self.postMessage({type: 'result', bytes: bytes, encoded: encoded}, [bytes, encoded]);
    } else {
      self.postMessage({type: 'error', message: UTF8ToString(reply)});
    }
  }

  function handle(message) {
    if (!message || message.type !== 'allocate') {
      self.postMessage({type: 'error', message: 'unknown message for the allocation worker'});
      return;
    }
    allocate(message);
  }

  self.onmessage = function (event) {
    if (running) handle(event.data);
    else waiting.push(event.data);
  };

  Module['onRuntimeInitialized'] = function () {
    // A small job first, so that the real one runs on optimised code (see
    // baton_worker_warm_up in src/platform/worker_main.cpp).
    Module['_baton_worker_warm_up']();
    running = true;
    self.postMessage({type: 'ready'});
    waiting.splice(0).forEach(handle);
  };
})();
