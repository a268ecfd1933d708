// File picker, drag and drop, and downloads for the page. Appended to the Emscripten
// output after api.js (--post-js), so window.baton exists when these handlers run.
(function () {
  'use strict';
  if (typeof window === 'undefined') return;

  function report(message) {
    console.warn('baton: ' + message);
  }

  // The import options of the toolbar: {into: true} while its "Merge into open" box is
  // ticked.
  function importOptions() {
    var into = Module['_baton_ui_import_into'];
    return {into: into ? into() === 1 : false};
  }

  // Requests confirmation before a picked or dropped file replaces an open workspace with
  // data, because the replacement takes its statuses, allocation and audit log and clears
  // undo. Merging ("Merge into open") keeps them, and an empty workspace has nothing to
  // lose. The page API's importFile and importWorkspace apply without a prompt, so scripts
  // decide for themselves. Returns true when the import may go on.
  function confirmReplace(names, json) {
    if (!json && importOptions().into) return true;
    var summary = JSON.parse(UTF8ToString(Module['_baton_api_summary']()));
    if (!summary.employees && !summary.clients) return true;
    var counts = summary.employees + ' employees, ' + summary.clients + ' clients';
    var countsZh = summary.employees + ' 名员工、' + summary.clients + ' 位客户';
    return window.confirm(
        'Replace the open workspace (' + counts + ') with ' + names + '? Its statuses, ' +
        'allocation and audit log are replaced, and this cannot be undone. Export or ' +
        'duplicate it first to keep a copy' + (json ? '.' : ', or tick "Merge into open" ' +
        'to add the file to it.') + '\n\n' +
        '用 ' + names + ' 替换当前工作区（' + countsZh + '）？其状态、分配方案和审计日志都会' +
        '被替换，且无法撤销。如需保留，请先导出或复制工作区' +
        (json ? '。' : '，或勾选"合并到当前工作区"把文件合并进来。'));
  }

  // Imports one file: workspace JSON through importWorkspace, CSV and XLSX through
  // importFile where the build has it. The result reaches the app's log.
  function importFileObject(file) {
    file.arrayBuffer().then(function (buffer) {
      var bytes = new Uint8Array(buffer);
      var isJson = /\.json$/i.test(file.name);
      if (!isJson && !window.baton.importFile) {
        report(file.name + ': only workspace JSON files can be opened here');
        return null;
      }
      if (!confirmReplace(file.name, isJson)) {
        report(file.name + ': not imported; the open workspace is unchanged');
        return null;
      }
      var work = function () {
        if (!isJson) return window.baton.importFile(file.name, bytes, undefined, importOptions());
        return window.baton.importWorkspace(bytes);
      };
      // The progress overlay (web/input.js) shows while the import runs.
      var runBusy = Module['batonRunBusyImport'];
      return runBusy ? runBusy(file.name, work) : work();
    }).catch(function (error) {
      report('reading ' + file.name + ' failed: ' + error.message);
    });
  }

  // Imports several CSV or XLSX files at once as the tables of one workspace
  // (importFiles); a single file goes through importFileObject.
  function importFileList(fileList) {
    var files = Array.prototype.slice.call(fileList);
    if (files.length === 1 || !window.baton.importFiles) {
      importFileObject(files[0]);
      return;
    }
    var json = files.filter(function (file) { return /\.json$/i.test(file.name); });
    if (json.length > 0) {
      report(json[0].name + ': open a workspace JSON file on its own, not with other files');
      return;
    }
    var names = files.map(function (file) { return file.name; }).join(', ');
    if (!confirmReplace(names, false)) {
      report(names + ': not imported; the open workspace is unchanged');
      return;
    }
    Promise.all(files.map(function (file) {
      return file.arrayBuffer().then(function (buffer) {
        return {name: file.name, bytes: new Uint8Array(buffer)};
      });
    })).then(function (list) {
      return window.baton.importFiles(list, undefined, importOptions());
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

  // Reads a file the user picks as UTF-8 text and passes (name, text) to `done`; used to
  // restore a backup. Nothing is called when the user cancels the picker.
  var textInput = null;
  var textDone = null;
  window.batonPickText = function (done) {
    textDone = done;
    if (!textInput) {
      textInput = document.createElement('input');
      textInput.type = 'file';
      textInput.accept = '.json,application/json';
      textInput.style.display = 'none';
      textInput.addEventListener('change', function () {
        var file = textInput.files && textInput.files[0];
        textInput.value = '';
        if (!file) return;
        file.text().then(function (text) {
          if (textDone) textDone(file.name, text);
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
