// Column widths of the Employees and Proposed tables at a small phone-sized window, a small
// laptop window and the default 1280 x 800, in English and Chinese. The key column of each
// (Name, the explanation "Why") keeps a readable width: a table too wide for the window
// scrolls sideways instead of cutting every column to a letter.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  callApi as call, clickWidget, launch, openPage, serveDist, shots, waitForSummary,
  waitForWidget, waitFrames,
} from './harness.mjs';

const server = serveDist();

// Readable widths in CSS pixels at the page's default font: about six Latin letters or four
// Chinese characters, with the cell padding.
const minimumName = 80;
const minimumWhy = 64;

const cases = [];
for (const [width, height] of [[480, 720], [800, 600], [1280, 800]]) {
  for (const locale of ['en', 'zh-CN']) cases.push({ width, height, locale });
}

async function widgetRect(page, name) {
  return page.evaluate((n) => window.baton.widgetRect(n), name);
}

// Scrolls the table under `rect` sideways until the header `name` is drawn and returns its
// rectangle, or null when it never is.
async function scrollToHeader(page, rect, name) {
  await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2);
  for (let step = 0; step < 12; ++step) {
    const header = await widgetRect(page, name);
    if (header && header.x + header.width <= rect.x + rect.width + 1) return header;
    await page.mouse.wheel(120, 0);
    await waitFrames(page, 3);
  }
  return widgetRect(page, name);
}

for (const { width, height, locale } of cases) {
  test(`key columns readable at ${width}x${height} ${locale}`, async () => {
    const browser = await launch({ viewport: { width, height } });
    try {
      const { page, problems } = await openPage(browser.context, server.url);
      if (locale !== 'en') assert.equal(await call(page, 'setLocale', locale), locale);
      // The tabs' rectangles are those of the new language only after a frame or two.
      await waitFrames(page, 5);
      await clickWidget(page, 'tab.employees');
      await waitFrames(page, 5);
      const name = await waitForWidget(page, 'employees.header.1');
      await page.screenshot({ path: join(shots, `widths-${width}x${height}-${locale}-employees.png`) });
      assert.ok(name.width >= minimumName, `Name is ${name.width} px wide`);

      await call(page, 'allocate', { seed: 1 });
      await waitForSummary(page, (s) => s.assigned > 0);
      if (await widgetRect(page, 'tab.allocation')) await clickWidget(page, 'tab.allocation');
      const table = await waitForWidget(page, 'assignments.table');
      await waitFrames(page, 5);
      await page.screenshot({ path: join(shots, `widths-${width}x${height}-${locale}-proposed.png`) });
      const client = await widgetRect(page, 'assignments.header.0');
      assert.ok(client && client.width >= minimumName, `Client is ${client?.width} px wide`);
      const why = await scrollToHeader(page, table, 'assignments.header.3');
      assert.ok(why, 'the Why header was never drawn');
      await page.screenshot({ path: join(shots, `widths-${width}x${height}-${locale}-why.png`) });
      assert.ok(why.width >= minimumWhy, `Why is ${why.width} px wide`);
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  });
}
