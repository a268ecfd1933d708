// Allocation benchmark in headless Chromium: how long window.baton.allocate(), the
// synchronous run in the page, takes on a large workspace, and how large the WebAssembly
// memory is afterwards. Prints one JSON line per run. A benchmark, not a test: nothing
// here passes or fails.
//
//   node tests/bench/allocate_bench.mjs WORKSPACE.json [RUNS] [SEED] [worker]
//
// With "worker" last, each run times allocateAsync({worker: "always"}) instead: the job
// taken in the page, the run in the Web Worker and the adoption of its result text, with
// the page's own figures from allocationStats(): whether the worker was kept from the
// last run, the frames drawn meanwhile and the longest gap between two of them.
//
// The workspace is imported through importWorkspace as bytes (not timed). Each run then
// times allocate({seed}) from the call to the returned text, which covers the evaluation,
// the allocation and the writing of the result JSON. The result JSON carries no phase
// timings, so the phases are measured natively with bench_allocate. `memoryBytes` is the
// byte length of the module's WebAssembly.Memory buffer after the run. That memory only
// grows, so it is the peak of the page so far, import included.
//
// BATON_DIST selects the pages, as for the end-to-end tests. The input file is copied into
// that folder for the time of the run, so the page fetches it from its own origin.
import { copyFileSync, rmSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { dist, launch, openPage, startServer } from '../e2e/harness.mjs';

const [workspacePath, runsArgument, seedArgument] = process.argv.slice(2);
const runs = Number(runsArgument || 1);
const seed = Number(seedArgument || 11);
const inWorker = process.argv[5] === 'worker';
if (!workspacePath || !Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error('usage: node tests/bench/allocate_bench.mjs WORKSPACE.json [RUNS] [SEED]');
  process.exit(2);
}

const servedName = `bench-${process.pid}-${basename(workspacePath)}`;
copyFileSync(resolve(workspacePath), join(dist, servedName));
const megabytes = statSync(join(dist, servedName)).size / 1e6;

// Returns the byte length of the module's memory. Emscripten keeps the WebAssembly
// exports in Module.asm, where the memory's export name is minified, so it is found by type.
function memoryBytes() {
  const memory = Object.values(window.Module.asm).find((v) => v instanceof WebAssembly.Memory);
  return memory ? memory.buffer.byteLength : null;
}

async function importWorkspace(page) {
  const imported = await page.evaluate(async (url) => {
    const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
    const started = performance.now();
    const reply = await window.baton.importWorkspace(bytes);
    return { ok: reply.ok, errors: reply.errors.slice(0, 3),
      seconds: (performance.now() - started) / 1000 };
  }, servedName);
  if (!imported.ok) throw new Error(`import failed: ${JSON.stringify(imported.errors)}`);
  const summary = await page.evaluate(() => window.baton.summary());
  const memory = await page.evaluate(memoryBytes);
  console.log(JSON.stringify({ case: 'import (not timed as allocation)', megabytes,
    employees: summary.employees, clients: summary.clients, released: summary.released,
    seconds: imported.seconds, memoryBytes: memory }));
}

async function timeAllocate(page, run) {
  const outcome = await page.evaluate(async (options) => {
    const started = performance.now();
    const text = await window.baton.allocate(options);
    const seconds = (performance.now() - started) / 1000;
    const result = JSON.parse(text);
    return { seconds, resultMegabytes: text.length / 1e6,
      assignments: (result.assignments || []).length,
      unassigned: (result.unassigned || []).length,
      optimality: result.optimality ? result.optimality.status : null,
      timings: result.timings || null };
  }, { seed });
  const memory = await page.evaluate(memoryBytes);
  const heap = await page.evaluate(() =>
    (performance.memory ? performance.memory.usedJSHeapSize : null));
  console.log(JSON.stringify({ case: 'allocate()', workspace: basename(workspacePath), run,
    ...outcome, memoryBytes: memory, memoryMegabytes: memory / 2 ** 20, jsHeapBytes: heap }));
}

async function timeWorker(page, run) {
  const outcome = await page.evaluate(async (options) => {
    const started = performance.now();
    await window.baton.allocateAsync(options);
    const seconds = (performance.now() - started) / 1000;
    const stats = await window.baton.allocationStats();
    return { seconds, mode: stats.mode, warmWorker: stats.warmWorker, jobMs: stats.jobMs,
      adoptMs: stats.adoptMs, readyMs: stats.readyMs, frames: stats.frames,
      longestFrameGapMs: stats.longestFrameGapMs, phases: stats.phases, phaseMs: stats.phaseMs };
  }, { seed, worker: 'always', text: false });
  // The autosave that the run's audit entry starts finishes before the next run, as it
  // would while a user reads the result; it is not timed.
  await page.evaluate(() => window.baton.whenSaved());
  const memory = await page.evaluate(memoryBytes);
  console.log(JSON.stringify({ case: 'allocateAsync()', workspace: basename(workspacePath), run,
    ...outcome, memoryBytes: memory }));
}

const server = await startServer();
const browser = await launch();
try {
  const { page, problems } = await openPage(browser.context, server.url);
  page.setDefaultTimeout(0);
  await importWorkspace(page);
  for (let run = 1; run <= runs; ++run) {
    await (inWorker ? timeWorker(page, run) : timeAllocate(page, run));
  }
  if (problems.length > 0) console.error(problems.join('\n'));
} finally {
  await browser.close();
  server.stop();
  rmSync(join(dist, servedName), { force: true });
}
