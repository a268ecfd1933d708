// Limits in the page. The Policy tab's default workload limit and value cap (an empty field
// is no limit) survive Apply, the version bump and the rules document, and an invalid number
// keeps Apply off. The Employees tab shows each employee's clients and workload against their
// limits and edits their own limits, which Undo takes back.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  clickWidget, exportedWorkspace, launch, openPage, serveDist, shots, waitForWidget, waitFrames,
} from './harness.mjs';

const server = serveDist();

// Scrolls the panel under (x, y) with the mouse wheel until the widget recorded as `name` is
// inside the window between the panel's top and the status bar.
async function scrollIntoView(page, name, x, y) {
  for (let step = 0; step < 60; ++step) {
    const rect = await page.evaluate((n) => window.baton.widgetRect(n), name);
    if (rect && rect.y > 100 && rect.y + rect.height < 750) return;
    await page.mouse.move(x, y);
    await page.mouse.wheel(0, 120);
    await waitFrames(page, 3);
  }
  throw new Error(`widget ${name} never scrolled into view`);
}

// Scrolls the Employees table sideways with the mouse wheel until the cell recorded as
// `name` lies inside the left panel (x 15 to 684 at 1280 x 800). The table's columns are
// wider than the panel there, so the Clients and Workload cells start outside it.
async function revealColumn(page, name) {
  for (let step = 0; step < 40; ++step) {
    const rect = await page.evaluate((n) => window.baton.widgetRect(n), name);
    if (rect && rect.x >= 15 && rect.x + rect.width <= 684) return;
    await page.mouse.move(300, 300);
    await page.mouse.wheel(120, 0);
    await waitFrames(page, 3);
  }
  throw new Error(`widget ${name} never scrolled into the panel`);
}

// Replaces the text of the field recorded as `name` with `text`.
async function typeInto(page, name, text) {
  if (name.startsWith('policy.')) await scrollIntoView(page, name, 300, 500);
  await clickWidget(page, name);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  if (text.length > 0) await page.keyboard.type(text);
  await page.keyboard.press('Tab');
  await waitFrames(page, 5);
}

async function setChinese(page) {
  await clickWidget(page, 'locale.zh-CN');
  await waitFrames(page, 5);
}

async function rulesText(page) {
  const download = page.waitForEvent('download', { timeout: 10000 });
  await clickWidget(page, 'policy.export_rules');
  return readFileSync(await (await download).path(), 'utf8');
}

test('policy limits survive apply and rules', async () => {
  const browser = await launch();
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    const before = (await exportedWorkspace(page)).policy;
    assert.equal(before.constraints.default_max_workload, null);
    assert.equal(before.constraints.max_value_share, null);
    await clickWidget(page, 'tab.policy');
    await typeInto(page, 'policy.constraints.default_max_workload', '80');
    await typeInto(page, 'policy.constraints.max_value_share', '40');
    await clickWidget(page, 'policy.apply');

    const applied = (await exportedWorkspace(page)).policy;
    assert.equal(applied.version, before.version + 1);
    assert.equal(applied.constraints.default_max_workload, 80);
    assert.equal(applied.constraints.max_value_share, 0.4);
    const rules = await rulesText(page);
    assert.match(rules, /\b80\b/);
    assert.match(rules, /40%/);
    await scrollIntoView(page, 'policy.constraints.max_value_share', 300, 500);
    await page.mouse.move(5, 790);
    await waitFrames(page, 5);
    await page.screenshot({ path: join(shots, 'limits-policy-en.png') });

    // An empty field is the format's null: no limit.
    await typeInto(page, 'policy.constraints.default_max_workload', '');
    await clickWidget(page, 'policy.apply');
    const cleared = (await exportedWorkspace(page)).policy;
    assert.equal(cleared.version, before.version + 2);
    assert.equal(cleared.constraints.default_max_workload, null);
    assert.equal(cleared.constraints.max_value_share, 0.4);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('invalid limit keeps apply off', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    const before = (await exportedWorkspace(page)).policy;
    await setChinese(page);
    await clickWidget(page, 'tab.policy');
    await typeInto(page, 'policy.constraints.max_value_share', '150');
    await clickWidget(page, 'policy.apply');
    assert.deepEqual((await exportedWorkspace(page)).policy, before);
    await scrollIntoView(page, 'policy.constraints.max_value_share', 300, 500);
    await page.mouse.move(5, 790);
    await waitFrames(page, 5);
    await page.screenshot({ path: join(shots, 'limits-policy-invalid-zh.png') });

    await typeInto(page, 'policy.constraints.max_value_share', '25');
    await clickWidget(page, 'policy.apply');
    const applied = (await exportedWorkspace(page)).policy;
    assert.equal(applied.constraints.max_value_share, 0.25);
    await scrollIntoView(page, 'policy.constraints.max_value_share', 300, 500);
    await page.mouse.move(5, 790);
    await waitFrames(page, 5);
    await page.screenshot({ path: join(shots, 'limits-policy-zh.png') });
  } finally {
    await browser.close();
  }
});

// Opens the capacity editor of `id` from its Clients cell, sets both limits and saves.
async function editCapacity(page, id, clients, workload) {
  await clickWidget(page, 'tab.employees');
  await revealColumn(page, `employee_capacity.${id}`);
  await clickWidget(page, `employee_capacity.${id}`);
  await waitForWidget(page, 'capacity.save');
  await typeInto(page, 'capacity.max_clients', clients);
  await typeInto(page, 'capacity.max_workload', workload);
  await clickWidget(page, 'capacity.save');
}

test('employee capacity edits and undoes', async () => {
  const browser = await launch();
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    const before = await exportedWorkspace(page);
    const employee = before.employees.find((e) => e.status === 'active');
    await clickWidget(page, 'tab.employees');
    await waitForWidget(page, `employee_workload.${employee.id}`);
    await revealColumn(page, `employee_workload.${employee.id}`);
    await page.mouse.move(5, 790);
    await waitFrames(page, 5);
    await page.screenshot({ path: join(shots, 'limits-employees-en.png') });

    await editCapacity(page, employee.id, '7', '12.5');
    const edited = (await exportedWorkspace(page)).employees.find((e) => e.id === employee.id);
    assert.equal(edited.capacity.max_clients, 7);
    assert.equal(edited.capacity.max_workload, 12.5);

    // An empty field takes the policy's default again.
    await editCapacity(page, employee.id, '', '12.5');
    const cleared = (await exportedWorkspace(page)).employees.find((e) => e.id === employee.id);
    assert.equal(cleared.capacity.max_clients, undefined);
    assert.equal(cleared.capacity.max_workload, 12.5);

    await clickWidget(page, 'undo');
    await clickWidget(page, 'undo');
    const undone = (await exportedWorkspace(page)).employees.find((e) => e.id === employee.id);
    assert.deepEqual(undone.capacity, employee.capacity);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('invalid capacity keeps save off in Chinese', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    const before = await exportedWorkspace(page);
    const employee = before.employees.find((e) => e.status === 'active');
    await setChinese(page);
    await clickWidget(page, 'tab.employees');
    await page.mouse.move(5, 790);
    await waitFrames(page, 5);
    await page.screenshot({ path: join(shots, 'limits-employees-zh.png') });
    await revealColumn(page, `employee_capacity.${employee.id}`);
    await clickWidget(page, `employee_capacity.${employee.id}`);
    await waitForWidget(page, 'capacity.save');
    await typeInto(page, 'capacity.max_clients', '2.5');
    await page.screenshot({ path: join(shots, 'limits-capacity-invalid-zh.png') });
    await clickWidget(page, 'capacity.save');
    assert.deepEqual(await exportedWorkspace(page), before);
    await clickWidget(page, 'capacity.cancel');
  } finally {
    await browser.close();
  }
});
