// A client whose candidates all have fit 0 is shown as a tie, not as a best fit. The demo
// workspace loses every input of the fit (preferences, industry, region, language and the
// history of who served whom), so every candidate of every released client has fit 0.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  clickWidget, exportedWorkspace, launch, openPage, serveDist, shots, waitForSummary,
  waitForWidget, waitFrames,
} from './harness.mjs';

const server = serveDist();

test('all-zero fits show a tie', async () => {
  const browser = await launch();
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    const workspace = await exportedWorkspace(page);
    for (const c of workspace.clients) {
      for (const key of ['prefers', 'industry', 'region', 'language', 'needs']) delete c[key];
      c.key_account = false;
    }
    for (const e of workspace.employees) delete e.region;
    workspace.relationships = [];
    workspace.transactions = [];
    const reply = await page.evaluate((t) => window.baton.importWorkspace(t),
      JSON.stringify(workspace));
    assert.equal(reply.ok, true, JSON.stringify(reply.errors));
    await waitFrames(page, 3);

    await clickWidget(page, 'allocate');
    await waitForSummary(page, (s) => s.assigned > 0);
    await waitForWidget(page, 'assignments.table');
    const text = await page.evaluate(() => window.baton.lastResult());
    const result = JSON.parse(text);
    const ties = result.assignments.filter((a) => a.won_because === 'best_fit');
    assert.ok(ties.length > 0, 'no best_fit assignment');
    for (const a of ties) {
      assert.equal(a.fit, 0, `${a.client} has fit ${a.fit}`);
      assert.match(a.reasons[0], /^every candidate has fit 0 for this client/);
    }
    const checked = await page.evaluate((t) => window.baton.verify(t), text);
    assert.equal(checked.ok, true, JSON.stringify(checked.breaches));
    await waitFrames(page, 5);
    await page.screenshot({ path: join(shots, 'zero-fit-tie.png') });
    await page.evaluate(() => window.baton.setLocale('zh-CN'));
    await waitFrames(page, 5);
    await page.screenshot({ path: join(shots, 'zero-fit-tie-zh.png') });
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
