// Frame benchmark in headless Chromium. It imports a workspace into the page and reads the
// CPU time from ImGui::NewFrame to ImGui::Render (window.baton.frameStats) over a number of
// frames in three cases: the Clients tab still, the Clients tab scrolled by the wheel, and
// the Employees tab. It prints one JSON line per case.
//
//   node tests/bench/frame_bench.mjs WORKSPACE.json [FRAMES]
//
// BATON_DIST selects the pages (as for the end-to-end tests). The workspace file is copied
// into that folder for the time of the run, so the page fetches it from its own origin.
import { copyFileSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import {
  clickWidget, dist, launch, openPage, startServer, waitFrames,
} from '../e2e/harness.mjs';

const [workspacePath, framesArgument] = process.argv.slice(2);
if (!workspacePath) {
  console.error('usage: node tests/bench/frame_bench.mjs WORKSPACE.json [FRAMES]');
  process.exit(2);
}
const frames = Number(framesArgument || 300);
const servedName = `bench-${process.pid}-${basename(workspacePath)}`;
copyFileSync(resolve(workspacePath), join(dist, servedName));

async function measure(page, name, during) {
  await page.evaluate(() => window.baton.frameStats({ reset: true }));
  const started = Date.now();
  if (during) {
    await during();
  } else {
    await waitFrames(page, frames);
  }
  const stats = await page.evaluate(() => window.baton.frameStats({ reset: true }));
  const seconds = (Date.now() - started) / 1000;
  console.log(JSON.stringify({ case: name, ...stats, wallSeconds: seconds }));
}

const server = await startServer();
const browser = await launch({ viewport: { width: 1600, height: 900 } });
try {
  const { page, problems } = await openPage(browser.context, server.url);
  const importStart = Date.now();
  const outcome = await page.evaluate(async (url) => {
    const text = await (await fetch(url)).text();
    return window.baton.importWorkspace(text);
  }, servedName);
  if (!outcome.ok) throw new Error(`import failed: ${JSON.stringify(outcome.errors)}`);
  const summary = await page.evaluate(() => window.baton.summary());
  console.log(JSON.stringify({
    case: 'import', employees: summary.employees, clients: summary.clients,
    seconds: (Date.now() - importStart) / 1000,
  }));

  await clickWidget(page, 'tab.clients');
  await waitFrames(page, 30);
  await measure(page, 'clients still');

  const rect = await page.evaluate(() => window.baton.widgetRect('clients.copy'));
  await page.mouse.move(rect.x + 200, rect.y + 300);
  await measure(page, 'clients wheel', async () => {
    for (let i = 0; i < frames / 3; ++i) {
      await page.mouse.wheel(0, 100);
      await waitFrames(page, 3);
    }
  });

  await clickWidget(page, 'tab.employees');
  await waitFrames(page, 30);
  await measure(page, 'employees still');
  if (problems.length > 0) console.error(problems.join('\n'));
} finally {
  await browser.close();
  server.stop();
  rmSync(join(dist, servedName), { force: true });
}
