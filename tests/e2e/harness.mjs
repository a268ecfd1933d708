// Shared set-up of the end-to-end tests: a static server for dist/ on 127.0.0.1, headless
// Chromium through playwright-core, and helpers that wait for the page and click ImGui
// widgets by name.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// BATON_DIST and BATON_SHOTS let a second build tree test its own pages.
export const dist = process.env.BATON_DIST ? resolve(process.env.BATON_DIST) : join(root, 'dist');
export const shots = process.env.BATON_SHOTS
  ? resolve(process.env.BATON_SHOTS) : join(root, 'build', 'e2e');
mkdirSync(shots, { recursive: true });

const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--use-gl=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

// Starts tools/serve.mjs on a free port and returns {url, stop}.
export async function startServer() {
  const child = spawn(process.execPath, [join(root, 'tools/serve.mjs'), dist, '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise((resolveUrl, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 10000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[0]);
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  return { url, stop: () => child.kill() };
}

// Serves dist/ to the tests of the calling file. A hook checks the build and starts the
// server before the first test, and another stops it after the last. The returned object
// gets the server's `url` once it runs.
export function serveDist() {
  const served = { url: undefined };
  let server;
  before(async () => {
    assert.ok(existsSync(join(dist, 'index.html')), 'dist/ is missing: build the web preset first');
    server = await startServer();
    served.url = server.url;
  });
  after(() => server && server.stop());
  return served;
}

// Launches Chromium with a fresh profile folder that persists across reloads and
// restarts of the same folder; returns {context, profile, close}. `options.args` adds
// Chromium switches.
export async function launch(options = {}) {
  const profile = options.profile || mkdtempSync(join(tmpdir(), 'baton-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs.concat(options.args || []),
    viewport: options.viewport || { width: 1280, height: 800 },
    deviceScaleFactor: options.deviceScaleFactor || 1,
    hasTouch: options.hasTouch || false,
    // The browser language (navigator.language), for example 'zh-CN'.
    ...(options.locale ? { locale: options.locale } : {}),
  });
  const close = async (keepProfile = false) => {
    await context.close();
    if (!keepProfile && !options.profile) rmSync(profile, { recursive: true, force: true });
  };
  return { context, profile, close };
}

// Opens the page, records console errors and failed requests, and waits for baton.ready.
export async function openPage(context, url) {
  const page = context.pages()[0] || (await context.newPage());
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // Counts browser dialogs (window.confirm, alert) and accepts them unless a test sets
  // page.batonDialog to 'dismiss'.
  page.on('dialog', (dialog) => {
    page.batonDialogs = (page.batonDialogs || 0) + 1;
    if (page.batonDialog === 'dismiss') dialog.dismiss().catch(() => {});
    else dialog.accept().catch(() => {});
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  await page.goto(url);
  await page.waitForFunction(() => window.baton !== undefined, null, { timeout: 60000 });
  await page.evaluate(() => window.baton.ready);
  await waitFrames(page, 5);
  return { page, problems };
}

export async function waitFrames(page, count) {
  await page.evaluate((n) => new Promise((done) => {
    const step = (left) => (left <= 0 ? done() : requestAnimationFrame(() => step(left - 1)));
    step(n);
  }), count);
}

// Calls window.baton[name](...args) in the page and returns what it returns.
export async function callApi(page, name, ...args) {
  return page.evaluate(([n, a]) => window.baton[n](...a), [name, args]);
}

// True when the widget recorded under `name` was drawn in the last frame.
export async function isDrawn(page, name) {
  return (await page.evaluate((n) => window.baton.widgetRect(n), name)) !== null;
}

// Presses Allocate and waits up to 20 seconds for the page's result.
export async function allocateWithButton(page) {
  await clickWidget(page, 'allocate');
  for (let attempt = 0; attempt < 200; ++attempt) {
    if ((await callApi(page, 'lastResult')).length > 0) break;
    await page.waitForTimeout(100);
  }
  if ((await callApi(page, 'lastResult')).length === 0) {
    throw new Error('Allocate gave no result within 20 seconds');
  }
  await waitFrames(page, 5);
}

// Returns the open workspace as exportWorkspace() gives it, parsed.
export async function exportedWorkspace(page) {
  return JSON.parse(await page.evaluate(() => window.baton.exportWorkspace()));
}

export async function summary(page) {
  return page.evaluate(() => window.baton.summary());
}

// Polls the page's summary until `predicate` holds or the timeout passes.
export async function waitForSummary(page, predicate, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await summary(page);
    if (predicate(last)) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`summary never matched; last: ${JSON.stringify(last)}`);
}

// Returns the rectangle of the widget recorded under `name`. It waits up to `attempts` times
// two frames for the widget to be drawn and throws when it never is.
export async function waitForWidget(page, name, attempts = 50) {
  for (let attempt = 0; attempt < attempts; ++attempt) {
    const rect = await page.evaluate((n) => window.baton.widgetRect(n), name);
    if (rect) return rect;
    await waitFrames(page, 2);
  }
  throw new Error(`widget ${name} was not drawn`);
}

// Clicks a button of the Review import window (`name`, such as 'import_review.apply')
// until the window closes. The window opens once the staged import is read, which on a
// loaded machine can be during the click's first frames, so a click may land before the
// button takes input. Throws when three clicks leave the window open.
export async function clickReviewButton(page, name) {
  for (let click = 0; click < 3; ++click) {
    await clickWidget(page, name, 200);
    for (let frame = 0; frame < 20; ++frame) {
      const open = await page.evaluate((n) => window.baton.widgetRect(n), name);
      if (!open) return;
      await waitFrames(page, 2);
    }
  }
  throw new Error(`the Review import window stayed open after three clicks on ${name}`);
}

// Clicks the ImGui widget recorded under `name` with a real mouse: ImGui needs the pointer
// over the widget for a frame before the press. `attempts` is as for waitForWidget().
export async function clickWidget(page, name, attempts = 50) {
  const rect = await waitForWidget(page, name, attempts);
  const x = rect.x + rect.width / 2;
  const y = rect.y + rect.height / 2;
  await page.mouse.move(x, y);
  await waitFrames(page, 3);
  await page.mouse.down();
  await waitFrames(page, 2);
  await page.mouse.up();
  await waitFrames(page, 3);
  return rect;
}

// Drags the slider recorded under `name` from its middle to `fraction` of its width.
export async function dragSlider(page, name, fraction) {
  const rect = await waitForWidget(page, name);
  const y = rect.y + rect.height / 2;
  await page.mouse.move(rect.x + rect.width / 2, y);
  await waitFrames(page, 3);
  await page.mouse.down();
  await waitFrames(page, 2);
  await page.mouse.move(rect.x + rect.width * fraction, y, { steps: 8 });
  await waitFrames(page, 3);
  await page.mouse.up();
  await waitFrames(page, 3);
}
