// Verify after Apply checks the applied result against the workspace as it was before
// Apply, in English and Chinese. An edit after Apply is named instead of listing breaches,
// and every breach of a stale result is in the page. The pseudonymised export keeps no name
// that serves as an id.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  allocateWithButton, callApi as call, clickWidget, isDrawn as drawn, launch, openPage,
  serveDist, shots, waitForWidget, waitFrames,
} from './harness.mjs';

const server = serveDist();

// Presses Allocate, Apply and Verify as a first visit does, then checks the pass.
async function verifyAfterApply(page, shotName) {
  await allocateWithButton(page);
  await clickWidget(page, 'apply');
  await clickWidget(page, 'verify');
  await waitForWidget(page, 'verify.passes');
  assert.equal(await drawn(page, 'verify.breaches'), false, 'Verify lists breaches after Apply');
  await page.mouse.move(5, 790);
  await waitFrames(page, 5);
  await page.screenshot({ path: join(shots, shotName) });
}

test('Verify after Apply passes in English', async () => {
  const browser = await launch();
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    await verifyAfterApply(page, 'verify-after-apply-en.png');

    const reply = await call(page, 'verify', await call(page, 'lastResult'));
    assert.equal(reply.ok, true, JSON.stringify(reply.breaches));
    assert.equal(reply.checked_against, 'before_apply');
    assert.deepEqual(reply.breaches, []);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('Verify after Apply passes in Chinese', async () => {
  const browser = await launch();
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    assert.equal(await call(page, 'setLocale', 'zh-CN'), 'zh-CN');
    await waitFrames(page, 5);
    await verifyAfterApply(page, 'verify-after-apply-zh.png');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

// Sets an active employee on leave on the Employees tab, an edit of the workspace's data.
// A wide page draws the Allocation panel beside the tabs, so it stays in view.
async function editStatus(page) {
  const workspace = JSON.parse(await call(page, 'exportWorkspace'));
  const employee = workspace.employees.find((e) => e.status === 'active');
  await clickWidget(page, 'tab.employees');
  await clickWidget(page, `employee_status.${employee.id}`);
  await clickWidget(page, 'employee_status_option.on_leave');
  const after = JSON.parse(await call(page, 'exportWorkspace'));
  assert.equal(after.employees.find((e) => e.id === employee.id).status, 'on_leave');
}

test('edit after Apply is named, not listed', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    await allocateWithButton(page);
    const text = await call(page, 'lastResult');
    await clickWidget(page, 'apply');
    await editStatus(page);
    await clickWidget(page, 'verify');
    await waitForWidget(page, 'verify.edited_after_apply');
    assert.equal(await drawn(page, 'verify.breaches'), false);
    await page.mouse.move(5, 790);
    await waitFrames(page, 5);
    await page.screenshot({ path: join(shots, 'verify-edited-after-apply-en.png') });

    const reply = await call(page, 'verify', text);
    assert.equal(reply.ok, false);
    assert.equal(reply.checked_against, 'nothing');
    assert.deepEqual(reply.breaches, []);
  } finally {
    await browser.close();
  }
});

test('stale result lists every breach in the page', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    assert.equal(await call(page, 'setLocale', 'zh-CN'), 'zh-CN');
    await allocateWithButton(page);
    await editStatus(page);
    await clickWidget(page, 'verify');
    await waitForWidget(page, 'verify.breaches');
    await waitForWidget(page, 'verify.breach_list');
    await waitForWidget(page, 'verify.save');
    await page.mouse.move(5, 790);
    await waitFrames(page, 5);
    await page.screenshot({ path: join(shots, 'verify-stale-zh.png') });

    const reply = await call(page, 'verify', await call(page, 'lastResult'));
    assert.equal(reply.ok, false);
    assert.equal(reply.checked_against, 'open_workspace');
    assert.ok(reply.breaches.length > 0);
  } finally {
    await browser.close();
  }
});

test('pseudonymised export drops names used as ids', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    const workspace = {
      format: 'baton-workspace',
      version: 1,
      employees: [
        { id: 'Anna Snelling', name: 'Anna Snelling', status: 'leaving', last_day: '2026-12-31' },
        { id: 'Daniell Hammack', name: 'Daniell Hammack', status: 'active' },
      ],
      clients: [
        { id: 'Acme Corporation', name: 'Acme Corporation', owner: 'Anna Snelling' },
      ],
      deals: [
        { id: 'Acme renewal', client: 'Acme Corporation', employee: 'Anna Snelling',
          stage: 'open', amount: 10 },
      ],
    };
    assert.equal((await call(page, 'importWorkspace', JSON.stringify(workspace))).ok, true);
    const text = await call(page, 'exportWorkspace', { pseudonymise: true });
    for (const name of ['Anna Snelling', 'Daniell Hammack', 'Acme']) {
      assert.equal(text.includes(name), false, `${name} is in the export`);
    }
    const copy = JSON.parse(text);
    const ids = new Set(copy.employees.map((e) => e.id));
    assert.ok(ids.has(copy.clients[0].owner), `owner ${copy.clients[0].owner} is not an employee`);
    assert.ok(ids.has(copy.deals[0].employee));
    assert.equal(copy.deals[0].client, copy.clients[0].id);
  } finally {
    await browser.close();
  }
});
