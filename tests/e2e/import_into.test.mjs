// Merging CSV files into the open workspace ({into: true} and the toolbar checkbox), and
// workspace JSON given to importWorkspace as bytes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  clickReviewButton, clickWidget, launch, openPage, serveDist, summary, waitFrames,
} from './harness.mjs';

const server = serveDist();

async function openWorkspace(page) {
  return JSON.parse(await page.evaluate(() => window.baton.exportWorkspace()));
}

// Three new transactions on clients and employees of the open workspace, as CSV.
function newTransactions(workspace) {
  const rows = ['client,date,amount,employee'];
  for (let i = 0; i < 3; ++i) {
    const client = workspace.clients[i];
    rows.push(`${client.id},2026-11-0${i + 1},${100 + i},${workspace.employees[i].id}`);
  }
  return rows.join('\r\n') + '\r\n';
}

const mapping = JSON.stringify({
  format: 'baton-mapping', version: 1,
  tables: { transactions: { columns: { client: 'client', date: 'date', amount: 'amount',
    employee: 'employee' } } },
});

test('importFile with into merges new transactions', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    const before = await openWorkspace(page);
    const csv = newTransactions(before);
    const reply = await page.evaluate(([text, map]) => window.baton.importFile('new.csv',
      new TextEncoder().encode(text), map, { into: true }), [csv, mapping]);
    assert.equal(reply.ok, true, reply.report);
    const merged = await openWorkspace(page);
    assert.equal(merged.transactions.length, before.transactions.length + 3);
    assert.equal(merged.clients.length, before.clients.length);
    assert.equal(merged.employees.length, before.employees.length);
    const added = merged.transactions.filter((t) => t.date === '2026-11-02' && t.amount === 101);
    assert.equal(added.length, 1);
    assert.equal(added[0].client, before.clients[1].id);
  } finally {
    await browser.close();
  }
});

test('a failing merge leaves the workspace unchanged', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    const before = await page.evaluate(() => window.baton.exportWorkspace());
    const workspace = JSON.parse(before);
    const csv = newTransactions(workspace) + `${workspace.clients[0].id},2026-13-45,abc,\r\n`;
    const reply = await page.evaluate(([text, map]) => window.baton.importFile('bad.csv',
      new TextEncoder().encode(text), map, { into: true }), [csv, mapping]);
    assert.equal(reply.ok, false);
    assert.match(reply.report, /bad\.csv row 5/);
    assert.equal(await page.evaluate(() => window.baton.exportWorkspace()), before);
    const files = await page.evaluate(([text, map]) => window.baton.importFiles(
      [{ name: 'bad.csv', bytes: new TextEncoder().encode(text), table: 'transactions' }],
      map, { into: true }), [csv, mapping]);
    assert.equal(files.ok, false);
    assert.equal(await page.evaluate(() => window.baton.exportWorkspace()), before);
  } finally {
    await browser.close();
  }
});

test('an invalid into option is rejected', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    const reply = await page.evaluate(() => window.baton.importFile('x.csv',
      new TextEncoder().encode('a,b\r\n1,2\r\n'), undefined, { into: 'yes' }));
    assert.equal(reply.ok, false);
    assert.match(reply.error, /option into must be true or false/);
  } finally {
    await browser.close();
  }
});

test('the merge checkbox makes the file picker merge', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    const before = await openWorkspace(page);
    await clickWidget(page, 'import_into');
    await waitFrames(page, 2);
    const chooser = page.waitForEvent('filechooser', { timeout: 10000 });
    await clickWidget(page, 'open');
    await (await chooser).setFiles({ name: 'new.csv', mimeType: 'text/csv',
      buffer: Buffer.from(newTransactions(before)) });
    await clickReviewButton(page, 'import_review.apply');
    let merged;
    for (let i = 0; i < 50; ++i) {
      await waitFrames(page, 2);
      merged = await openWorkspace(page);
      if (merged.transactions.length !== before.transactions.length) break;
    }
    assert.equal(merged.transactions.length, before.transactions.length + 3);
    assert.equal(merged.clients.length, before.clients.length);
    const s = await summary(page);
    assert.equal(s.employees, before.employees.length);
  } finally {
    await browser.close();
  }
});

test('importWorkspace reads bytes and names the line of a syntax error', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    const text = await page.evaluate(() => window.baton.exportWorkspace());
    const ok = await page.evaluate(async (t) => {
      const bytes = new TextEncoder().encode(t);
      const fromBytes = await window.baton.importWorkspace(bytes);
      const fromBuffer = await window.baton.importWorkspace(bytes.buffer);
      return [fromBytes.ok, fromBuffer.ok];
    }, text);
    assert.deepEqual(ok, [true, true]);
    // Each import appends an audit entry, so the tables are compared, not the whole text.
    const imported = await page.evaluate(() => window.baton.exportWorkspace());
    assert.deepEqual(JSON.parse(imported).clients, JSON.parse(text).clients);
    assert.deepEqual(JSON.parse(imported).transactions, JSON.parse(text).transactions);
    const bad = await page.evaluate(() => window.baton.importWorkspace(
      new TextEncoder().encode('{"format": "baton-workspace",\n "version": 1 "x": 2}')));
    assert.equal(bad.ok, false);
    assert.equal(bad.errors.length, 1);
    assert.equal(bad.errors[0].line, 2);
    assert.equal(bad.errors[0].column, 17);
    const invalid = await page.evaluate(() => window.baton.importWorkspace(
      new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d])));
    assert.equal(invalid.ok, false);
    // A byte that breaks UTF-8 is named as an encoding problem, not as JSON syntax.
    assert.match(invalid.errors[0].message, /not UTF-8 text/);
    assert.equal(await page.evaluate(() => window.baton.exportWorkspace()), imported);
  } finally {
    await browser.close();
  }
});

test('a merge lists each changed status', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    const before = await openWorkspace(page);
    const active = before.employees.filter((e) => e.status === 'active' && e.kind !== 'system');
    const csv = `id,status\r\n${active[0].id},已离职\r\n${active[1].id},active\r\n`;
    const reply = await page.evaluate((text) => window.baton.importFile('staff.csv',
      new TextEncoder().encode(text), undefined, { into: true }), csv);
    assert.equal(reply.ok, true, reply.report);
    assert.match(reply.report, /statuses_changed: 1\n/);
    assert.ok(reply.report.includes(`staff.csv row 2, column "status": employee ` +
      `"${active[0].id}" changes status from active to departed`), reply.report);
    const merged = await openWorkspace(page);
    assert.equal(merged.employees.find((e) => e.id === active[0].id).status, 'departed');
  } finally {
    await browser.close();
  }
});
