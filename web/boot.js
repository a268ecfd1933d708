// Configures the Emscripten module before baton.js loads: the canvas, console output
// and the loading message. Runs from index.html and inline in the single-file page.
'use strict';
var Module = {
  canvas: (function () {
    var canvas = document.getElementById('canvas');
    // A lost WebGL context cannot be recovered by ImGui's backend: tell the user.
    canvas.addEventListener('webglcontextlost', function (event) {
      event.preventDefault();
      batonShowStatus('The graphics context was lost. Reload the page to continue.', true);
    }, false);
    return canvas;
  })(),
  print: function (text) { console.log(text); },
  printErr: function (text) { console.warn(text); },
  onAbort: function (what) {
    batonShowStatus('Baton stopped because of an internal error: ' + what +
                    '\nYour stored data is unchanged. Reload the page.', true);
  },
};

function batonShowStatus(text, isError) {
  var status = document.getElementById('status');
  if (!status) return;
  status.textContent = text;
  status.className = isError ? 'error' : '';
}

function batonHideStatus() {
  var status = document.getElementById('status');
  if (status) status.className = 'hidden';
}
