// Layout of the tables at a 1366 x 768 laptop window. The Allocation panel's Proposed table
// keeps at least 12 rows in view below the certificate badges. A name cut at its column
// edge shows whole in a tooltip on hover.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  clickWidget, launch, openPage, serveDist, shots, waitForSummary, waitForWidget, waitFrames,
} from './harness.mjs';
import { decodePng, differingPixels } from './png.mjs';

const viewport = { width: 1366, height: 768 };

const server = serveDist();

async function widgetRect(page, name) {
  return page.evaluate((n) => window.baton.widgetRect(n), name);
}

// Returns the rectangles of the Proposed table's rows drawn in the last frame, in order.
async function assignmentRows(page) {
  const result = JSON.parse(await page.evaluate(() => window.baton.allocate()));
  const rows = [];
  for (const assignment of result.assignments) {
    const rect = await widgetRect(page, `assignment_row.${assignment.client}`);
    if (rect) rows.push(rect);
  }
  return rows;
}

function insideVertically(rect, area) {
  return rect.y >= area.y && rect.y + rect.height <= area.y + area.height + 0.5;
}

test('proposed table shows 12 rows', async () => {
  const browser = await launch({ viewport });
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    await clickWidget(page, 'allocate');
    await waitForSummary(page, (s) => s.assigned >= 12);
    await waitForWidget(page, 'assignments.table');
    await waitFrames(page, 5);
    await page.screenshot({ path: join(shots, 'layout-1366.png') });

    const table = await widgetRect(page, 'assignments.table');
    const rows = await assignmentRows(page);
    const inView = rows.filter((row) => insideVertically(row, table));
    assert.ok(inView.length >= 12, `only ${inView.length} rows of the Proposed table are in view`);
    assert.ok(table.y + table.height <= viewport.height, `table ends at ${table.y + table.height}`);
    for (const code of ['wprop1_value', 'wprop1_difficulty', 'wef1_value', 'wef1_difficulty']) {
      const badge = await widgetRect(page, `certificate.${code}`);
      assert.ok(badge, `badge ${code} was not drawn`);
      assert.ok(badge.y + badge.height <= table.y, `badge ${code} is not above the table`);
    }

    // Unfolded witness lines push the table down, but it keeps its 12 rows' height.
    await clickWidget(page, 'witnesses');
    await waitFrames(page, 5);
    const unfolded = await widgetRect(page, 'assignments.table');
    const rowHeight = rows[0].height;
    assert.ok(unfolded.y > table.y, 'the witness lines did not unfold');
    assert.ok(unfolded.height >= 12 * rowHeight,
              `table height ${unfolded.height} is under 12 rows of ${rowHeight}`);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

// Screenshots the strip under a Clients row and right of the pointer, where a tooltip
// opens, with the pointer on the row's name cell and then away from it. Returns the number
// of pixels that differ.
async function tooltipPixels(page, client) {
  const header = await widgetRect(page, 'clients.header.1');
  const row = await waitForWidget(page, `client_row.${client}`);
  const x = header.x + header.width * 0.6;
  const y = row.y + row.height / 2;
  const clip = { x: Math.round(x + 16), y: Math.round(row.y + row.height + 2), width: 200,
                 height: 36 };
  await page.mouse.move(x, y);
  await waitFrames(page, 4);
  const hovered = decodePng(await page.screenshot({ clip }));
  await page.mouse.move(viewport.width - 4, viewport.height - 4);
  await waitFrames(page, 4);
  const away = decodePng(await page.screenshot({ clip }));
  return differingPixels(hovered, away);
}

test('cut client name shows tooltip', async () => {
  const browser = await launch({ viewport });
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    const workspace = JSON.parse(await page.evaluate(() => window.baton.exportWorkspace()));
    const long = workspace.clients.find((c) => c.id === 'C0002');
    const short = workspace.clients.find((c) => c.id === 'C0003');
    long.name = 'Northern Pacific Integrated Logistics and Warehousing Holdings Limited';
    long.key_account = false;
    short.name = 'Oak Co.';
    short.key_account = false;
    const reply = await page.evaluate((text) => window.baton.importWorkspace(text),
                                      JSON.stringify(workspace));
    assert.equal(reply.ok, true, JSON.stringify(reply.errors));
    await clickWidget(page, 'tab.clients');
    await waitFrames(page, 5);

    const cut = await tooltipPixels(page, 'C0002');
    const whole = await tooltipPixels(page, 'C0003');
    await page.mouse.move(0, 0);
    assert.ok(cut > 100, `hovering the cut name changed ${cut} pixels under it`);
    assert.ok(whole < 20, `hovering a name that fits changed ${whole} pixels under it`);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('tab labels stay whole at 1280 pixels', async () => {
  const browser = await launch({ viewport: { width: 1920, height: 1000 } });
  const tabs = ['employees', 'clients', 'scores', 'policy', 'cycle', 'whatif', 'charts', 'audit',
    'workspaces', 'storage', 'log'];
  try {
    const { page } = await openPage(browser.context, server.url);
    const natural = {};
    for (const tab of tabs) natural[tab] = (await waitForWidget(page, `tab.${tab}`)).width;
    await page.setViewportSize({ width: 1280, height: 800 });
    await waitFrames(page, 10);
    for (const tab of tabs) {
      const width = (await waitForWidget(page, `tab.${tab}`)).width;
      assert.ok(width >= natural[tab] - 0.5, `tab ${tab} is ${width} px, ${natural[tab]} px whole`);
    }
    await page.screenshot({ path: join(shots, 'tabs-1280.png') });
  } finally {
    await browser.close();
  }
});

test('long status message ends inside the window', async () => {
  const browser = await launch({ viewport });
  try {
    const { page } = await openPage(browser.context, server.url);
    const workspace = JSON.parse(await page.evaluate(() => window.baton.exportWorkspace()));
    workspace.audit[0].actor = 'someone else';
    const imported = await page.evaluate((t) => window.baton.importWorkspace(t),
      JSON.stringify(workspace));
    assert.equal(imported.warnings.length, 1);
    await waitFrames(page, 5);
    const rect = await waitForWidget(page, 'status_message');
    assert.ok(rect.x + rect.width <= viewport.width, JSON.stringify(rect));
    // Hovered, the cut message shows whole in a tooltip, which opens above the line. The
    // pointer moves over it in steps, because ImGui needs it there for a few frames.
    let changed = 0;
    for (let attempt = 0; attempt < 5 && changed <= 100; ++attempt) {
      const at = await waitForWidget(page, 'status_message');
      const clip = { x: Math.round(at.x + at.width / 2 - 150), y: Math.round(at.y - 100),
                     width: 300, height: 90 };
      await page.mouse.move(4, 4);
      await waitFrames(page, 5);
      const away = decodePng(await page.screenshot({ clip }));
      for (let step = 0; step < 4; ++step) {
        await page.mouse.move(at.x + at.width / 2 + step, at.y + at.height / 2);
        await waitFrames(page, 3);
      }
      await page.waitForTimeout(300);
      await waitFrames(page, 5);
      changed = differingPixels(decodePng(await page.screenshot({ clip })), away);
    }
    await page.screenshot({ path: join(shots, 'status-message-tooltip.png') });
    assert.ok(changed > 100, `hovering the status message changed ${changed} pixels above it`);
  } finally {
    await browser.close();
  }
});
