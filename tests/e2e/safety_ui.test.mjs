// The Workspaces and Storage tabs clicked in headless Chromium. The tests create, rename,
// open and delete a workspace, export a backup and restore it through the file picker,
// set a passphrase, lock, try a wrong passphrase and unlock, and export assignments as CSV
// and XLSX. Every step goes through the real canvas; the page API only checks outcomes.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  callApi as call, clickWidget, launch, openPage, root, serveDist, shots, waitFrames,
} from './harness.mjs';

const server = serveDist();

// Tall enough that the whole Storage tab is drawn without scrolling.
const viewport = { width: 1280, height: 1100 };
const fixture = readFileSync(join(root, 'tests/fixtures/workspace_round_trip.json'), 'utf8');

// Polls `probe` until it returns a truthy value; fails with the last value after a timeout.
async function eventually(page, probe, what, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await probe();
    if (last) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`${what} did not happen; last: ${JSON.stringify(last)}`);
}

// Clicks a text field and types into it; ImGui needs a frame between the click and keys.
async function typeInto(page, widget, text, { replace = false } = {}) {
  await clickWidget(page, widget);
  if (replace) {
    await page.keyboard.press('Control+A');
    await waitFrames(page, 2);
    await page.keyboard.press('Backspace');
    await waitFrames(page, 2);
  }
  await page.keyboard.type(text, { delay: 20 });
  await waitFrames(page, 3);
}

async function workspaceNamed(page, name) {
  return (await call(page, 'workspaces')).find((w) => w.name === name);
}

test('workspace manager creates, renames, opens and deletes', async () => {
  const browser = await launch({ viewport });
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    await clickWidget(page, 'tab.workspaces');
    await typeInto(page, 'ws.name_input', 'Firm B');
    await clickWidget(page, 'ws.create');
    const created = await eventually(page, () => workspaceNamed(page, 'Firm B'), 'create');

    await clickWidget(page, `ws.rename.${created.id}`);
    await typeInto(page, 'ws.rename_input', 'Firm B Ltd', { replace: true });
    await clickWidget(page, 'ws.rename_save');
    await eventually(page, () => workspaceNamed(page, 'Firm B Ltd'), 'rename');

    await clickWidget(page, `ws.open.${created.id}`);
    await eventually(page, async () => (await call(page, 'summary')).workspace === created.id,
      'open');
    await clickWidget(page, `ws.duplicate.${created.id}`);
    await eventually(page, () => workspaceNamed(page, 'Firm B Ltd (copy)'), 'duplicate');

    await clickWidget(page, `ws.delete.${created.id}`);
    await page.screenshot({ path: join(shots, 'safety-delete-confirm.png') });
    // Cancel first: nothing is deleted.
    await clickWidget(page, 'ws.dialog_cancel');
    assert.ok(await workspaceNamed(page, 'Firm B Ltd'), 'cancel kept the workspace');
    await clickWidget(page, `ws.delete.${created.id}`);
    await clickWidget(page, 'ws.delete_confirm');
    await eventually(page, async () => !(await workspaceNamed(page, 'Firm B Ltd')), 'delete');
    const summary = await call(page, 'summary');
    assert.notEqual(summary.workspace, created.id);
    await page.screenshot({ path: join(shots, 'safety-workspaces.png') });
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('backup exports and restores through the UI', async () => {
  const browser = await launch({ viewport });
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    const workspace = JSON.parse(fixture);
    workspace.company.name = 'Backup Firm';
    assert.equal((await call(page, 'importWorkspace', JSON.stringify(workspace))).ok, true);
    await call(page, 'whenSaved');
    await clickWidget(page, 'tab.storage');
    await page.screenshot({ path: join(shots, 'safety-storage.png') });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      clickWidget(page, 'backup.export'),
    ]);
    const backupPath = join(shots, 'safety-backup.json');
    await download.saveAs(backupPath);
    const backup = JSON.parse(readFileSync(backupPath, 'utf8'));
    assert.equal(backup.format, 'baton-backup');
    assert.equal(backup.data.company.name, 'Backup Firm');
    const status = await call(page, 'storageStatus');
    assert.ok(status.last_backup, 'the backup date is recorded');
    assert.equal(status.backup_due, false);

    // A file that is not a backup is rejected with errors naming what is wrong.
    const badPath = join(shots, 'safety-not-a-backup.json');
    writeFileSync(badPath, '{"format": "baton-backup", "version": 1, "data": {"employees": 3}}');
    const [badChooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      clickWidget(page, 'backup.restore'),
    ]);
    await badChooser.setFiles(badPath);
    await clickWidget(page, 'backup.restore_confirm');
    await clickWidget(page, 'backup.restore_errors');
    await page.screenshot({ path: join(shots, 'safety-restore-errors.png') });
    assert.equal((await call(page, 'workspaces')).length, 1, 'a rejected file adds nothing');

    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      clickWidget(page, 'backup.restore'),
    ]);
    await chooser.setFiles(backupPath);
    await clickWidget(page, 'backup.restore_confirm');
    const restored = await eventually(page, async () => {
      const list = await call(page, 'workspaces');
      return list.find((w) => / \(restored\)$/.test(w.name));
    }, 'restore');
    assert.equal((await call(page, 'summary')).workspace, restored.id);
    const company = JSON.parse(await call(page, 'exportWorkspace')).company.name;
    assert.equal(company, 'Backup Firm');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('passphrase set, lock, wrong and right unlock', async () => {
  const browser = await launch({ viewport });
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    const before = await call(page, 'exportWorkspace');
    const id = (await call(page, 'summary')).workspace;
    await clickWidget(page, 'tab.storage');
    await typeInto(page, 'crypt.passphrase', 'short');
    await typeInto(page, 'crypt.repeat', 'short');
    await clickWidget(page, 'crypt.set');
    await clickWidget(page, 'crypt.error');  // too short: rejected in the UI
    assert.equal((await call(page, 'storageStatus')).encrypted, false);

    await typeInto(page, 'crypt.passphrase', 'correct horse');
    await typeInto(page, 'crypt.repeat', 'correct horse');
    await clickWidget(page, 'crypt.set');
    await eventually(page, async () => {
      const s = await call(page, 'storageStatus');
      return s.encrypted && s.saved === 'saved';
    }, 'encryption');

    await clickWidget(page, 'crypt.lock');
    await eventually(page, async () => (await call(page, 'storageStatus')).locked, 'lock');
    await typeInto(page, 'unlock.passphrase', 'wrong horse');
    await clickWidget(page, 'unlock.submit');
    await eventually(page, async () => (await page.evaluate(
      () => window.baton.widgetRect('crypt.error'))) !== null, 'wrong-passphrase message');
    await page.screenshot({ path: join(shots, 'safety-unlock-wrong.png') });
    assert.equal((await call(page, 'storageStatus')).locked, true);

    await typeInto(page, 'unlock.passphrase', 'correct horse');
    await clickWidget(page, 'unlock.submit');
    await eventually(page, async () => !(await call(page, 'storageStatus')).locked, 'unlock');
    assert.equal((await call(page, 'summary')).workspace, id);
    assert.equal(await call(page, 'exportWorkspace'), before);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('assignments export as CSV and XLSX from the Storage tab', async () => {
  const browser = await launch({ viewport });
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    const result = JSON.parse(await call(page, 'allocate', { seed: 7 }));
    assert.ok(result.assignments.length > 0);
    await clickWidget(page, 'tab.storage');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      clickWidget(page, 'export.assignments_csv'),
    ]);
    const csvPath = join(shots, 'safety-assignments.csv');
    await csv.saveAs(csvPath);
    const text = readFileSync(csvPath, 'utf8');
    assert.ok(text.startsWith('\uFEFFclient,client_name,'), text.slice(0, 40));
    assert.equal(text.trim().split('\r\n').length,
      1 + result.assignments.length + result.unassigned.length);

    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      clickWidget(page, 'export.assignments_xlsx'),
    ]);
    const xlsxPath = join(shots, 'safety-assignments.xlsx');
    await xlsx.saveAs(xlsxPath);
    const bytes = readFileSync(xlsxPath);
    assert.equal(bytes.subarray(0, 4).toString('latin1'), 'PK\u0003\u0004');
    // Python's zipfile checks the archive (CRCs included) and lists the parts.
    const listing = execFileSync('python3', ['-c', [
      'import sys, zipfile',
      'z = zipfile.ZipFile(sys.argv[1])',
      'assert z.testzip() is None',
      'print("\\n".join(sorted(z.namelist())))',
      'sys.stdout.write(z.read("xl/worksheets/sheet1.xml").decode("utf-8"))',
    ].join('\n'), xlsxPath], { encoding: 'utf8' });
    assert.match(listing, /^\[Content_Types\]\.xml$/m);
    assert.match(listing, /^xl\/workbook\.xml$/m);
    assert.ok(listing.includes(`<t>${result.assignments[0].client}</t>`), 'first client id');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

// Shifts the page's clock by the days stored under 'baton.test.days_ahead' in localStorage,
// so that a reload can happen "days later" without waiting.
function shiftClock() {
  const days = Number(window.localStorage.getItem('baton.test.days_ahead') || 0);
  const realNow = Date.now.bind(Date);
  Date.now = () => realNow() + days * 86400000;
}

async function reloadDaysAhead(page, days) {
  await page.evaluate((d) => window.localStorage.setItem('baton.test.days_ahead', String(d)), days);
  await page.reload();
  await page.waitForFunction(() => window.baton !== undefined, null, { timeout: 60000 });
  await page.evaluate(() => window.baton.ready);
  await waitFrames(page, 8);
}

async function reminderShown(page) {
  await waitFrames(page, 3);
  return (await call(page, 'widgetRect', 'backup.reminder')) !== null;
}

test('backup reminder snooze lasts across a reload', async () => {
  const browser = await launch({ viewport });
  try {
    await browser.context.addInitScript(shiftClock);
    const { page, problems } = await openPage(browser.context, server.url);
    assert.equal((await call(page, 'importWorkspace', fixture)).ok, true);
    await call(page, 'whenSaved');
    assert.equal(await reminderShown(page), false, 'a new workspace needs no backup yet');

    await reloadDaysAhead(page, 8);
    assert.equal((await call(page, 'storageStatus')).backup_due, true);
    assert.equal(await reminderShown(page), true, 'eight days without a backup show the reminder');
    await page.screenshot({ path: join(shots, 'safety-backup-reminder.png') });
    await clickWidget(page, 'backup.snooze');
    assert.equal(await reminderShown(page), false, 'the snooze hides the reminder');
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('baton.preferences')));
    assert.ok(stored.backup_snoozed_until > 0, 'the snooze is kept with the preferences');

    await reloadDaysAhead(page, 8);
    assert.equal(await reminderShown(page), false, 'the snooze holds after a reload');

    await reloadDaysAhead(page, 10);
    assert.equal(await reminderShown(page), true, 'the reminder returns once the day has passed');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
