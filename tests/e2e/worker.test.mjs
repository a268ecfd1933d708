// Allocations in the page's Web Worker. The Allocate button on an M workspace (100
// employees, 10,000 clients) runs off the main thread while frames keep coming, and its
// proposal equals `baton allocate` byte for byte. Cancel stops the run. The single-file
// page runs the worker from a Blob URL under file://, and a page that cannot start a
// worker allocates in the page.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import {
  clickWidget, dist, launch, openPage, root, shots, startServer, summary, waitFrames,
} from './harness.mjs';

const cli = process.env.BATON_CLI || join(root, 'build', 'native', 'baton');
const skip = !existsSync(cli) && `${cli} is missing (set BATON_CLI)`;
let server;
let folder;
let workspaceText;
let cliResult;

before(async () => {
  if (skip) return;
  server = await startServer();
  folder = mkdtempSync(join(tmpdir(), 'baton-worker-'));
  const file = join(folder, 'm.json');
  execFileSync(cli, ['generate', '--seed', '7', '--employees', '100', '--clients', '10000',
    '--leavers', '30', '--out', file]);
  execFileSync(cli, ['allocate', file, '--out', join(folder, 'result.json')]);
  workspaceText = readFileSync(file, 'utf8');
  cliResult = readFileSync(join(folder, 'result.json'), 'utf8');
});

after(() => {
  if (server) server.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

async function openWorkspace(context, url) {
  const opened = await openPage(context, url);
  const outcome = await opened.page.evaluate((t) => window.baton.importWorkspace(t), workspaceText);
  assert.equal(outcome.ok, true, JSON.stringify(outcome.errors));
  await waitFrames(opened.page, 3);
  return opened;
}

// Counts animation frames from now on and keeps the longest gap between two of them.
async function startFrameCounter(page) {
  await page.evaluate(() => {
    const counter = { frames: 0, longestGapMs: 0, last: performance.now(), on: true };
    window.testFrames = counter;
    const step = (now) => {
      counter.frames += 1;
      counter.longestGapMs = Math.max(counter.longestGapMs, now - counter.last);
      counter.last = now;
      if (counter.on) requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
}

async function stopFrameCounter(page) {
  return page.evaluate(() => {
    window.testFrames.on = false;
    return window.testFrames;
  });
}

// Waits until the overlay shows the Cancel button of a worker run; returns its rectangle.
async function waitForWorkerPhase(page) {
  for (let attempt = 0; attempt < 400; ++attempt) {
    const rect = await page.evaluate(() => window.baton.widgetRect('progress.cancel'));
    if (rect) return rect;
    await page.waitForTimeout(25);
  }
  throw new Error('the overlay never showed a Cancel button');
}

test('Allocate runs in the worker and matches the CLI', { skip }, async () => {
  const browser = await launch();
  try {
    const { page, problems } = await openWorkspace(browser.context, server.url);
    const released = (await summary(page)).released;
    assert.ok(released >= 2000, `released: ${released}`);
    await startFrameCounter(page);
    await clickWidget(page, 'allocate');
    await waitForWorkerPhase(page);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(shots, 'worker-overlay.png') });

    let stats = null;
    for (let attempt = 0; attempt < 600 && !stats; ++attempt) {
      await page.waitForTimeout(100);
      stats = await page.evaluate(() => window.baton.allocationStats());
    }
    assert.ok(stats, 'the allocation never finished');
    const frames = await stopFrameCounter(page);
    assert.equal(stats.mode, 'worker');
    for (const phase of ['evaluation', 'context', 'candidates', 'auction', 'fairness repair',
      'baselines', 'explanations', 'certificates']) {
      assert.ok(stats.phases.includes(phase), `phase ${phase} in ${stats.phases}`);
    }
    console.log(`worker run: ${stats.seconds.toFixed(2)} s, ${stats.frames} frames while the ` +
                `worker ran (longest gap ${stats.longestFrameGapMs.toFixed(0)} ms), ` +
                `${frames.frames} in all; job ${stats.jobMs.toFixed(0)} ms, adopt ` +
                `${stats.adoptMs.toFixed(0)} ms, phases at ${stats.phaseMs} ms`);
    // An in-page run draws no frame until it ends. The bounds are loose because a loaded
    // 2-core machine runs headless Chromium's software GL at about 12 frames a second.
    assert.ok(stats.frames >= 5, `frames while the worker ran: ${stats.frames}`);
    assert.ok(stats.longestFrameGapMs < stats.seconds * 500,
              `longest frame gap ${stats.longestFrameGapMs} ms in a ${stats.seconds} s run`);
    const pageResult = await page.evaluate(() => window.baton.lastResult());
    assert.equal(pageResult, cliResult);
    const s = await summary(page);
    assert.equal(s.assigned + s.unassigned, released);
    await waitFrames(page, 5);
    await page.screenshot({ path: join(shots, 'worker-result.png') });

    const sync = await page.evaluate(() => window.baton.allocate());
    assert.equal(sync, cliResult);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('Cancel stops the worker and keeps the last result', { skip }, async () => {
  const browser = await launch();
  try {
    const { page, problems } = await openWorkspace(browser.context, server.url);
    // On a loaded machine the run can end before the click on Cancel lands. Such an
    // attempt proves nothing, so the next one starts from the result it left.
    let cancelled = false;
    for (let attempt = 0; attempt < 4 && !cancelled; ++attempt) {
      const before = await page.evaluate(() => window.baton.lastResult());
      const assignedBefore = (await summary(page)).assigned;
      await clickWidget(page, 'allocate');
      const rect = await waitForWorkerPhase(page);
      await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2);
      await waitFrames(page, 3);
      await page.mouse.down();
      await waitFrames(page, 2);
      await page.mouse.up();
      await waitFrames(page, 5);
      assert.equal(await page.evaluate(() => window.baton.widgetRect('progress.label')), null);
      const after = await page.evaluate(() => window.baton.lastResult());
      if (after !== before) continue;  // the run finished first
      cancelled = true;
      assert.equal((await summary(page)).assigned, assignedBefore);
      if (before === '') {
        assert.equal(await page.evaluate(() => window.baton.allocationStats()), null);
      }
    }
    assert.ok(cancelled, 'every run ended before its Cancel click landed');

    // The next run starts a fresh worker.
    const text = await page.evaluate(() => window.baton.allocateAsync({ worker: 'always' }));
    assert.equal(text, cliResult);
    assert.equal((await page.evaluate(() => window.baton.allocationStats())).mode, 'worker');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('a kept worker serves the next run and reads a changed workspace', { skip }, async () => {
  const browser = await launch();
  try {
    const { page, problems } = await openWorkspace(browser.context, server.url);
    const runs = await page.evaluate(async (text) => {
      const stats = () => window.baton.allocationStats();
      await window.baton.allocateAsync({ worker: 'always', text: false });
      const first = await stats();
      const warm = await window.baton.allocateAsync({ worker: 'always', seed: 3 });
      const second = await stats();
      const inPage = await window.baton.allocate({ seed: 3 });
      // A new policy seed in a re-imported workspace: a stale workspace in the worker
      // would give the old seed's result.
      const changed = JSON.parse(text);
      changed.policy.seed = 99;
      const imported = await window.baton.importWorkspace(JSON.stringify(changed));
      const after = await window.baton.allocateAsync({ worker: 'always' });
      const third = await stats();
      return { first, second, third, warm, inPage, imported: imported.ok, after,
        afterInPage: await window.baton.allocate() };
    }, workspaceText);
    assert.equal(runs.first.warmWorker, false);
    assert.equal(runs.second.warmWorker, true);
    assert.equal(runs.second.readyMs, 0);
    assert.equal(runs.warm, runs.inPage);
    assert.equal(runs.imported, true);
    assert.equal(runs.third.warmWorker, true);
    assert.equal(JSON.parse(runs.after).seed, 99);
    assert.equal(runs.after, runs.afterInPage);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('allocateAsync rejects a second run and bad options', { skip }, async () => {
  const browser = await launch();
  try {
    const { page } = await openWorkspace(browser.context, server.url);
    const outcome = await page.evaluate(async () => {
      const first = window.baton.allocateAsync({ text: false });
      const second = await window.baton.allocateAsync({}).then(() => 'resolved', (e) => e.message);
      const firstReply = await first;
      const bad = await window.baton.allocateAsync({ worker: 'sometimes' })
        .then(() => 'resolved', (e) => e.message);
      const seed = await window.baton.allocateAsync({ seed: -1 })
        .then(() => 'resolved', (e) => e.message);
      return { first: firstReply, second, bad, seed };
    });
    assert.equal(outcome.first.mode, 'worker');
    assert.match(outcome.second, /already running/);
    assert.match(outcome.bad, /option worker/);
    assert.match(outcome.seed, /seed/);
  } finally {
    await browser.close();
  }
});

test('single-file page runs the worker from file://', { skip }, async () => {
  const browser = await launch();
  try {
    const url = pathToFileURL(join(dist, 'baton.html')).href;
    const { page, problems } = await openWorkspace(browser.context, url);
    const reply = await page.evaluate(() => window.baton.allocateAsync({ text: false }));
    assert.equal(reply.mode, 'worker');
    assert.equal(await page.evaluate(() => window.baton.lastResult()), cliResult);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('page without a worker allocates in the page', { skip }, async () => {
  const browser = await launch();
  try {
    // A browser that rejects every worker, as Chromium rejects a file:// worker URL.
    await browser.context.addInitScript(() => {
      window.Worker = function () { throw new DOMException('workers are blocked', 'SecurityError'); };
    });
    const url = pathToFileURL(join(dist, 'baton.html')).href;
    const { page } = await openWorkspace(browser.context, url);
    await clickWidget(page, 'allocate');
    let stats = null;
    for (let attempt = 0; attempt < 600 && !stats; ++attempt) {
      await page.waitForTimeout(100);
      stats = await page.evaluate(() => window.baton.allocationStats());
    }
    assert.ok(stats, 'the allocation never finished');
    assert.equal(stats.mode, 'page');
    assert.equal(await page.evaluate(() => window.baton.lastResult()), cliResult);
  } finally {
    await browser.close();
  }
});

test('small workspace allocates in the page', { skip }, async () => {
  const browser = await launch();
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    assert.ok((await summary(page)).released < 2000);
    const reply = await page.evaluate(() => window.baton.allocateAsync({ text: false }));
    assert.equal(reply.mode, 'page');
    const forced = await page.evaluate(() => window.baton.allocateAsync({ worker: 'always' }));
    assert.equal((await page.evaluate(() => window.baton.allocationStats())).mode, 'worker');
    assert.equal(forced, await page.evaluate(() => window.baton.allocate()));
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
