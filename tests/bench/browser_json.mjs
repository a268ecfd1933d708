// Workspace JSON import benchmark in headless Chromium: times window.baton.importWorkspace
// on a workspace file given as bytes (a Uint8Array, the way the file picker passes it)
// and as a JavaScript string, ROUNDS times each (default 2). Prints one JSON line per run.
// A benchmark, not a test.
//
//   BATON_DIST=build/NAME-dist node tests/bench/browser_json.mjs WORKSPACE.json [ROUNDS]
import { copyFileSync, rmSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { dist, launch, openPage, startServer } from '../e2e/harness.mjs';

const [file, roundsText] = process.argv.slice(2);
if (!file) {
  console.error('usage: node tests/bench/browser_json.mjs WORKSPACE.json [ROUNDS]');
  process.exit(2);
}
const rounds = Number(roundsText || 2);
const servedName = `bench-${process.pid}-${basename(file)}`;
copyFileSync(resolve(file), join(dist, servedName));
const megabytes = statSync(join(dist, servedName)).size / 1e6;

// Imports the served file as `form` ('bytes' or 'text') and returns the seconds the
// importWorkspace call took, the fetch and decoding not included.
async function timedImport(page, form) {
  return page.evaluate(async ([url, kind]) => {
    const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
    const input = kind === 'bytes' ? bytes : new TextDecoder('utf-8').decode(bytes);
    const started = performance.now();
    const reply = await window.baton.importWorkspace(input);
    return { ok: reply.ok, errors: reply.errors.slice(0, 3),
      seconds: (performance.now() - started) / 1000 };
  }, [servedName, form]);
}

const server = await startServer();
const browser = await launch();
try {
  const { page, problems } = await openPage(browser.context, server.url);
  for (let round = 1; round <= rounds; ++round) {
    for (const form of ['bytes', 'text']) {
      const run = await timedImport(page, form);
      if (!run.ok) throw new Error(`import failed: ${JSON.stringify(run.errors)}`);
      const summary = await page.evaluate(() => window.baton.summary());
      console.log(JSON.stringify({ case: `importWorkspace ${form}`, round, megabytes,
        employees: summary.employees, clients: summary.clients, seconds: run.seconds }));
    }
  }
  if (problems.length > 0) console.error(problems.join('\n'));
} finally {
  await browser.close();
  server.stop();
  rmSync(join(dist, servedName), { force: true });
}
