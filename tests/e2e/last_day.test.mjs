// The Last day dialog of the Employees tab, driven by real mouse clicks and key presses: an
// invalid date shows the error and marks nobody, and a corrected date is accepted by a click
// on Mark as leaving as well as by Enter.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  clickWidget, isDrawn as drawn, launch, openPage, serveDist, shots, summary, waitForWidget,
  waitFrames,
} from './harness.mjs';

const server = serveDist();

async function workspace(page) {
  return JSON.parse(await page.evaluate(() => window.baton.exportWorkspace()));
}

async function employeeById(page, id) {
  return (await workspace(page)).employees.find((e) => e.id === id);
}

// Holds a key (or chord such as 'Control+A') for two frames: ImGui 1.86 reads key state once
// a frame and misses a press that starts and ends within one.
async function pressForFrames(page, chord) {
  const keys = chord.split('+');
  for (const key of keys) await page.keyboard.down(key);
  await waitFrames(page, 2);
  for (const key of keys.reverse()) await page.keyboard.up(key);
  await waitFrames(page, 2);
}

// Clicks the date field, selects its text, deletes it and types `text`. The click at the
// field's middle is near the end of a 10-character date, so ImGui's text cursor, and with it
// the page's hidden text field, lands under the pointer before the mouse button is released.
async function retypeDate(page, text) {
  await clickWidget(page, 'last_day.input');
  await pressForFrames(page, 'Control+A');
  await pressForFrames(page, 'Backspace');
  await page.keyboard.type(text, { delay: 20 });
  await waitFrames(page, 3);
}

// Opens the Last day dialog for the first active employee with clients and returns it.
async function openLastDay(page) {
  await clickWidget(page, 'tab.employees');
  const ws = await workspace(page);
  const owners = new Set(ws.clients.map((c) => c.owner));
  const employee = ws.employees.find((e) => e.status === 'active' && owners.has(e.id));
  assert.ok(employee, 'the demo workspace has an active employee with clients');
  await clickWidget(page, `employee_status.${employee.id}`);
  await clickWidget(page, 'employee_status_option.leaving');
  await waitForWidget(page, 'last_day.confirm');
  return employee;
}

// Clicks Mark as leaving with the invalid date, then checks that the error shows and the
// employee is unchanged.
async function confirmInvalidDate(page, employee) {
  await retypeDate(page, '2026-13-45');
  await clickWidget(page, 'last_day.confirm');
  assert.ok(await drawn(page, 'last_day.invalid'), 'the invalid date shows the error');
  assert.ok(await drawn(page, 'last_day.confirm'), 'the dialog stays open');
  assert.equal((await employeeById(page, employee.id)).status, 'active');
}

test('button accepts a corrected last day', async () => {
  const browser = await launch();
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    const releasedBefore = (await summary(page)).released;
    const employee = await openLastDay(page);
    await confirmInvalidDate(page, employee);
    await page.screenshot({ path: join(shots, 'last-day-invalid.png') });

    await retypeDate(page, '2027-01-31');
    await page.screenshot({ path: join(shots, 'last-day-corrected.png') });
    await clickWidget(page, 'last_day.confirm');
    await waitFrames(page, 3);
    await page.screenshot({ path: join(shots, 'last-day-marked.png') });

    assert.equal(await drawn(page, 'last_day.confirm'), false, 'the dialog closed');
    assert.equal(await drawn(page, 'last_day.invalid'), false, 'the error is gone');
    const marked = await employeeById(page, employee.id);
    assert.equal(marked.status, 'leaving');
    assert.equal(marked.last_day, '2027-01-31');
    assert.ok((await summary(page)).released > releasedBefore,
      'the leaver\'s clients are released');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('enter accepts a corrected last day', async () => {
  const browser = await launch();
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    const employee = await openLastDay(page);
    await confirmInvalidDate(page, employee);

    await retypeDate(page, '2027-02-28');
    await pressForFrames(page, 'Enter');
    await waitFrames(page, 3);
    assert.equal(await drawn(page, 'last_day.confirm'), false, 'the dialog closed');
    const marked = await employeeById(page, employee.id);
    assert.equal(marked.status, 'leaving');
    assert.equal(marked.last_day, '2027-02-28');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('error clears when the date is edited', async () => {
  const browser = await launch();
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    const employee = await openLastDay(page);
    await confirmInvalidDate(page, employee);

    await retypeDate(page, '2027-01-3');
    assert.equal(await drawn(page, 'last_day.invalid'), false,
      'the error of the old text is gone once the text changes');
    await clickWidget(page, 'last_day.cancel');
    assert.equal(await drawn(page, 'last_day.confirm'), false, 'the dialog closed');
    assert.equal((await employeeById(page, employee.id)).status, 'active');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
