// CSV import in the page: importFile() and the file picker bring a spreadsheet export in
// as a new workspace; a file with errors is rejected with its report and changes nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  clickReviewButton, clickWidget, launch, openPage, serveDist, summary, waitFrames,
} from './harness.mjs';

const server = serveDist();

// A transaction table as a Chinese sales sheet exports it: the client and the person in
// charge name the clients and the employees.
const sales = [
  '订货日期,客户,负责人,金额',
  '2026-10-01,深圳鑫垚贸易有限公司,王婷,1200',
  '2026-10-03,杭州翔鹏科技有限公司,李磊,800',
  '2026-10-09,深圳鑫垚贸易有限公司,王婷,450',
  '2026-11-02,宁波磊鑫机械有限公司,张鹏,3000',
].join('\r\n') + '\r\n';

test('importFile builds a workspace from a sales sheet', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    const reply = await page.evaluate(
      (text) => window.baton.importFile('sales.csv', new TextEncoder().encode(text)), sales);
    assert.equal(reply.ok, true, reply.report);
    const s = await summary(page);
    assert.equal(s.clients, 3);
    assert.equal(s.employees, 3);
    const workspace = JSON.parse(await page.evaluate(() => window.baton.exportWorkspace()));
    const client = workspace.clients.find((c) => c.name === '深圳鑫垚贸易有限公司');
    assert.ok(client, JSON.stringify(workspace.clients));
    const owner = workspace.employees.find((e) => e.id === client.owner);
    assert.equal(owner.name, '王婷');
  } finally {
    await browser.close();
  }
});

test('a file with errors is rejected with its report', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    const before = await page.evaluate(() => window.baton.exportWorkspace());
    const broken = '订货日期,客户,负责人,金额\r\n2026-13-45,某公司,王婷,abc\r\n';
    const reply = await page.evaluate(
      (text) => window.baton.importFile('broken.csv', new TextEncoder().encode(text)), broken);
    assert.equal(reply.ok, false);
    assert.match(reply.report, /broken\.csv row 2/);
    assert.equal(await page.evaluate(() => window.baton.exportWorkspace()), before);
  } finally {
    await browser.close();
  }
});

test('the file picker imports a CSV', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    const chooser = page.waitForEvent('filechooser', { timeout: 10000 });
    await clickWidget(page, 'open');
    await (await chooser).setFiles({ name: 'sales.csv', mimeType: 'text/csv',
      buffer: Buffer.from(sales) });
    await clickReviewButton(page, 'import_review.apply');
    let s;
    for (let i = 0; i < 50; ++i) {
      await waitFrames(page, 2);
      s = await summary(page);
      if (s.clients === 3) break;
    }
    assert.equal(s.clients, 3);
  } finally {
    await browser.close();
  }
});

// GBK bytes for the fixtures below, which mix them with UTF-8 text.
const gbk = {
  chinese: [0xD6, 0xD0, 0xCE, 0xC4],  // 中文
  client: [0xBF, 0xCD, 0xBB, 0xA7],   // 客户
};

function bytesOf(...parts) {
  return Array.from(Buffer.concat(parts.map((p) => (typeof p === 'string'
    ? Buffer.from(p, 'utf8') : Buffer.from(p)))));
}

test('importFile rejects text and null with what it expects', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    const messages = await page.evaluate(async () => {
      const out = {};
      const attempts = {
        text: () => window.baton.importFile('a.csv', 'id,name\nC1,Ann\n'),
        nothing: () => window.baton.importFile('a.csv', null),
        files: () => window.baton.importFiles([{ name: 'b.csv', bytes: 'x' }]),
        notArray: () => window.baton.importFiles('b.csv'),
        workspace: () => window.baton.importWorkspace(null),
      };
      for (const [key, attempt] of Object.entries(attempts)) {
        try {
          await attempt();
          out[key] = 'resolved';
        } catch (e) {
          out[key] = e.name + ': ' + e.message;
        }
      }
      return out;
    });
    const bytesExpected = 'as a Uint8Array or an ArrayBuffer, got ';
    assert.ok(messages.text.startsWith('TypeError: importFile expects the bytes of "a.csv" ' +
      bytesExpected + 'a string of 15 characters; '), messages.text);
    assert.ok(messages.nothing.includes('importFile expects the bytes of "a.csv" ' +
      bytesExpected + 'null'), messages.nothing);
    assert.ok(messages.files.includes('importFiles expects files[0].bytes ("b.csv") ' +
      bytesExpected + 'a string of 1 character'), messages.files);
    assert.ok(messages.notArray.includes('importFiles expects an array of {name, bytes, ' +
      'table?} objects, got a string'), messages.notArray);
    assert.ok(messages.workspace.includes('importWorkspace expects the workspace JSON as text, ' +
      'a Uint8Array or an ArrayBuffer, got null'), messages.workspace);
    for (const message of Object.values(messages)) assert.doesNotMatch(message, /empty/);
  } finally {
    await browser.close();
  }
});

test('bad files get messages that name the file and the page way', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    const mixed = bytesOf('id,name\n', 'C1,', gbk.chinese, '\nC2,客户\nC3,', gbk.client, '\n');
    const ok = await page.evaluate((b) => window.baton.importFile('mixed.csv',
      new Uint8Array(b)), mixed);
    assert.equal(ok.ok, true, ok.report);
    assert.match(ok.report, /mixed\.csv: the file mixes two encodings.*1 line in UTF-8 \(line 3\)/);
    const names = JSON.parse(await page.evaluate(() => window.baton.exportWorkspace()))
      .clients.map((c) => c.name);
    assert.deepEqual(names, ['中文', '客户', '客户']);

    const forced = await page.evaluate((b) => window.baton.importFile('gbk.csv',
      new Uint8Array(b), { format: 'baton-mapping', version: 1,
        tables: { clients: { encoding: 'utf-8' } } }), bytesOf('id,name\nC1,', gbk.client, '\n'));
    assert.equal(forced.ok, false);
    assert.match(forced.report, /gbk\.csv line 2: the file is not valid UTF-8/);
    assert.match(forced.report, /tables\.clients\.encoding/);
    assert.doesNotMatch(forced.report, /--encoding/);

    const controls = await page.evaluate((b) => window.baton.importFile('ctl.csv',
      new Uint8Array(b)), bytesOf('id,name\nC', [0], '1,Ann\n\uFEFFC2,Bo\n'));
    assert.equal(controls.ok, true, controls.report);
    assert.ok(controls.report.includes(
      'ctl.csv row 2, column "id": removed 1 control character (U+0000)'), controls.report);
    assert.match(controls.report, /ctl\.csv row 3, column "id": removed U\+FEFF/);
    const ids = JSON.parse(await page.evaluate(() => window.baton.exportWorkspace()))
      .clients.map((c) => c.id);
    assert.deepEqual(ids, ['C1', 'C2']);

    const workbook = await page.evaluate((b) => window.baton.importFile('book.xlsx',
      new Uint8Array(b)), bytesOf([0x50, 0x4B, 0x03, 0x04], 'x'.repeat(64)));
    assert.equal(workbook.ok, false);
    assert.match(workbook.report, /^book\.xlsx: cannot read the file as an XLSX workbook: /);
    assert.match(workbook.report, /save it again as \.xlsx, or export the sheet as CSV UTF-8/);
  } finally {
    await browser.close();
  }
});

test('importWorkspace reads UTF-16 and rejects repeated keys and null lists', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    const base = '{"format": "baton-workspace", "version": 1, '
      + '"employees": [{"id": "E1", "name": "Ann", "status": "active"}], "clients": []';
    const utf16 = Array.from(Buffer.concat([Buffer.from([0xFF, 0xFE]),
      Buffer.from(base + '}', 'utf16le')]));
    const read = await page.evaluate((b) => window.baton.importWorkspace(new Uint8Array(b)), utf16);
    assert.equal(read.ok, true, JSON.stringify(read.errors));
    assert.equal((await summary(page)).employees, 1);

    const repeated = await page.evaluate((t) => window.baton.importWorkspace(t),
      base + ', "company": {"name": "A", "name": "B"}}');
    assert.equal(repeated.ok, false);
    assert.equal(repeated.errors[0].path, '/company/name');
    assert.match(repeated.errors[0].message, /appears more than once/);

    const nullList = await page.evaluate((t) => window.baton.importWorkspace(t),
      '{"format": "baton-workspace", "version": 1, "employees": null}');
    assert.equal(nullList.ok, false);
    assert.equal(nullList.errors[0].path, '/employees');
    assert.match(nullList.errors[0].message, /found null; write \[\] for none/);
  } finally {
    await browser.close();
  }
});
