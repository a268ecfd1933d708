// CSV import in the page: importFile() and the file picker bring a spreadsheet export in
// as a new workspace; a file with errors is rejected with its report and changes nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { clickWidget, launch, openPage, startServer, summary, waitFrames } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server && server.stop());

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
    await clickWidget(page, 'import_review.apply');
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
