// Storage and import benchmark in headless Chromium: how long the page takes to save a
// workspace to IndexedDB as a binary snapshot and to load it again, and how fast
// importFile reads a large CSV file. Prints one JSON line per case. A benchmark, not a
// test: nothing here passes or fails.
//
//   node tests/bench/browser_store.mjs store WORKSPACE.json
//   node tests/bench/browser_store.mjs csv [ROWS]
//
// store: imports the workspace (not timed), then times whenSaved(), which writes the
// snapshot and commits one IndexedDB transaction. It then reloads the page and times the
// navigation to baton.ready. The same reload with a one-client workspace stored is the
// baseline, and the difference is the load of the large snapshot.
// csv: writes the transaction table that bench_import.cpp generates (ROWS rows, default
// 1,000,000, same generator and seed) and times window.baton.importFile on its bytes.
//
// BATON_DIST selects the pages, as for the end-to-end tests. The input file is copied into
// that folder for the time of the run, so the page fetches it from its own origin.
import { copyFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { dist, launch, openPage, startServer } from '../e2e/harness.mjs';

const [mode, argument] = process.argv.slice(2);
if (!['store', 'csv'].includes(mode) || (mode === 'store' && !argument)) {
  console.error('usage: node tests/bench/browser_store.mjs store WORKSPACE.json | csv [ROWS]');
  process.exit(2);
}

// The CSV of bench_import.cpp: "date,client,employee,amount" rows over 10,000 clients and
// 100 employees from the same 64-bit linear congruential generator, with a quoted amount
// with a thousands separator on every tenth row.
function generateCsv(rows) {
  const parts = ['订货日期,客户,负责人,销售额\n'];
  const mask = (1n << 64n) - 1n;
  let state = 12345n;
  for (let i = 0; i < rows; ++i) {
    state = (state * 6364136223846793005n + 1442695040888963407n) & mask;
    const r = Number(state >> 33n);
    const month = 1 + (r % 12);
    const day = 1 + ((r >>> 4) % 28);
    const amount = 100 + ((r >>> 8) % 99900);
    const head = `2023-${month}-${day},客户${(r >>> 12) % 10000},员工${(r >>> 20) % 100},`;
    parts.push(i % 10 === 0
      ? `${head}"${Math.floor(amount / 1000)},${String(amount % 1000).padStart(3, '0')}"\n`
      : `${head}${amount}.50\n`);
  }
  return parts.join('');
}

const servedName = `bench-${process.pid}-${mode === 'store' ? basename(argument) : 'import.csv'}`;
if (mode === 'store') {
  copyFileSync(resolve(argument), join(dist, servedName));
} else {
  writeFileSync(join(dist, servedName), generateCsv(Number(argument || 1000000)));
}
const megabytes = statSync(join(dist, servedName)).size / 1e6;

// Reloads the page and returns the seconds from the start of the navigation to baton.ready.
async function timedReload(page) {
  await page.reload();
  await page.waitForFunction(() => window.baton !== undefined, null, { timeout: 600000 });
  return page.evaluate(async () => {
    await window.baton.ready;
    return performance.now() / 1000;
  });
}

async function benchStore(page) {
  const small = { format: 'baton-workspace', version: 1, company: { name: 'small' },
    employees: [{ id: 'E1', name: 'One', status: 'active' }],
    clients: [{ id: 'C1', name: 'One', owner: 'E1' }] };
  const smallOk = await page.evaluate((text) => window.baton.importWorkspace(text),
    JSON.stringify(small));
  if (!smallOk.ok) throw new Error(`small import failed: ${JSON.stringify(smallOk.errors)}`);
  await page.evaluate(() => window.baton.whenSaved(600000));
  const smallLoad = await timedReload(page);

  const imported = await page.evaluate(async (url) => {
    const text = await (await fetch(url)).text();
    const started = performance.now();
    const reply = await window.baton.importWorkspace(text);
    return { ok: reply.ok, errors: reply.errors.slice(0, 3),
      seconds: (performance.now() - started) / 1000 };
  }, servedName);
  if (!imported.ok) throw new Error(`import failed: ${JSON.stringify(imported.errors)}`);
  const summary = await page.evaluate(() => window.baton.summary());
  console.log(JSON.stringify({ case: 'import JSON (not the target)', megabytes,
    employees: summary.employees, clients: summary.clients, seconds: imported.seconds }));

  const saved = await page.evaluate(async () => {
    const started = performance.now();
    const status = await window.baton.whenSaved(600000);
    return { seconds: (performance.now() - started) / 1000, usage: status.usage_bytes,
      saved: status.saved };
  });
  console.log(JSON.stringify({ case: 'save snapshot', ...saved }));

  const largeLoad = await timedReload(page);
  const reloaded = await page.evaluate(() => window.baton.summary());
  console.log(JSON.stringify({ case: 'load snapshot', reloadSeconds: largeLoad,
    smallReloadSeconds: smallLoad, differenceSeconds: largeLoad - smallLoad,
    clients: reloaded.clients }));
}

async function benchCsv(page) {
  const outcome = await page.evaluate(async (url) => {
    const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
    const started = performance.now();
    const reply = await window.baton.importFile('bench.csv', bytes);
    return { ok: reply.ok, seconds: (performance.now() - started) / 1000,
      report: reply.report.slice(0, 400) };
  }, servedName);
  const summary = await page.evaluate(() => window.baton.summary());
  console.log(JSON.stringify({ case: 'importFile CSV', megabytes, ok: outcome.ok,
    seconds: outcome.seconds, megabytesPerSecond: megabytes / outcome.seconds,
    employees: summary.employees, clients: summary.clients }));
  if (!outcome.ok) console.error(outcome.report);
}

const server = await startServer();
const browser = await launch();
try {
  const { page, problems } = await openPage(browser.context, server.url);
  if (mode === 'store') await benchStore(page);
  else await benchCsv(page);
  if (problems.length > 0) console.error(problems.join('\n'));
} finally {
  await browser.close();
  server.stop();
  rmSync(join(dist, servedName), { force: true });
}
