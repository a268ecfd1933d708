// At 1280 x 800 the messages that Apply and Verify leave beside and under the Allocation
// panel's buttons are whole inside the panel, above the result, and not under the tooltip of
// the button just pressed, in English and Chinese. Undo then Redo after Apply leaves Verify
// checking against the workspace before Apply. In Chinese, the Review import window shows a
// duplicate id and a bad workspace file's errors in Chinese, with long report lines wrapped.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  allocateWithButton, callApi as call, clickWidget, exportedWorkspace, isDrawn as drawn, launch,
  openPage, serveDist, shots, waitForWidget, waitFrames,
} from './harness.mjs';

const server = serveDist();

// True when rectangles `a` and `b` share any area.
function overlaps(a, b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

// Checks that `rect` lies inside `panel` and ends above `below` (the result's headline).
function assertWhole(name, rect, panel, below) {
  assert.ok(rect.x >= panel.x, `${name} starts at x ${rect.x}, panel at ${panel.x}`);
  assert.ok(rect.x + rect.width <= panel.x + panel.width + 0.5,
            `${name} ends at x ${rect.x + rect.width}, panel at ${panel.x + panel.width}`);
  assert.ok(rect.y + rect.height <= panel.y + panel.height + 0.5,
            `${name} ends at y ${rect.y + rect.height}, panel at ${panel.y + panel.height}`);
  assert.ok(rect.y + rect.height <= below.y,
            `${name} ends at y ${rect.y + rect.height}, the headline below starts at ${below.y}`);
}

// Asserts that no tooltip is drawn, or that the one drawn leaves `rect` uncovered.
async function assertUncovered(page, name, rect) {
  const tooltip = await page.evaluate(() => window.baton.widgetRect('tooltip'));
  assert.ok(!tooltip || !overlaps(tooltip, rect),
            `a tooltip at ${JSON.stringify(tooltip)} covers ${name} at ${JSON.stringify(rect)}`);
}

// Presses Allocate, Apply and Verify with the mouse left on each button, then checks that
// each message is whole inside the panel, above the headline, and not under a tooltip.
async function applyAndCheckMessage(page, shotName) {
  await allocateWithButton(page);
  const apply = await clickWidget(page, 'apply');
  await waitFrames(page, 10);
  const message = await waitForWidget(page, 'apply_message');
  const panel = await waitForWidget(page, 'allocation_actions');
  const headline = await waitForWidget(page, 'result_headline');
  assertWhole('apply message', message, panel, headline);
  await assertUncovered(page, 'apply message', message);
  await page.screenshot({ path: join(shots, shotName.replace('.png', '-hover.png')) });

  // The tooltip of Apply comes back once the mouse leaves the button and returns.
  await page.mouse.move(5, 790);
  await waitFrames(page, 3);
  await page.mouse.move(apply.x + apply.width / 2, apply.y + apply.height / 2);
  await waitFrames(page, 5);
  assert.equal(await drawn(page, 'tooltip'), true, 'Apply has its tooltip again');

  await clickWidget(page, 'verify');
  await waitFrames(page, 10);
  const passes = await waitForWidget(page, 'verify.passes');
  assertWhole('verify message', passes, panel, await waitForWidget(page, 'result_headline'));
  await assertUncovered(page, 'verify message', passes);
  await assertUncovered(page, 'apply message', await waitForWidget(page, 'apply_message'));
  await page.mouse.move(5, 790);
  await waitFrames(page, 5);
  await page.screenshot({ path: join(shots, shotName) });
}

test('apply message is whole in English', async () => {
  const browser = await launch();
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    await applyAndCheckMessage(page, 'apply-message-en.png');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('apply message is whole in Chinese', async () => {
  const browser = await launch();
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    await clickWidget(page, 'locale.zh-CN');
    await waitFrames(page, 5);
    await applyAndCheckMessage(page, 'apply-message-zh.png');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('undo and redo after apply still verify', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    const workspace = await exportedWorkspace(page);
    const employee = workspace.employees.find((e) => e.status === 'active');
    // One edit before Apply, so that Undo has something to take back.
    await clickWidget(page, 'tab.employees');
    await clickWidget(page, `employee_status.${employee.id}`);
    await clickWidget(page, 'employee_status_option.on_leave');
    await allocateWithButton(page);
    const text = await call(page, 'lastResult');
    await clickWidget(page, 'apply');
    const applied = await exportedWorkspace(page);

    await clickWidget(page, 'undo');
    await clickWidget(page, 'redo');
    const redone = await exportedWorkspace(page);
    assert.deepEqual(redone.employees, applied.employees);
    assert.deepEqual(redone.clients, applied.clients);

    await clickWidget(page, 'verify');
    await waitForWidget(page, 'verify.passes');
    assert.equal(await drawn(page, 'verify.edited_after_apply'), false);
    const reply = await call(page, 'verify', text);
    assert.equal(reply.ok, true, JSON.stringify(reply.breaches));
    assert.equal(reply.checked_against, 'before_apply');
  } finally {
    await browser.close();
  }
});

async function pick(page, name, text, mimeType) {
  const chooser = page.waitForEvent('filechooser', { timeout: 10000 });
  await clickWidget(page, 'open');
  await (await chooser).setFiles({ name, mimeType, buffer: Buffer.from(text) });
}

test('review shows Chinese errors and wraps the report', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    await clickWidget(page, 'locale.zh-CN');
    await waitFrames(page, 5);
    const longName = 'A client name long enough to run past the edge of the report box '.repeat(3);
    const clients = `id,name\nC1,${longName}\nC1,Beta\n`;
    await pick(page, 'clients.csv', clients, 'text/csv');
    await waitForWidget(page, 'import_review.close', 200);
    await waitFrames(page, 5);
    await page.screenshot({ path: join(shots, 'review-duplicate-id-zh.png') });
    await clickWidget(page, 'import_review.close');

    const bad = JSON.stringify({
      format: 'baton-workspace',
      version: 1,
      employees: [{ id: 42, name: 'Ann', status: 'retired' }],
      clients: [{ id: 'C1', name: 'Acme', owner: 'E9' }],
    });
    await pick(page, 'bad.json', bad, 'application/json');
    await waitForWidget(page, 'import_review.close', 200);
    await waitFrames(page, 5);
    await page.screenshot({ path: join(shots, 'review-bad-workspace-zh.png') });
  } finally {
    await browser.close();
  }
});
