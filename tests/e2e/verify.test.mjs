// The page's verify() rechecks a result, and the page and the native CLI give the same
// bytes for the same workspace and seed.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { launch, openPage, root, serveDist } from './harness.mjs';

const cli = process.env.BATON_CLI || join(root, 'build', 'native', 'baton');
const server = serveDist();

test('verify accepts a result and names a breach', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    const text = await page.evaluate(() => window.baton.allocate({ seed: 3 }));
    const clean = await page.evaluate((t) => window.baton.verify(t), text);
    assert.equal(clean.ok, true, JSON.stringify(clean.breaches));
    assert.deepEqual(clean.breaches, []);

    const result = JSON.parse(text);
    const workspace = JSON.parse(await page.evaluate(() => window.baton.exportWorkspace()));
    const leaver = workspace.employees.find((e) => e.status === 'departed');
    assert.ok(leaver, 'the demo has a departed employee');
    result.assignments[0].employee = leaver.id;
    const broken = await page.evaluate((t) => window.baton.verify(t), JSON.stringify(result));
    assert.equal(broken.ok, false);
    assert.ok(broken.breaches.length > 0);

    const garbage = await page.evaluate(() => window.baton.verify('not json'));
    assert.equal(garbage.ok, false);
    assert.equal(garbage.readable, false);
  } finally {
    await browser.close();
  }
});

test('verify names the position of a truncated result', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    const text = await page.evaluate(() => window.baton.allocate({ seed: 3 }));
    // The result cut off after its sixth line, as a partial download or copy leaves it.
    const lines = text.split('\n');
    assert.ok(lines.length > 6, 'the result has more than six lines');
    const cut = lines.slice(0, 6).join('\n');
    const reply = await page.evaluate((t) => window.baton.verify(t), cut);
    assert.equal(reply.ok, false);
    assert.equal(reply.readable, false);
    assert.equal(reply.breaches.length, 1);
    const bytes = Buffer.byteLength(cut, 'utf8');
    const column = [...lines[5]].length + 1;
    const position = `line 6, column ${column}, byte offset ${bytes}: invalid JSON: `;
    assert.ok(reply.breaches[0].startsWith(position), reply.breaches[0]);
    assert.match(reply.breaches[0], /unexpected end of input/);
    assert.match(reply.breaches[0], /so it may be cut off: save or copy the whole file again/);
  } finally {
    await browser.close();
  }
});

test('page and CLI allocations are byte-identical', { skip: !existsSync(cli) && 'build/native/baton is missing' }, async () => {
  const browser = await launch();
  const folder = mkdtempSync(join(tmpdir(), 'baton-determinism-'));
  try {
    const { page } = await openPage(browser.context, server.url);
    const workspaceText = await page.evaluate(() => window.baton.exportWorkspace());
    const pageResult = await page.evaluate(() => window.baton.allocate({ seed: 11 }));
    const file = join(folder, 'workspace.json');
    writeFileSync(file, workspaceText);
    execFileSync(cli, ['allocate', file, '--seed', '11', '--out', join(folder, 'result.json')]);
    const cliResult = readFileSync(join(folder, 'result.json'), 'utf8');
    assert.equal(JSON.parse(pageResult).input_sha256, JSON.parse(cliResult).input_sha256);
    assert.equal(pageResult, cliResult);
  } finally {
    await browser.close();
    rmSync(folder, { recursive: true, force: true });
  }
});
