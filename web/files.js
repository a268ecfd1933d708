// File picker, drag and drop, and downloads for the page. Appended to the Emscripten
// output after api.js (--post-js), so window.baton exists when these handlers run.
(function () {
  'use strict';
  if (typeof window === 'undefined') return;

  // Shows a problem found before an import starts in the app's Log panel and status line,
  // and in the console.
  function report(message) {
    console.warn('baton: ' + message);
    var log = Module['_baton_ui_import_problem'];
    if (!log) return;
    var bytes = new TextEncoder().encode(message + '\0');
    var pointer = _malloc(bytes.length);
    if (!pointer) return;
    HEAPU8.set(bytes, pointer);
    log(pointer);
    _free(pointer);
  }

  // The import options of the toolbar: {into: true} while its "Merge into open" box is
  // ticked.
  function importOptions() {
    var into = Module['_baton_ui_import_into'];
    return {into: into ? into() === 1 : false};
  }

  // Runs a staging call under the progress overlay (web/input.js). The staged import then
  // waits in the Review import window, where the user applies or cancels it: nothing
  // changes before that.
  function stage(name, work) {
    var runBusy = Module['batonRunBusyImport'];
    return runBusy ? runBusy(name, work) : work();
  }

  // The CSV or XLSX files staged last from the picker or a drop, {label, files, options},
  // kept so that the Review import window can read them again with a mapping file.
  var lastStaged = null;

  // Stages lastStaged with `mapping` (mapping JSON text, or undefined for the suggested
  // mapping): one file through stageFile, several through stageFiles.
  function stageLast(mapping) {
    var staged = lastStaged;
    return stage(staged.label, function () {
      if (staged.files.length === 1) {
        var file = staged.files[0];
        return window.baton.stageFile(file.name, file.bytes, mapping, staged.options);
      }
      return window.baton.stageFiles(staged.files, mapping, staged.options);
    });
  }

  // Reads the CSV or XLSX files staged last again with the mapping JSON text `mapping`, for
  // the Review import window's "Use mapping file" button. Beyond the design.
  window.baton.restageWithMapping = function (mapping) {
    return Promise.resolve().then(function () {
      if (!lastStaged) {
        throw new Error('no CSV or XLSX file was picked or dropped to read again');
      }
      if (typeof mapping !== 'string') {
        throw new TypeError('restageWithMapping expects mapping JSON text');
      }
      return stageLast(mapping);
    });
  };

  // Stages one file: workspace JSON through stageWorkspace, CSV and XLSX through stageFile.
  function stageFileObject(file) {
    return file.arrayBuffer().then(function (buffer) {
      var bytes = new Uint8Array(buffer);
      if (/\.json$/i.test(file.name)) {
        return stage(file.name, function () {
          return window.baton.stageWorkspace(file.name, bytes);
        });
      }
      lastStaged = {label: file.name, files: [{name: file.name, bytes: bytes}],
        options: importOptions()};
      return stageLast(undefined);
    }).catch(function (error) {
      report('reading ' + file.name + ' failed: ' + error.message);
    });
  }

  // Stages the files picked or dropped together: one file on its own, several CSV or XLSX
  // files as the tables of one import (stageFiles).
  function importFileList(fileList) {
    var files = Array.prototype.slice.call(fileList);
    if (files.length === 1) {
      stageFileObject(files[0]);
      return;
    }
    var json = files.filter(function (file) { return /\.json$/i.test(file.name); });
    if (json.length > 0) {
      report(json[0].name + ': a workspace JSON file opens on its own; pick it without ' +
          'the other files, or pick only the CSV and XLSX files to import them together');
      return;
    }
    var names = files.map(function (file) { return file.name; }).join(', ');
    Promise.all(files.map(function (file) {
      return file.arrayBuffer().then(function (buffer) {
        return {name: file.name, bytes: new Uint8Array(buffer)};
      });
    })).then(function (list) {
      lastStaged = {label: names, files: list, options: importOptions()};
      return stageLast(undefined);
    }).catch(function (error) {
      report('reading ' + files.length + ' files failed: ' + error.message);
    });
  }

  var input = null;
  window.batonPickFile = function () {
    if (!input) {
      input = document.createElement('input');
      input.type = 'file';
      input.accept = '.json,.csv,.txt,.xlsx,application/json,text/csv';
      input.multiple = true;
      input.style.display = 'none';
      input.addEventListener('change', function () {
        if (input.files && input.files.length > 0) importFileList(input.files);
        input.value = '';
      });
      document.body.appendChild(input);
    }
    input.click();
  };

  // Decodes a picked file as the imports do: UTF-16 by its byte order mark, else UTF-8,
  // else GB18030 (a superset of GBK, which Excel uses on Chinese Windows).
  function decodePicked(buffer) {
    var bytes = new Uint8Array(buffer);
    if (bytes.length >= 2 && bytes[0] === 0xFF && bytes[1] === 0xFE) {
      return new TextDecoder('utf-16le').decode(bytes);
    }
    if (bytes.length >= 2 && bytes[0] === 0xFE && bytes[1] === 0xFF) {
      return new TextDecoder('utf-16be').decode(bytes);
    }
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch (notUtf8) {
      return new TextDecoder('gb18030').decode(bytes);
    }
  }

  // Reads a file the user picks as text and passes (name, text) to `done`. It restores a
  // backup and imports a manager's proposal (JSON or CSV). A cancelled picker calls nothing.
  var textInput = null;
  var textDone = null;
  window.batonPickText = function (done) {
    textDone = done;
    if (!textInput) {
      textInput = document.createElement('input');
      textInput.type = 'file';
      textInput.accept = '.json,.csv,.txt,application/json,text/csv';
      textInput.style.display = 'none';
      textInput.addEventListener('change', function () {
        var file = textInput.files && textInput.files[0];
        textInput.value = '';
        if (!file) return;
        file.arrayBuffer().then(function (buffer) {
          if (textDone) textDone(file.name, decodePicked(buffer));
        }).catch(function (error) {
          report('reading ' + file.name + ' failed: ' + error.message);
        });
      });
      document.body.appendChild(textInput);
    }
    textInput.click();
  };

  // `data` is text or a Uint8Array (an XLSX file).
  window.batonDownload = function (name, data, mime) {
    var blob = new Blob([data], { type: mime });
    var link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () {
      URL.revokeObjectURL(link.href);
      link.remove();
    }, 1000);
  };

  window.addEventListener('dragover', function (event) {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  });
  window.addEventListener('drop', function (event) {
    event.preventDefault();
    var files = event.dataTransfer && event.dataTransfer.files;
    if (files && files.length > 0) importFileList(files);
  });
})();
