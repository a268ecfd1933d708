// The Follow-up tab draws client retention and revenue kept as two charts, each on its own
// scale with a labelled axis. Where the moved clients had no revenue in the year before, it
// writes "no earlier revenue", because a 0% bar would read as all revenue lost.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { api, toFinal, toProposalWithAppeal } from './cycle_fixture.mjs';
import {
  callApi, clickWidget, launch, openPage, serveDist, shots, waitForWidget, waitFrames,
} from './harness.mjs';

const server = serveDist();

function overlaps(a, b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

for (const locale of ['en', 'zh-CN']) {
  test(`follow-up charts without earlier revenue ${locale}`, async () => {
    const browser = await launch({ viewport: { width: 1280, height: 800 } });
    try {
      const { page, problems } = await openPage(browser.context, server.url);
      if (locale !== 'en') assert.equal(await callApi(page, 'setLocale', locale), locale);
      await toProposalWithAppeal(page);
      const cycle = await toFinal(page);
      for (const move of cycle.moves) {
        const set = await api(page, 'setOutcome', {client: move.client, outcome: 'retained',
          date: '2026-12-18', revenue_since: 1200});
        assert.equal(set.ok, true, set.message);
      }
      const board = await api(page, 'dashboard');
      const receivers = board.employees.map((e) => e.employee);
      assert.ok(receivers.length >= 1, JSON.stringify(board));
      for (const e of board.employees) assert.equal(e.revenue_year_before, 0, JSON.stringify(e));

      await clickWidget(page, 'tab.cycle');
      await clickWidget(page, 'tab.cycle.followup');
      const retention = await waitForWidget(page, 'followup.chart.retention');
      const revenue = await waitForWidget(page, 'followup.chart.revenue');
      await waitFrames(page, 5);
      await page.screenshot({ path: join(shots, `followup-chart-${locale}.png`) });
      assert.equal(overlaps(retention, revenue), false, 'the two charts are drawn apart');
      for (const employee of receivers) {
        const note = await waitForWidget(page, `followup.chart.revenue.note.${employee}`);
        assert.ok(overlaps(note, revenue), `the note of ${employee} is inside the revenue chart`);
        assert.equal(await page.evaluate((n) => window.baton.widgetRect(n),
          `followup.chart.retention.note.${employee}`), null, 'retention has a bar, not a note');
      }
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  });
}
