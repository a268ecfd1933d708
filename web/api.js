// window.baton: the page API for scripted tests and embedding pages. Appended to the
// Emscripten output (--post-js), so Module and the runtime functions are in scope. Every
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
  // the stack, which is too small for a large workspace) and returns its text reply. The C
  // function reads each string up to its first NUL, so a string that contains U+0000 is a
  // TypeError here instead of arriving cut. Documents go through textCall, which keeps it.
  function call(name, args, numbers) {
    var pointers = [];
    try {
      var values = (args || []).map(function (text, i) {
        var nul = text.indexOf('\u0000');
        if (nul >= 0) {
          throw new TypeError(name + ': argument ' + (i + 1) + ' contains a NUL character ' +
            '(U+0000) at index ' + nul + '; remove it');
        }
        var size = lengthBytesUTF8(text) + 1;
        var pointer = _malloc(size);
        if (!pointer) throw new Error('out of memory for ' + size + ' bytes of input');
        pointers.push(pointer);
        stringToUTF8(text, pointer, size);
        return pointer;
      });
      if (numbers) values = [values[0], numbers[0], numbers[1]].concat(values.slice(1));
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
    if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
      return new TextDecoder('utf-8').decode(value);
    }
    if (typeof value === 'object') return JSON.stringify(value);
    throw new TypeError(what + ' must be text or a plain object');
  }

  // A value as messages name it: its type, with its length where it has one.
  function describeValue(value) {
    if (value === null) return 'null';
    if (value === undefined) return 'undefined';
    var counted = function (count, noun) { return count + ' ' + noun + (count === 1 ? '' : 's'); };
    if (typeof value === 'string') return 'a string of ' + counted(value.length, 'character');
    if (Array.isArray(value)) return 'an array of ' + counted(value.length, 'item');
    if (typeof value === 'object') {
      return 'an object (' + Object.prototype.toString.call(value).slice(8, -1) + ')';
    }
    return 'a ' + typeof value;
  }

  // The bytes of a file as a Uint8Array: a Uint8Array as it is, an ArrayBuffer or another
  // typed array or DataView as a view of its bytes. Anything else, text included, is a
  // TypeError that names `what` and the value given.
  function asBytes(value, what) {
    if (value instanceof Uint8Array) return value;
    if (value instanceof ArrayBuffer) return new Uint8Array(value);
    if (ArrayBuffer.isView(value)) {
      return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    }
    throw new TypeError(what + ' as a Uint8Array or an ArrayBuffer, got ' +
      describeValue(value) + '; read a File with its arrayBuffer() method, or turn text into ' +
      'bytes with new TextEncoder().encode(text)');
  }

  // Rejects an absent document, which asText would turn into empty text.
  function requireDocument(value, what) {
    if (value === undefined || value === null) {
      throw new TypeError(what + ' as text, a Uint8Array or an ArrayBuffer, got ' +
        describeValue(value));
    }
  }


  // Allocates `size` bytes of WASM memory, lets `fill(pointer)` write them, calls
  // `body(pointer, size)` and frees the memory.
  function withHeap(size, what, fill, body) {
    var pointer = _malloc(Math.max(1, size));
    if (!pointer) throw new Error('out of memory for ' + size + ' bytes of ' + what);
    try {
      fill(pointer);
      return body(pointer, size);
    } finally {
      _free(pointer);
    }
  }

  // Copies `data` into WASM memory for `body(pointer, size)`.
  function withHeapBytes(data, what, body) {
    return withHeap(data.length, what, function (pointer) { HEAPU8.set(data, pointer); }, body);
  }

  // Calls an exported C function (bytes, size) with `text` as UTF-8 bytes and their length,
  // so that a NUL character in the text reaches the C reader, and returns the text reply.
  function textCall(cName, text, what) {
    return withHeapBytes(new TextEncoder().encode(text), what, function (pointer, size) {
      return UTF8ToString(Module['_' + cName](pointer, size));
    });
  }

  // Calls an import function of one file: (name, bytes, size, mapping, options). `apiName`
  // is the page API method, for the TypeError of bytes that are not bytes.
  function fileCall(cName, apiName, name, bytes, mapping, options) {
    var data = asBytes(bytes, apiName + ' expects the bytes of ' + JSON.stringify(String(name)));
    return withHeapBytes(data, name, function (pointer, size) {
      return JSON.parse(call(cName, [asText(name, 'name'), asText(mapping, 'mapping'),
        asText(options, 'options')], [pointer, size]));
    });
  }

  // Calls an import function of several files: (manifest, bytes, size, mapping, options),
  // with the files' bytes copied one after another and the manifest [{name, table, size}]
  // in the same order.
  function filesCall(cName, apiName, files, mapping, options) {
    if (!Array.isArray(files)) {
      throw new TypeError(apiName + ' expects an array of {name, bytes, table?} objects, got ' +
        describeValue(files));
    }
    var list = files.map(function (file, i) {
      if (!file || typeof file !== 'object') {
        throw new TypeError(apiName + ' expects files[' + i + '] to be a {name, bytes, ' +
          'table?} object, got ' + describeValue(file));
      }
      var data = asBytes(file.bytes, apiName + ' expects files[' + i + '].bytes (' +
        JSON.stringify(String(file.name)) + ')');
      return {name: String(file.name), table: file.table ? String(file.table) : '', data: data};
    });
    var total = list.reduce(function (sum, file) { return sum + file.data.length; }, 0);
    var manifest = list.map(function (file) {
      return {name: file.name, table: file.table, size: file.data.length};
    });
    var fill = function (pointer) {
      var offset = 0;
      list.forEach(function (file) {
        HEAPU8.set(file.data, pointer + offset);
        offset += file.data.length;
      });
    };
    return withHeap(total, list.length + ' files', fill, function (pointer, size) {
      return JSON.parse(call(cName, [JSON.stringify(manifest), asText(mapping, 'mapping'),
        asText(options, 'options')], [pointer, size]));
    });
  }

  function method(body) {
    return function () {
      var args = arguments;
      return ready.then(function () { return body.apply(null, args); });
    };
  }

  var api = {
    ready: ready,
    // importWorkspace(text or Uint8Array/ArrayBuffer): bytes are copied into the heap once
    // and read as UTF-8 there, without a JavaScript string of the whole file.
    importWorkspace: method(function (text) {
      requireDocument(text, 'importWorkspace expects the workspace JSON');
      if (!(text instanceof ArrayBuffer || ArrayBuffer.isView(text))) {
        return JSON.parse(textCall('baton_api_import_workspace_bytes', asText(text, 'workspace'),
          'workspace'));
      }
      var data = asBytes(text, 'importWorkspace expects the workspace JSON');
      return withHeapBytes(data, 'workspace', function (pointer, size) {
        return JSON.parse(UTF8ToString(Module['_baton_api_import_workspace_bytes'](pointer, size)));
      });
    }),
    // exportWorkspace({pseudonymise: true}) replaces names by pseudonyms (storage_api.cpp).
    exportWorkspace: method(function (options) {
      var o = typeof options === 'string' ? JSON.parse(options || '{}') : (options || {});
      if (o.pseudonymise) return document(call('baton_api_export_pseudonymised'));
      return document(call('baton_api_export_workspace'));
    }),
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
    // Bytes reach the reader undecoded, so it decodes a CSV that Excel saved in GBK or UTF-16
    // as the imports do. Text is sent as UTF-8.
    importProposal: method(function (text) {
      requireDocument(text, 'importProposal expects the proposal');
      var isBytes = text instanceof ArrayBuffer || ArrayBuffer.isView(text);
      var bytes = isBytes ? asBytes(text, 'importProposal expects the proposal')
        : new TextEncoder().encode(asText(text, 'proposal'));
      return JSON.parse(withHeapBytes(bytes, 'proposal', function (pointer, size) {
        return UTF8ToString(Module['_baton_api_import_proposal'](pointer, size));
      }));
    }),
    // importFile(name, bytes, mapping?, options?): options {into: true} merges the file
    // into the open workspace.
    importFile: method(function (name, bytes, mapping, options) {
      return fileCall('baton_api_import_file', 'importFile', name, bytes, mapping, options);
    }),
    // importFiles([{name, bytes, table?}], mapping?, options?): several tables as one
    // workspace, or merged into the open one with options {into: true}.
    importFiles: method(function (files, mapping, options) {
      return filesCall('baton_api_import_files', 'importFiles', files, mapping, options);
    }),
    // stageFile, stageFiles and stageWorkspace read and check an import as importFile,
    // importFiles and importWorkspace do. They keep it for the Review import window, where
    // the user applies or cancels it, and their reply has "staged": true.
    stageFile: method(function (name, bytes, mapping, options) {
      return fileCall('baton_api_stage_file', 'stageFile', name, bytes, mapping, options);
    }),
    stageFiles: method(function (files, mapping, options) {
      return filesCall('baton_api_stage_files', 'stageFiles', files, mapping, options);
    }),
    stageWorkspace: method(function (name, bytes) {
      var data = asBytes(bytes, 'stageWorkspace expects the bytes of ' +
        JSON.stringify(String(name)));
      return withHeapBytes(data, name, function (pointer, size) {
        return JSON.parse(call('baton_api_stage_workspace', [asText(name, 'name')],
          [pointer, size]));
      });
    }),
    verify: method(function (resultText) {
      return JSON.parse(textCall('baton_api_verify', asText(resultText, 'result'), 'result'));
    }),
    // Test hook, not part of the stable API: where a named widget was drawn.
    widgetRect: method(function (name) {
      return JSON.parse(call('baton_api_widget_rect', [asText(name, 'name')]));
    }),
  };

  // Stored workspaces, backups, encryption at rest and storage status. The C side is
  // src/platform/storage_api.cpp; WebCrypto and IndexedDB helpers are Module.batonStorage
  // (src/platform/storage_js.cpp).
  var kIterations = 310000;
  var kIdleLockKey = 'baton.idleLockMinutes';
  var idleLockMinutes = storedIdleLock();

  // The idle-lock minutes the user chose in this browser, else 15. Site data may be
  // blocked, and then localStorage throws: the default is used.
  function storedIdleLock() {
    try {
      var text = window.localStorage.getItem(kIdleLockKey);
      var minutes = text === null ? NaN : Number(text);
      if (isFinite(minutes) && minutes >= 0) return minutes;
    } catch (e) {
      console.warn('baton: the idle-lock setting cannot be read:', e);
    }
    return 15;
  }

  function storageHelpers() { return Module['batonStorage']; }

  function checked(text) {
    var reply = JSON.parse(text);
    if (reply && reply.ok === false) throw new Error(reply.error);
    return reply;
  }

  // The C side's status plus the idle-lock minutes, which this file keeps in localStorage.
  function storageStatus() {
    var status = JSON.parse(call('baton_api_storage_status'));
    status.idle_lock_minutes = idleLockMinutes;
    return status;
  }

  // Saves now and resolves with the storage status once nothing is left to save, or
  // rejects with the save error (for example a full quota).
  function whenSaved(timeoutMs) {
    var deadline = Date.now() + (timeoutMs || 60000);
    return new Promise(function (resolve, reject) {
      // One save is requested and then watched. A request on every poll would restart a
      // failing save each time, so its error would never be reported.
      if (Module['_baton_save_now']) Module['_baton_save_now']();
      var poll = function () {
        var s = storageStatus();
        if (s.saved !== 'saving' && s.saved !== 'unsaved') return resolve(s);
        if (s.saved === 'unsaved' && s.last_error) return reject(new Error(s.last_error));
        if (Date.now() > deadline) return reject(new Error('saving did not finish in time'));
        setTimeout(poll, 50);
      };
      poll();
    });
  }

  // An encrypted workspace is saved through asynchronous encryption: wait for that
  // before leaving it, so its latest changes are not lost.
  function afterEncryptedSave(body) {
    var s = storageStatus();
    var pending = s.encrypted && !s.locked && (s.saved === 'unsaved' || s.saved === 'saving');
    return (pending ? whenSaved() : Promise.resolve()).then(body);
  }

  function keyCheckBytes() { return new TextEncoder().encode('baton-key-check'); }

  function unlockWith(info, key) {
    var S = storageHelpers();
    var sealed = null;
    try { sealed = FS.readFile(info.path); } catch (e) { sealed = null; }
    var plain = sealed ? S.decrypt(key, sealed) : Promise.resolve(new Uint8Array(0));
    return plain.then(function (bytes) {
      var pointer = _malloc(Math.max(bytes.length, 1));
      if (!pointer) throw new Error('out of memory for ' + bytes.length + ' bytes');
      HEAPU8.set(bytes, pointer);
      try {
        var text = Module['ccall']('baton_api_open_unlocked', 'string',
                                   ['string', 'number', 'number'], [info.id, pointer, bytes.length]);
        var reply = JSON.parse(text);
        if (reply.ok) S.keys[info.id] = key;
        return reply;
      } finally {
        _free(pointer);
      }
    }, function () {
      return {ok: false, error: 'The stored data of workspace "' + info.name +
                                '" is damaged: it cannot be decrypted.'};
    });
  }

  var storageApi = {
    workspaces: method(function () { return JSON.parse(call('baton_api_workspaces')); }),
    createWorkspace: method(function (name) {
      return checked(call('baton_api_create_workspace', [asText(name, 'name')])).id;
    }),
    openWorkspace: method(function (id) {
      return afterEncryptedSave(function () {
        return checked(call('baton_api_open_workspace', [String(id)]));
      });
    }),
    deleteWorkspace: method(function (id) {
      return checked(call('baton_api_delete_workspace', [String(id)]));
    }),
    renameWorkspace: method(function (id, name) {
      return checked(call('baton_api_rename_workspace', [String(id), asText(name, 'name')]));
    }),
    duplicateWorkspace: method(function (id) {
      return afterEncryptedSave(function () {
        return checked(call('baton_api_duplicate_workspace', [String(id)])).id;
      });
    }),
    storageStatus: method(storageStatus),
    whenSaved: method(function (timeoutMs) { return whenSaved(timeoutMs); }),
    setBackupReminder: method(function (days) {
      return checked(UTF8ToString(Module['_baton_api_set_backup_reminder'](days | 0)));
    }),
    exportBackup: method(function (passphrase) {
      var reply = checked(call('baton_api_export_backup'));
      if (passphrase === undefined || passphrase === null || passphrase === '') return reply.text;
      var S = storageHelpers();
      var salt = S.randomBytes(16);
      return S.deriveKey(String(passphrase), salt, kIterations).then(function (key) {
        return S.encrypt(key, new TextEncoder().encode(reply.text));
      }).then(function (sealed) {
        return JSON.stringify({
          format: 'baton-backup', version: 1, created: new Date().toISOString(),
          encrypted: {kdf: 'PBKDF2-SHA-256', iterations: kIterations, salt: S.toBase64(salt),
                      cipher: 'AES-GCM-256', iv: S.toBase64(sealed.subarray(8, 20)),
                      ciphertext: S.toBase64(sealed.subarray(20))},
        }, null, 2) + '\n';
      });
    }),
    restoreBackup: method(function (text, passphrase) {
      requireDocument(text, 'restoreBackup expects the backup');
      var source = asText(text, 'backup');
      var envelope = null;
      try {
        var parsed = JSON.parse(source);
        if (parsed && parsed.format === 'baton-backup' && parsed.encrypted) envelope = parsed.encrypted;
      } catch (ignored) { /* not JSON: the C side reports the syntax error */ }
      if (!envelope) return JSON.parse(textCall('baton_api_restore_backup', source, 'backup'));
      var failed = function (message) {
        return {ok: false, errors: [{path: '/encrypted', line: null, column: null, message: message}]};
      };
      if (!passphrase) return failed('this backup is encrypted: give its passphrase to restore it');
      var S = storageHelpers();
      return S.deriveKey(String(passphrase), S.fromBase64(envelope.salt), envelope.iterations)
        .then(function (key) {
          var iv = S.fromBase64(envelope.iv);
          var body = S.fromBase64(envelope.ciphertext);
          var sealed = new Uint8Array(20 + body.length);
          sealed.set(S.magic, 0);
          sealed.set(iv, 8);
          sealed.set(body, 20);
          return S.decrypt(key, sealed);
        }).then(function (plain) {
          return JSON.parse(textCall('baton_api_restore_backup', new TextDecoder().decode(plain),
            'backup'));
        }, function () {
          return failed('wrong passphrase, or the backup is damaged: it cannot be decrypted');
        });
    }),
    setPassphrase: method(function (id, passphrase) {
      if (typeof passphrase !== 'string' || passphrase.length < 8) {
        throw new Error('setPassphrase: the passphrase must have at least 8 characters');
      }
      var S = storageHelpers();
      var info = checked(call('baton_api_encryption_info', [String(id)]));
      if (!info.open || info.locked) {
        throw new Error('setPassphrase: open and unlock workspace "' + id + '" first');
      }
      var salt = S.randomBytes(16);
      return S.deriveKey(passphrase, salt, kIterations).then(function (key) {
        return S.encrypt(key, keyCheckBytes()).then(function (check) {
          S.keys[info.id] = key;
          checked(call('baton_api_set_encryption', [info.id, JSON.stringify({
            salt: S.toBase64(salt), iterations: kIterations, check: S.toBase64(check)})]));
          return whenSaved();
        });
      }).then(function () { return {ok: true}; });
    }),
    unlockWorkspace: method(function (id, passphrase) {
      var S = storageHelpers();
      var info = checked(call('baton_api_encryption_info', [String(id)]));
      if (!info.encryption) return {ok: false, error: 'Workspace "' + info.name + '" is not encrypted.'};
      return afterEncryptedSave(function () {
        var salt = S.fromBase64(info.encryption.salt);
        return S.deriveKey(String(passphrase), salt, info.encryption.iterations);
      }).then(function (key) {
        return S.decrypt(key, S.fromBase64(info.encryption.check)).then(function () {
          return unlockWith(info, key);
        }, function () {
          return {ok: false, error: 'Wrong passphrase for workspace "' + info.name + '".'};
        });
      });
    }),
    // Stores the open, unlocked workspace unencrypted again and drops its key from memory.
    removePassphrase: method(function (id) {
      checked(call('baton_api_clear_encryption', [String(id)]));
      return whenSaved().then(function () { return {ok: true}; });
    }),
    lockWorkspace: method(function (id) {
      var s = storageStatus();
      var open = s.workspace === String(id) && !s.locked;
      return (open ? whenSaved() : Promise.resolve()).then(function () {
        return checked(call('baton_api_lock', [String(id)]));
      });
    }),
    // Locks an unlocked encrypted workspace after this many minutes without input (0: never).
    setIdleLock: method(function (minutes) {
      if (typeof minutes !== 'number' || minutes < 0) throw new Error('setIdleLock: minutes must be a number >= 0');
      idleLockMinutes = minutes;
      try {
        window.localStorage.setItem(kIdleLockKey, String(minutes));
      } catch (e) {
        console.warn('baton: the idle-lock setting cannot be kept:', e);
      }
      return idleLockMinutes;
    }),
  };
  Object.keys(storageApi).forEach(function (name) { api[name] = storageApi[name]; });

  // Planning views and the audit log (src/platform/planning_api.cpp); none changes the
  // workspace.
  var planningApi = {
    whatIf: method(function (employeeId) {
      return JSON.parse(call('baton_api_what_if', [String(employeeId)]));
    }),
    keyPersonRisk: method(function () { return JSON.parse(call('baton_api_key_person_risk')); }),
    verifyAudit: method(function () { return JSON.parse(call('baton_api_verify_audit')); }),
  };
  Object.keys(planningApi).forEach(function (name) { api[name] = planningApi[name]; });

  // The reassignment cycle (src/platform/cycle_api.cpp; the README's "Cycle" section).
  // Calls that change the cycle return {ok, message}; a rejected step is ok: false with
  // the reason, and an invalid argument rejects the Promise.
  function cycleArgument(a) {
    return a === undefined || a === null ? '' : (typeof a === 'object' ? JSON.stringify(a) : String(a));
  }
  function cycleReply(text) {
    var reply = JSON.parse(text);
    if (reply && reply.ok === false && reply.error) throw new Error(reply.error);
    return reply;
  }
  function cycleCall(name, args) {
    return cycleReply(call(name, (args || []).map(cycleArgument)));
  }
  function cycleText(name, args) { return cycleCall(name, args).text; }
  // The local calendar date as YYYY-MM-DD, the default date of every cycle step.
  function localDate() {
    var d = new Date();
    var pad = function (n) { return (n < 10 ? '0' : '') + n; };
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
  }
  var cycleApi = {
    cycle: method(function () { return cycleCall('baton_api_cycle'); }),
    setToday: method(function (date) { return cycleCall('baton_api_set_today', [date]).today; }),
    startCycle: method(function (options) { return cycleCall('baton_api_start_cycle', [options || {}]); }),
    addLeaver: method(function (leaver) { return cycleCall('baton_api_add_leaver', [leaver]); }),
    keepWithFirm: method(function (client, keep) {
      return cycleCall('baton_api_keep_with_firm', [client, keep === false ? 'false' : 'true']);
    }),
    setCycleSettings: method(function (settings) {
      return cycleCall('baton_api_set_cycle_settings', [settings]);
    }),
    advanceCycle: method(function (stage, date) {
      return cycleCall('baton_api_advance_cycle', [stage, date]);
    }),
    fileAppeal: method(function (appeal) { return cycleCall('baton_api_file_appeal', [appeal]); }),
    decideAppeal: method(function (id, decision, reason, date) {
      return cycleCall('baton_api_decide_appeal', [id, decision, reason, date]);
    }),
    rerunCycle: method(function () { return cycleCall('baton_api_rerun_cycle'); }),
    cycleDiff: method(function () { return cycleCall('baton_api_cycle_diff'); }),
    statements: method(function (options) {
      var o = options || {};
      return cycleCall('baton_api_statements', [o.lang, o.format]);
    }),
    cycleReport: method(function (options) {
      var o = options || {};
      return cycleText('baton_api_cycle_report', [o.lang, o.format]);
    }),
    appealNotice: method(function (id, lang) { return cycleText('baton_api_appeal_notice', [id, lang]); }),
    handoverTasks: method(function (today) { return cycleCall('baton_api_handover_tasks', [today]); }),
    setHandoverTask: method(function (client, task, status, date) {
      return cycleCall('baton_api_set_handover_task', [client, task, status, date]);
    }),
    introductionLetter: method(function (client, lang) {
      var reply = cycleCall('baton_api_introduction_letter', [client, lang]);
      return {subject: reply.subject, body: reply.body,
              mailto: 'mailto:?subject=' + encodeURIComponent(reply.subject) +
                      '&body=' + encodeURIComponent(reply.body)};
    }),
    setOutcome: method(function (outcome) { return cycleCall('baton_api_set_outcome', [outcome]); }),
    importOutcomes: method(function (csv) {
      return JSON.parse(textCall('baton_api_import_outcomes', asText(csv, 'outcomes CSV'),
        'outcomes CSV'));
    }),
    dashboard: method(function () { return cycleCall('baton_api_follow_up'); }),
    policyReview: method(function (policy) {
      return cycleReply(textCall('baton_api_policy_review', cycleArgument(policy), 'policy'));
    }),
  };
  Object.keys(cycleApi).forEach(function (name) { api[name] = cycleApi[name]; });
  ready.then(function () { call('baton_api_set_today', [localDate()]); });

  ready.then(function () {
    setInterval(function () {
      var S = storageHelpers();
      if (!S || !idleLockMinutes || Date.now() - S.lastActivity < idleLockMinutes * 60000) return;
      var s = storageStatus();
      if (!s.encrypted || s.locked) return;
      S.lastActivity = Date.now();
      api.lockWorkspace(s.workspace).catch(function (e) { console.warn('baton: idle lock failed:', e); });
    }, 1000);
  });

  if (typeof window !== 'undefined') {
    window.baton = api;
    var saveNow = function () { if (Module['_baton_save_now']) Module['_baton_save_now'](); };
    window.addEventListener('pagehide', saveNow);
    // window.document: the name document is this file's reply helper.
    window.document.addEventListener('visibilitychange', function () {
      if (window.document.visibilityState === 'hidden') saveNow();
    });
  }
})();
