// Every column of the Employees table fits the left panel at 1280 x 800 in English and
// Chinese, so Clients and Workload are in view without a sideways scroll. The figure columns
// are as wide as their figures, with short headers whose tooltip names them in full.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  callApi, clickWidget, exportedWorkspace, launch, openPage, serveDist, shots, waitForWidget,
  waitFrames,
} from './harness.mjs';

const server = serveDist();

// The left panel's content spans x 10 to 684 in a 1280 x 800 window, headers included.
const panelLeft = 10;
const panelRight = 684;
const columnCount = 8;

for (const locale of ['en', 'zh-CN']) {
  test(`employees columns fit at 1280x800 ${locale}`, async () => {
    const browser = await launch({ viewport: { width: 1280, height: 800 } });
    try {
      const { page, problems } = await openPage(browser.context, server.url);
      if (locale !== 'en') assert.equal(await callApi(page, 'setLocale', locale), locale);
      await waitFrames(page, 5);
      await clickWidget(page, 'tab.employees');
      await waitFrames(page, 5);
      await page.screenshot({ path: join(shots, `employees-fit-${locale}.png`) });
      for (let column = 0; column < columnCount; ++column) {
        const header = await waitForWidget(page, `employees.header.${column}`, 5);
        assert.ok(header.x >= panelLeft, `header ${column} starts left of the panel: ${header.x}`);
        assert.ok(header.x + header.width <= panelRight + 1,
          `header ${column} ends right of the panel: ${JSON.stringify(header)}`);
      }
      const name = await waitForWidget(page, 'employees.header.1');
      assert.ok(name.width >= 80, `Name is ${name.width} px wide`);
      const id = (await exportedWorkspace(page)).employees[0].id;
      for (const cell of [`employee_capacity.${id}`, `employee_workload.${id}`]) {
        const rect = await waitForWidget(page, cell, 5);
        assert.ok(rect.x >= panelLeft, `${cell} starts left of the panel: ${rect.x}`);
        assert.ok(rect.x + rect.width <= panelRight + 1,
          `${cell} ends right of the panel: ${JSON.stringify(rect)}`);
      }
      // The short Performance header names the column in full in its tooltip.
      const performance = await waitForWidget(page, 'employees.header.5');
      await page.mouse.move(performance.x + performance.width / 2, performance.y + 4);
      await waitFrames(page, 5);
      assert.ok(await page.evaluate(() => window.baton.widgetRect('tooltip')),
        'the Performance header shows a tooltip');
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  });
}
