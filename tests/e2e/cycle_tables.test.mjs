// The cycle's tables show employees and clients by id and name without cutting them, at a
// 1280 x 800 window and a 480 x 720 phone, in English and Chinese. The Appeals table and the
// Follow-up outcomes take their name columns' widths from the names. When the window is too
// narrow, they scroll sideways with the first columns kept. A name cut with "…" shows a
// tooltip on hover, so a hovered name cell without a tooltip is shown whole.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { toFinal, toProposalWithAppeal } from './cycle_fixture.mjs';
import {
  callApi, clickWidget, launch, openPage, serveDist, shots, waitForWidget, waitFrames,
} from './harness.mjs';

const server = serveDist();

async function widgetRect(page, name) {
  return page.evaluate((n) => window.baton.widgetRect(n), name);
}

// Scrolls the table under `anchor` sideways until widget `name` is drawn inside the window
// of `width` pixels; returns its rectangle, or null.
async function scrollIntoView(page, anchor, name, width) {
  await page.mouse.move(anchor.x + anchor.width / 2, anchor.y + anchor.height / 2);
  for (let step = 0; step < 16; ++step) {
    const rect = await widgetRect(page, name);
    if (rect && rect.x >= 0 && rect.x + rect.width <= width) return rect;
    await page.mouse.wheel(120, 0);
    await waitFrames(page, 3);
  }
  return widgetRect(page, name);
}

// Scrolls the panel down until widget `name` is inside the window's `height`; returns its
// rectangle.
async function scrollDownTo(page, name, width, height) {
  for (let step = 0; step < 30; ++step) {
    const rect = await widgetRect(page, name);
    if (rect && rect.y + rect.height <= height) return rect;
    // A table below the window is not drawn at all, so its cells are not recorded.
    await page.mouse.move(width / 2, height / 2);
    await page.mouse.wheel(0, 150);
    await waitFrames(page, 3);
  }
  return waitForWidget(page, name);
}

// Asserts that the name cell `name` is drawn in the window and shows no "…" tooltip on hover.
async function assertWhole(page, name, width, height = 10000) {
  const rect = await scrollDownTo(page, name, width, height);
  assert.ok(rect.x >= 0, `${name} starts left of the window: ${rect.x}`);
  assert.ok(rect.x + rect.width <= width + 1, `${name} ends right of the window: ${JSON.stringify(rect)}`);
  await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2);
  await waitFrames(page, 4);
  assert.equal(await widgetRect(page, 'tooltip'), null, `${name} is cut (it shows a tooltip)`);
}

for (const [width, height] of [[1280, 800], [480, 720]]) {
  for (const locale of ['en', 'zh-CN']) {
    test(`cycle tables readable at ${width}x${height} ${locale}`, async () => {
      const browser = await launch({ viewport: { width, height } });
      try {
        const { page, problems } = await openPage(browser.context, server.url);
        if (locale !== 'en') assert.equal(await callApi(page, 'setLocale', locale), locale);
        await toProposalWithAppeal(page);
        await waitFrames(page, 5);
        await clickWidget(page, 'tab.cycle');
        await clickWidget(page, 'tab.cycle.appeals');
        const employee = await waitForWidget(page, 'appeals.employee_cell.A1');
        await page.screenshot({ path: join(shots, `cycle-tables-${width}-${locale}-appeals.png`) });
        await assertWhole(page, 'appeals.employee_cell.A1', width);
        for (const client of ['C3', 'C4']) {
          await scrollIntoView(page, employee, `appeals.client_cell.A1.${client}`, width);
          await assertWhole(page, `appeals.client_cell.A1.${client}`, width);
        }
        const reason = await scrollIntoView(page, employee, 'appeals.header.4', width);
        assert.ok(reason, 'the Reason header was never drawn');
        assert.ok(reason.width >= 100, `Reason is ${reason.width} px wide`);
        // The id and the employee stay in view while the table scrolls sideways.
        await assertWhole(page, 'appeals.employee_cell.A1', width);
        await page.screenshot({ path: join(shots, `cycle-tables-${width}-${locale}-reason.png`) });

        const cycle = await toFinal(page);
        assert.ok(cycle.moves.length >= 4, JSON.stringify(cycle.moves));
        await clickWidget(page, 'tab.cycle.followup');
        for (const move of cycle.moves) {
          const client = await scrollDownTo(page, `followup.client_cell.${move.client}`, width, height);
          await assertWhole(page, `followup.client_cell.${move.client}`, width, height);
          await scrollIntoView(page, client, `followup.to_cell.${move.client}`, width);
          await assertWhole(page, `followup.to_cell.${move.client}`, width, height);
        }
        await page.screenshot({ path: join(shots, `cycle-tables-${width}-${locale}-followup.png`) });
        assert.deepEqual(problems, []);
      } finally {
        await browser.close();
      }
    });
  }
}
