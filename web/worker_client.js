// window.baton.allocateAsync(options): an allocation that runs off the page's main thread
// in the allocation Web Worker, so that ImGui keeps drawing and the overlay shows each
// phase with a Cancel button. The worker is baton_worker.js, or in baton.html its inlined
// copy started from a Blob URL. The page copies a workspace snapshot to the worker (a transferred
// ArrayBuffer) and loads the result text back into the session, as allocate() would.
// Small workspaces, or a page that cannot start the worker, run in the page instead.
// Appended to the Emscripten output (--post-js), so Module and HEAPU8 are in scope.
(function () {
  'use strict';
  if (typeof window === 'undefined' || !window.baton) return;

  // Below this many released clients the page allocates itself. NOTE: an estimate. On a
  // loaded 2-core machine an M workspace (3,392 released) took 1.6 to 3.9 s in the page
  // and 5 to 9 s in the worker, which starts cold and evaluates the workspace again.
  var kWorkerMinimumReleased = 2000;
  // A worker that finished a run stays for this long, so that the next run (an override,
  // another seed) skips loading, compiling and warming up its WASM, and reuses the
  // workspace it read when the snapshot is the same. It is then terminated to free its
  // memory.
  var kIdleWorkerMs = 120000;
  var running = null;   // the run in progress: {cancel()}
  var idle = null;      // the worker of the last finished run: {worker, url, timer}
  var lastRun = null;   // what allocationStats() returns
  var blobUrl = null;   // the inlined worker's Blob URL, made once per page

  function withText(text, body) {
    var size = lengthBytesUTF8(text) + 1;
    var pointer = _malloc(size);
    if (!pointer) throw new Error('out of memory for ' + size + ' bytes of input');
    try {
      stringToUTF8(text, pointer, size);
      return body(pointer);
    } finally {
      _free(pointer);
    }
  }

  function showOverlay(phase, fraction, withCancel) {
    withText(phase, function (pointer) {
      Module['_baton_busy_allocation'](pointer, fraction, withCancel ? 1 : 0);
    });
  }

  function hideOverlay() { Module['_baton_busy_end'](); }

  function nextFrame() {
    return new Promise(function (resolve) { requestAnimationFrame(function () { resolve(); }); });
  }

  // The worker script's URL, or null when this page cannot start one: from file:// a
  // worker needs the inlined copy of baton.html, because Chromium rejects a file:// URL.
  function workerUrl() {
    var inline = window.document.getElementById('baton-worker-source');
    if (inline) {
      if (!blobUrl) {
        var blob = new Blob([inline.textContent], {type: 'text/javascript'});
        blobUrl = URL.createObjectURL(blob);
      }
      return blobUrl;
    }
    if (window.location.protocol === 'file:') return null;
    return new URL('baton_worker.js', window.document.baseURI).href;
  }

  // Takes the job from the session: the options as JSON, the revision, the released
  // count and a copy of the snapshot's bytes.
  function takeJob(optionsText) {
    var job = withText(optionsText, function (pointer) {
      return JSON.parse(UTF8ToString(Module['_baton_api_allocation_job'](pointer)));
    });
    if (!job.ok) throw new Error(job.error);
    job.bytes = HEAPU8.slice(job.snapshot, job.snapshot + job.size).buffer;
    Module['_baton_api_allocation_job_free']();
    return job;
  }

  // Copies the result text and its encoded form into the heap and makes them the
  // session's last result; the page reads the encoded form, which is much faster.
  function adopt(result, revision) {
    var data = new Uint8Array(result.bytes);
    var encoded = new Uint8Array(result.encoded || new ArrayBuffer(0));
    var pointer = _malloc(Math.max(1, data.length));
    var encodedPointer = _malloc(Math.max(1, encoded.length));
    try {
      if (!pointer || !encodedPointer) {
        throw new Error('out of memory for a result of ' + data.length + ' bytes');
      }
      HEAPU8.set(data, pointer);
      HEAPU8.set(encoded, encodedPointer);
      var reply = JSON.parse(UTF8ToString(Module['_baton_api_adopt_allocation'](
        pointer, data.length, encodedPointer, encoded.length, revision)));
      if (!reply.ok) throw new Error(reply.error);
    } finally {
      if (pointer) _free(pointer);
      if (encodedPointer) _free(encodedPointer);
    }
  }

  // Counts the page's animation frames into stats.frames and the longest gap between two
  // of them into stats.longestFrameGapMs, until stop().
  function countFrames(stats) {
    var on = true;
    var last = performance.now();
    stats.frames = 0;
    stats.longestFrameGapMs = 0;
    var step = function (now) {
      if (!on) return;
      stats.frames += 1;
      stats.longestFrameGapMs = Math.max(stats.longestFrameGapMs, now - last);
      last = now;
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
    return {stop: function () { on = false; }};
  }

  // Runs the job in a new worker. Resolves with {bytes, encoded}, the result's text and
  // its encoded form; rejects with
  // {fallback: true} when the worker could not start (then the page runs the job).
  // Starts the worker, which loads its WASM and warms up while the page takes the job.
  // Returns {worker} or {failure} when the page cannot start one.
  function startWorker(url) {
    if (idle && idle.url === url) {
      var kept = idle;
      idle = null;
      clearTimeout(kept.timer);
      return {worker: kept.worker, url: url, begin: performance.now(), warm: true};
    }
    dropIdleWorker();
    try {
      return {worker: new Worker(url), url: url, begin: performance.now()};
    } catch (error) {
      return {failure: String(error && error.message ? error.message : error)};
    }
  }

  function dropIdleWorker() {
    if (!idle) return;
    clearTimeout(idle.timer);
    idle.worker.terminate();
    idle = null;
  }

  function keepIdleWorker(worker, url) {
    dropIdleWorker();
    worker.onmessage = null;
    worker.onerror = null;
    idle = {worker: worker, url: url, timer: setTimeout(dropIdleWorker, kIdleWorkerMs)};
  }

  function runInWorker(start, job, stats) {
    return new Promise(function (resolve, reject) {
      if (start.failure) {
        reject({fallback: true, reason: start.failure});
        return;
      }
      var worker = start.worker;
      // A kept worker is running already: it sends no second 'ready'.
      var started = !!start.warm;
      var begin = start.begin;
      stats.phaseMs = [];
      stats.warmWorker = started;
      if (started) stats.readyMs = 0;
      var frames = countFrames(stats);
      // `keep` leaves the worker running for the next run; a failed or cancelled run
      // terminates it.
      var finish = function (settle, value, keep) {
        if (keep) keepIdleWorker(worker, start.url);
        else worker.terminate();
        frames.stop();
        running = null;
        settle(value);
      };
      running = {cancel: function () {
        var error = new Error('the allocation was cancelled');
        error.cancelled = true;
        finish(reject, error);
      }};
      worker.onmessage = function (event) {
        var message = event.data || {};
        if (message.type === 'ready') {
          started = true;
          stats.readyMs = performance.now() - begin;
        } else if (message.type === 'phase') {
          stats.phases.push(message.phase);
          stats.phaseMs.push(Math.round(performance.now() - begin));
          showOverlay(message.phase, message.fraction, true);
        } else if (message.type === 'result') {
          finish(resolve, {bytes: message.bytes, encoded: message.encoded}, true);
        } else {
          finish(reject, new Error(message.message || 'the allocation worker failed'));
        }
      };
      worker.onerror = function (event) {
        event.preventDefault();
        var reason = event.message || 'the allocation worker could not be loaded';
        finish(reject, started ? new Error(reason) : {fallback: true, reason: reason});
      };
      worker.postMessage({type: 'allocate', snapshot: job.bytes, options: job.options,
                          inputRevision: job.inputRevision}, [job.bytes]);
    });
  }

  function logEnded(error) {
    withText(String(error && error.message ? error.message : error), function (pointer) {
      Module['_baton_api_allocation_ended'](error && error.cancelled ? 1 : 0, pointer);
    });
  }

  // The in-page run behind the overlay, drawn for a few frames before the page blocks.
  function runInPage(optionsText, stats) {
    stats.mode = 'page';
    showOverlay('', -1, false);
    return nextFrame().then(nextFrame).then(nextFrame).then(function () {
      return window.baton.allocate(optionsText);
    }).finally(hideOverlay);
  }

  function runWithWorker(start, job, optionsText, stats) {
    showOverlay('sending', 0.02, true);
    return runInWorker(start, job, stats).then(function (result) {
      showOverlay('loading', 0.97, false);
      // One frame shows "loading the result" before the page blocks to read it.
      return nextFrame().then(function () {
        var begin = performance.now();
        adopt(result, job.revision);
        var text = new TextDecoder('utf-8').decode(result.bytes);
        stats.adoptMs = performance.now() - begin;
        return text;
      });
    }, function (failure) {
      if (failure && failure.fallback) {
        console.warn('baton: the allocation worker did not start (' + failure.reason +
                     '); allocating in the page');
        hideOverlay();
        return runInPage(optionsText, stats);
      }
      logEnded(failure);
      throw failure;
    }).finally(hideOverlay);
  }

  function allocateAsync(options) {
    var o = typeof options === 'string' ? JSON.parse(options || '{}') : (options || {});
    var choice = o.worker === undefined ? 'auto' : o.worker;
    if (choice !== 'auto' && choice !== 'always' && choice !== 'never') {
      throw new Error('option worker must be "auto", "always" or "never"');
    }
    if (running) throw new Error('an allocation is already running: wait for it or cancel it');
    var optionsText = JSON.stringify(o);
    var begin = performance.now();
    var released = JSON.parse(UTF8ToString(Module['_baton_api_summary']())).released;
    var useWorker = choice === 'always' ||
                    (choice === 'auto' && released >= kWorkerMinimumReleased);
    var url = useWorker ? workerUrl() : null;
    // The worker starts before the job is taken, so that its start-up and warm-up run
    // while the page writes the snapshot.
    var start = url ? startWorker(url) : null;
    var job = takeJob(optionsText);
    var stats = {mode: 'worker', released: job.released, phases: [], seconds: 0,
                 jobMs: performance.now() - begin, adoptMs: 0};
    var run = start ? runWithWorker(start, job, optionsText, stats)
                    : runInPage(optionsText, stats);
    return run.then(function (text) {
      stats.seconds = (performance.now() - begin) / 1000;
      lastRun = stats;
      return o.text === false ? {mode: stats.mode, released: stats.released} : text;
    });
  }

  Module['batonCancelAllocation'] = function () { if (running) running.cancel(); };

  window.baton.allocateAsync = function (options) {
    return window.baton.ready.then(function () { return allocateAsync(options); });
  };
  // The text of the current proposal, whichever way it was computed ('' before any run).
  window.baton.lastResult = function () {
    return window.baton.ready.then(function () {
      return UTF8ToString(Module['_baton_api_last_result']());
    });
  };
  // Test hook, not part of the stable API: how the last allocateAsync() ran.
  window.baton.allocationStats = function () {
    return window.baton.ready.then(function () { return lastRun; });
  };
})();
