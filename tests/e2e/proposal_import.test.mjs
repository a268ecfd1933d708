// A manager's proposal CSV reaches the page as Excel saves it: GBK with the Chinese headers
// 客户,负责人, or UTF-16 with a byte order mark. importProposal takes its bytes as they are,
// the review places its pair, and a file with a header but no pairs warns.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { callApi as call, launch, openPage, serveDist } from './harness.mjs';

const server = serveDist();

// 客户,负责人 in GBK.
const gbkHeader = [191, 205, 187, 167, 44, 184, 186, 212, 240, 200, 203];

function asciiBytes(text) {
  return Array.from(text, (ch) => ch.charCodeAt(0));
}

// Passes `bytes` (an array of numbers) to importProposal as a Uint8Array.
async function importBytes(page, bytes) {
  return page.evaluate((b) => window.baton.importProposal(new Uint8Array(b)), bytes);
}

test('proposal CSV in GBK and UTF-16 through importProposal', async () => {
  const browser = await launch();
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    const fair = JSON.parse(await call(page, 'allocate'));
    assert.ok(fair.assignments.length > 0);
    const pair = fair.assignments[0];
    const line = `\r\n${pair.client},${pair.employee}\r\n`;

    const gbk = await importBytes(page, [...gbkHeader, ...asciiBytes(line)]);
    assert.deepEqual(gbk.errors, []);
    assert.equal(gbk.ok, true);
    const review = JSON.parse(await call(page, 'allocate', { baseline: 'proposal' }));
    assert.equal(review.method, 'proposal');
    assert.ok(review.assignments.some((a) => a.client === pair.client &&
      a.employee === pair.employee));

    const text = `client,employee${line}`;
    const utf16 = [0xFF, 0xFE];
    for (const code of asciiBytes(text)) utf16.push(code, 0);
    const wide = await importBytes(page, utf16);
    assert.deepEqual(wide.errors, []);
    assert.equal(wide.ok, true);

    const empty = await importBytes(page, asciiBytes('client,employee\r\n'));
    assert.equal(empty.ok, true);
    assert.equal(empty.warnings.length, 1);
    assert.ok(empty.warnings[0].message.startsWith('the proposal has its header but no pairs'),
      empty.warnings[0].message);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
