// File picker, drag and drop, and downloads for the page. Appended to the Emscripten
// output after api.js (--post-js), so window.baton exists when these handlers run.
(function () {
  'use strict';
  if (typeof window === 'undefined') return;

  function report(message) {
    console.warn('baton: ' + message);
  }

  // Imports one file: workspace JSON through importWorkspace, CSV and XLSX through
  // importFile where the build has it. The result reaches the app's log.
  function importFileObject(file) {
    file.arrayBuffer().then(function (buffer) {
      var bytes = new Uint8Array(buffer);
      var isJson = /\.json$/i.test(file.name);
      if (!isJson && window.baton.importFile) return window.baton.importFile(file.name, bytes);
      if (!isJson) {
        report(file.name + ': only workspace JSON files can be opened here');
        return null;
      }
      return window.baton.importWorkspace(new TextDecoder('utf-8').decode(bytes));
    }).catch(function (error) {
      report('reading ' + file.name + ' failed: ' + error.message);
    });
  }

  var input = null;
  window.batonPickFile = function () {
    if (!input) {
      input = document.createElement('input');
      input.type = 'file';
      input.accept = '.json,.csv,.txt,.xlsx,application/json,text/csv';
      input.style.display = 'none';
      input.addEventListener('change', function () {
        if (input.files && input.files[0]) importFileObject(input.files[0]);
        input.value = '';
      });
      document.body.appendChild(input);
    }
    input.click();
  };

  window.batonDownload = function (name, text, mime) {
    var blob = new Blob([text], { type: mime });
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
    if (files && files.length > 0) importFileObject(files[0]);
  });
})();
