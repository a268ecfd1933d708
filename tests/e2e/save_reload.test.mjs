// A step that enters the audit log survives a reload made at once, in the same task as the
// step, before any frame could start its save to IndexedDB. The page journals the unsaved
// files in localStorage when it is hidden, and replays them on the next load.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { api, longNamesWorkspace } from './cycle_fixture.mjs';
import { launch, openPage, serveDist } from './harness.mjs';

const server = serveDist();

// Calls each [method, ...args] of `steps` on window.baton, reloads the page in the same task
// and waits for the new page. Returns the steps' replies.
async function stepAndReload(page, steps) {
  const replies = await page.evaluate((calls) => {
    const out = calls.map(([method, ...args]) => window.baton[method](...args));
    // The new document has no marker, so the wait below ends only in it.
    window.batonBeforeReload = true;
    window.location.reload();
    return out;
  }, steps).catch((error) => [String(error)]);
  for (let attempt = 0; ; ++attempt) {
    try {
      await page.waitForFunction(
        () => window.batonBeforeReload === undefined && window.baton !== undefined, null,
        { timeout: 60000 });
      await page.evaluate(() => window.baton.ready);
      break;
    } catch (error) {
      // The wait can start in the old document, which the reload then destroys.
      if (attempt >= 3) throw error;
    }
  }
  return replies;
}

test('cycle steps survive an immediate reload', async () => {
  const browser = await launch();
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    const imported = await api(page, 'importWorkspace', JSON.stringify(longNamesWorkspace()));
    assert.equal(imported.ok, true, JSON.stringify(imported.errors));
    assert.equal((await api(page, 'whenSaved')).saved, 'saved');

    await stepAndReload(page, [['startCycle', {date: '2026-12-01',
      leavers: [{employee: 'E1', status: 'leaving', last_day: '2027-01-31'}]}]]);
    let cycle = await api(page, 'cycle');
    assert.ok(cycle, 'the cycle started before the reload is there');
    assert.equal(cycle.stage, 'departure');

    // Two steps, then a reload; then another reload before the replayed steps are saved.
    await stepAndReload(page, [['advanceCycle', 'rules_published', '2026-12-02'],
      ['advanceCycle', 'proposal', '2026-12-03']]);
    await stepAndReload(page, []);
    cycle = await api(page, 'cycle');
    assert.equal(cycle.stage, 'proposal');
    assert.ok(cycle.proposal.assignments.length > 0);

    const kinds = JSON.parse(await page.evaluate(() => window.baton.exportWorkspace()))
      .audit.map((e) => e.kind);
    assert.deepEqual(kinds.slice(-3), ['cycle.start', 'cycle.advance', 'cycle.advance'], kinds.join());
    const verified = await api(page, 'verifyAudit');
    assert.equal(verified.ok, true, JSON.stringify(verified));
    assert.equal((await api(page, 'whenSaved')).saved, 'saved');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
