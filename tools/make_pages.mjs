// Writes the two pages of dist/: index.html (with boot.js and style.css beside it) for a
// static host, and baton.html, one self-contained file for file:// that inlines the style,
// boot.js and the -sSINGLE_FILE build of the app, each allowed by its hash in the page's
// Content-Security-Policy. With --worker, baton.html also carries the -sSINGLE_FILE build
// of the allocation Web Worker as an inert text/plain script, which web/worker_client.js
// starts from a Blob URL (CSP worker-src blob:), because Chromium refuses a file:// worker.
//
// Usage: node tools/make_pages.mjs --web DIR --single baton_single.js
//          [--worker baton_worker_single.js] --out DIST
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function parseArgs(argv) {
  const args = {};
  for (let i = 2; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (i + 1 >= argv.length) throw new Error(`missing value for --${key}`);
    args[key] = argv[i + 1];
  }
  for (const key of ['web', 'single', 'out']) {
    if (!args[key]) throw new Error(`missing --${key}; usage: make_pages.mjs --web DIR --single FILE --out DIR`);
  }
  return args;
}

function cspHash(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

// Text inside a <script> element must not contain "</script" (any case) or "<!--".
function escapeScript(text) {
  return text.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

function singlePage(webDir, singleScript, workerScript) {
  const style = readFileSync(join(webDir, 'style.css'), 'utf8');
  const boot = escapeScript(readFileSync(join(webDir, 'boot.js'), 'utf8'));
  const app = escapeScript(readFileSync(singleScript, 'utf8'));
  const worker = workerScript ? escapeScript(readFileSync(workerScript, 'utf8')) : '';
  // The 3.1.6 loader first tries fetch() on the embedded data: URI, then decodes it
  // itself; connect-src data: keeps that first attempt from logging a CSP error.
  const csp = [
    "default-src 'none'",
    `script-src ${cspHash(boot)} ${cspHash(app)} 'wasm-unsafe-eval'`,
    'connect-src data:',
    `style-src ${cspHash(style)}`,
    'img-src data:',
  ].concat(worker ? ['worker-src blob:'] : []).join('; ');
  // A text/plain script never runs, so it needs no hash; the page reads its text.
  const workerElement = worker
    ? `<script type="text/plain" id="baton-worker-source">${worker}</script>\n` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Baton · fair client handover</title>
<link rel="icon" href="data:,">
<style>${style}</style>
</head>
<body>
<canvas id="canvas" tabindex="0" aria-label="Baton"></canvas>
<div id="status" role="status">Loading Baton…</div>
${workerElement}<script>${boot}</script>
<script>${app}</script>
</body>
</html>
`;
}

function main() {
  const args = parseArgs(process.argv);
  mkdirSync(args.out, { recursive: true });
  for (const name of ['index.html', 'boot.js', 'style.css']) {
    copyFileSync(join(args.web, name), join(args.out, name));
  }
  writeFileSync(join(args.out, 'baton.html'), singlePage(args.web, args.single, args.worker));
}

main();
