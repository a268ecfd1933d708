// The Review import window: a file picked or dropped is read and checked, then shown for
// review. The open workspace changes only when the user clicks Replace (or Merge), never on
// Cancel. A file with errors has no apply button at all.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  clickReviewButton, clickWidget, launch, openPage, root, serveDist, shots, summary, waitForWidget,
  waitFrames,
} from './harness.mjs';

const server = serveDist();

// A sales sheet of three clients and three people in charge, as a Chinese CRM exports it.
const sales = [
  '订货日期,客户,负责人,金额',
  '2026-09-12,苏州华联电子有限公司,周敏,2400',
  '2026-09-20,无锡恒通物流有限公司,陈翔,650',
  '2026-10-04,苏州华联电子有限公司,周敏,980',
  '2026-10-28,常州瑞丰纺织有限公司,刘洋,1500',
].join('\r\n') + '\r\n';

const broken = [
  '订货日期,客户,负责人,金额',
  '2026-13-45,某公司,王婷,abc',
  '2026-10-02,另一公司,李磊,-5x',
].join('\r\n') + '\r\n';

async function exportText(page) {
  return page.evaluate(() => window.baton.exportWorkspace());
}

async function pick(page, name, text, mimeType = 'text/csv') {
  const chooser = page.waitForEvent('filechooser', { timeout: 10000 });
  await clickWidget(page, 'open');
  await (await chooser).setFiles({ name, mimeType, buffer: Buffer.from(text) });
}

// Drops a file on the page as a browser does when a file is dragged from the desktop.
async function drop(page, name, text) {
  await page.evaluate(([fileName, content]) => {
    const data = new DataTransfer();
    data.items.add(new File([content], fileName));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, cancelable: true }));
  }, [name, text]);
}

async function drawn(page, name) {
  await waitFrames(page, 3);
  return page.evaluate((n) => window.baton.widgetRect(n), name);
}

test('cancel keeps the workspace and replace applies the file', async () => {
  const browser = await launch();
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    const original = await exportText(page);
    await pick(page, 'sales.csv', sales);
    await waitForWidget(page, 'import_review.apply', 200);
    await page.screenshot({ path: join(shots, 'import-review-en.png') });
    assert.equal(await exportText(page), original, 'staging changed the workspace');

    await clickWidget(page, 'import_review.cancel');
    assert.equal(await drawn(page, 'import_review.apply'), null);
    assert.equal(await exportText(page), original);

    await pick(page, 'sales.csv', sales);
    await clickWidget(page, 'import_review.apply');
    assert.equal(await drawn(page, 'import_review.apply'), null);
    const s = await summary(page);
    assert.equal(s.clients, 3);
    assert.equal(s.employees, 3);
    const workspace = JSON.parse(await exportText(page));
    const entry = workspace.audit[workspace.audit.length - 1];
    assert.equal(entry.kind, 'import');
    assert.equal(entry.detail.file, 'sales.csv');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('a file with errors has no apply button and changes nothing', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    const original = await exportText(page);
    await pick(page, 'broken.csv', broken);
    await waitForWidget(page, 'import_review.close', 200);
    assert.equal(await drawn(page, 'import_review.apply'), null);
    await page.screenshot({ path: join(shots, 'import-review-errors.png') });

    const download = page.waitForEvent('download', { timeout: 10000 });
    await clickWidget(page, 'import_review.save');
    const file = await download;
    assert.equal(file.suggestedFilename(), 'broken-import-report.txt');
    assert.match(readFileSync(await file.path(), 'utf8'), /broken\.csv row 2/);

    await clickWidget(page, 'import_review.close');
    assert.equal(await drawn(page, 'import_review.close'), null);
    assert.equal(await exportText(page), original);
  } finally {
    await browser.close();
  }
});

test('a header-only file cannot empty the workspace', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    const original = await exportText(page);
    await pick(page, 'header-only.csv', '订货日期,客户,负责人,金额\r\n');
    await waitForWidget(page, 'import_review.close', 200);
    assert.equal(await drawn(page, 'import_review.apply'), null);
    await page.screenshot({ path: join(shots, 'import-review-header-only.png') });
    await clickWidget(page, 'import_review.close');
    assert.equal(await exportText(page), original);
  } finally {
    await browser.close();
  }
});

test('a workspace JSON dropped with a CSV is named in the status line', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    const original = await exportText(page);
    await page.evaluate(([csv]) => {
      const data = new DataTransfer();
      data.items.add(new File([csv], 'sales.csv'));
      data.items.add(new File(['{}'], 'other.json'));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, cancelable: true }));
    }, [sales]);
    await waitFrames(page, 5);
    assert.equal(await drawn(page, 'import_review.close'), null);
    await page.screenshot({ path: join(shots, 'import-json-with-csv.png') });
    assert.equal(await exportText(page), original);
  } finally {
    await browser.close();
  }
});

test('a mapping file picked in the review reads the files again', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    const csv = 'when,account,rep,total\r\n2026-09-12,North Mill,Ann Lee,2400\r\n' +
      '2026-10-02,South Dock,Bo Chen,650\r\n';
    await pick(page, 'export.csv', csv);
    await waitForWidget(page, 'import_review.close', 200);
    assert.equal(await drawn(page, 'import_review.apply'), null);

    const download = page.waitForEvent('download', { timeout: 10000 });
    await clickWidget(page, 'import_review.save_mapping');
    const saved = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
    assert.equal(saved.format, 'baton-mapping');
    assert.ok(saved.tables.transactions);

    saved.tables.transactions.columns = {
      date: 'when', client: 'account', employee: 'rep', amount: 'total',
    };
    const chooser = page.waitForEvent('filechooser', { timeout: 10000 });
    await clickWidget(page, 'import_review.use_mapping');
    await (await chooser).setFiles({ name: 'export-mapping.json', mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(saved)) });
    await waitForWidget(page, 'import_review.apply', 200);
    await page.screenshot({ path: join(shots, 'import-review-mapping.png') });
    await clickReviewButton(page, 'import_review.apply');
    const s = await summary(page);
    assert.equal(s.clients, 2);
    assert.equal(s.employees, 2);
  } finally {
    await browser.close();
  }
});

test('import errors name the file, row and column', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    const replies = await page.evaluate(async (text) => {
      const bytes = new TextEncoder().encode(text);
      return [
        await window.baton.importFile('broken.csv', bytes),
        await window.baton.importFiles([{ name: 'broken.csv', bytes }]),
      ];
    }, broken);
    for (const reply of replies) {
      assert.equal(reply.ok, false);
      assert.ok(reply.errors.length >= 2, JSON.stringify(reply.errors));
      for (const error of reply.errors) {
        assert.equal(error.file, 'broken.csv');
        assert.equal(typeof error.line, 'number');
        assert.equal(typeof error.column, 'string');
      }
      assert.ok(reply.errors.some((e) => e.line === 2 && e.column === '金额'),
        JSON.stringify(reply.errors));
    }
    // The staged call returns the same errors and keeps the import for review.
    const staged = await page.evaluate((text) => window.baton.stageFile('broken.csv',
      new TextEncoder().encode(text)), broken);
    assert.equal(staged.staged, true);
    assert.deepEqual(staged.errors, replies[0].errors);
    await waitForWidget(page, 'import_review.close', 200);
    await clickWidget(page, 'import_review.close');
  } finally {
    await browser.close();
  }
});

test('the merge checkbox reviews a merge', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    const original = JSON.parse(await exportText(page));
    const rows = ['client,date,amount,employee'];
    for (let i = 0; i < 3; ++i) {
      rows.push(`${original.clients[i].id},2026-11-0${i + 1},${100 + i},` +
        `${original.employees[i].id}`);
    }
    await clickWidget(page, 'import_into');
    await pick(page, 'new.csv', rows.join('\r\n') + '\r\n');
    await waitForWidget(page, 'import_review.apply', 200);
    await page.screenshot({ path: join(shots, 'import-review-merge.png') });
    assert.equal(JSON.parse(await exportText(page)).transactions.length,
      original.transactions.length);
    await clickWidget(page, 'import_review.apply');
    const merged = JSON.parse(await exportText(page));
    assert.equal(merged.transactions.length, original.transactions.length + 3);
    assert.equal(merged.clients.length, original.clients.length);
  } finally {
    await browser.close();
  }
});

test('a dropped workspace JSON is reviewed before it replaces', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    const original = await exportText(page);
    const workspace = JSON.parse(original);
    workspace.company.name = 'Dropped firm';
    await drop(page, 'dropped.json', JSON.stringify(workspace));
    await waitForWidget(page, 'import_review.apply', 200);
    assert.equal(await exportText(page), original);
    await clickWidget(page, 'import_review.apply');
    assert.equal(JSON.parse(await exportText(page)).company.name, 'Dropped firm');

    await drop(page, 'broken.json', '{"format": "baton-workspace", "version": 1, ');
    await waitForWidget(page, 'import_review.close', 200);
    assert.equal(await drawn(page, 'import_review.apply'), null);
    await clickWidget(page, 'import_review.close');
    assert.equal(JSON.parse(await exportText(page)).company.name, 'Dropped firm');
  } finally {
    await browser.close();
  }
});

test('the review fits a narrow window in Chinese', async () => {
  const browser = await launch({ viewport: { width: 420, height: 720 } });
  try {
    const { page } = await openPage(browser.context, server.url);
    await page.evaluate(() => window.baton.setLocale('zh-CN'));
    const original = await exportText(page);
    await pick(page, '销售.csv', sales);
    const apply = await waitForWidget(page, 'import_review.apply', 200);
    await waitFrames(page, 5);
    await page.screenshot({ path: join(shots, 'import-review-zh-narrow.png') });
    const save = await waitForWidget(page, 'import_review.save', 200);
    const window = await waitForWidget(page, 'import_review', 200);
    for (const rect of [apply, save]) {
      const inside = `${JSON.stringify(rect)} inside ${JSON.stringify(window)}`;
      assert.ok(rect.x >= window.x, inside);
      assert.ok(rect.x + rect.width <= window.x + window.width + 1, inside);
      assert.ok(rect.y + rect.height <= 720, JSON.stringify(rect));
    }
    assert.ok(window.width <= 420, JSON.stringify(window));
    await clickWidget(page, 'import_review.cancel');
    assert.equal(await exportText(page), original);

    await pick(page, 'broken.csv', broken);
    await waitForWidget(page, 'import_review.close', 200);
    await waitFrames(page, 5);
    await page.screenshot({ path: join(shots, 'import-review-zh-errors.png') });
    await clickWidget(page, 'import_review.close');
    assert.equal(await exportText(page), original);
  } finally {
    await browser.close();
  }
});

// A real GBK export whose rows have no client column: the page's advice is what a page user
// can do, not the command line's mapping-file edit.
const data = process.env.BATON_DATA || join(root, '..', 'shared', 'data');
const ordersCsv = join(data, 'cn-excel', '订单.csv');

test('missing client column advice fits the page', {
  skip: existsSync(ordersCsv) ? false : `${ordersCsv} is absent`,
}, async () => {
  const browser = await launch({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  try {
    const { page } = await openPage(browser.context, server.url);
    await page.evaluate(() => window.baton.setLocale('zh-CN'));
    const bytes = [...readFileSync(ordersCsv)];
    const staged = await page.evaluate((b) => window.baton.stageFile('订单.csv',
      new Uint8Array(b)), bytes);
    assert.equal(staged.ok, false);
    assert.equal(staged.errors.length, 1, JSON.stringify(staged.errors));
    const message = staged.errors[0].message;
    assert.match(message, /^no column gives the client of transactions\. In Excel, add/);
    assert.ok(message.includes('"客户名称"'), message);
    assert.ok(message.includes('"Use mapping file…"'), message);
    assert.ok(!message.includes('import mapping'), message);
    await waitForWidget(page, 'import_review.close', 200);
    await waitFrames(page, 5);
    await page.screenshot({ path: join(shots, 'review-missing-client-zh.png') });
    await clickWidget(page, 'import_review.close');
  } finally {
    await browser.close();
  }
});
