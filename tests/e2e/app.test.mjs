// The foundation's path through the app in headless Chromium: the demo loads, Allocate
// by mouse makes a proposal, Apply makes it the owners of record, a reload keeps them,
// bad input leaves the workspace as it was, and the single-file page runs from file://.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  clickWidget, dist, launch, openPage, serveDist, shots, summary, waitForSummary, waitFrames,
} from './harness.mjs';

const server = serveDist();

function owners(workspaceText) {
  const workspace = JSON.parse(workspaceText);
  return Object.fromEntries(workspace.clients.map((c) => [c.id, c.owner]));
}

test('demo workspace loads on first run', async () => {
  const browser = await launch();
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    const s = await summary(page);
    assert.ok(s.employees >= 5, `employees: ${s.employees}`);
    assert.ok(s.clients >= 50, `clients: ${s.clients}`);
    assert.ok(s.released > 0, `released: ${s.released}`);
    assert.equal(s.assigned, 0);
    await page.screenshot({ path: join(shots, 'demo-loaded.png') });
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('allocate and apply by mouse persist across a reload', async () => {
  const browser = await launch();
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    const before = await summary(page);
    await clickWidget(page, 'allocate');
    const allocated = await waitForSummary(page, (s) => s.assigned > 0);
    assert.equal(allocated.assigned + allocated.unassigned, before.released);
    await page.screenshot({ path: join(shots, 'allocated.png') });

    const result = JSON.parse(await page.evaluate(() => window.baton.allocate()));
    assert.equal(result.format, 'baton-allocation');
    assert.match(result.input_sha256, /^[0-9a-f]{64}$/);

    await clickWidget(page, 'apply');
    await waitFrames(page, 5);
    const applied = owners(await page.evaluate(() => window.baton.exportWorkspace()));
    for (const a of result.assignments) assert.equal(applied[a.client], a.employee, a.client);
    await page.screenshot({ path: join(shots, 'applied.png') });
    await waitForSummary(page, (s) => s.saved === 'saved');

    await page.reload();
    await page.waitForFunction(() => window.baton !== undefined);
    await page.evaluate(() => window.baton.ready);
    const reloaded = owners(await page.evaluate(() => window.baton.exportWorkspace()));
    assert.deepEqual(reloaded, applied);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('invalid workspace is rejected and nothing changes', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    const before = await page.evaluate(() => window.baton.exportWorkspace());
    const syntax = await page.evaluate(() => window.baton.importWorkspace('{"format": '));
    assert.equal(syntax.ok, false);
    assert.ok(syntax.errors.length > 0);
    assert.equal(syntax.errors[0].line, 1);
    const workspace = JSON.parse(before);
    workspace.clients[0].owner = 'NOBODY';
    const owner = await page.evaluate((t) => window.baton.importWorkspace(t), JSON.stringify(workspace));
    assert.equal(owner.ok, false);
    assert.ok(owner.errors.some((e) => e.path === '/clients/0/owner'), JSON.stringify(owner.errors));
    const deep = '{"format": "baton-workspace", "version": 1, "x": ' + '['.repeat(5000) +
      ']'.repeat(5000) + '}';
    const nested = await page.evaluate((t) => window.baton.importWorkspace(t), deep);
    assert.equal(nested.ok, false);
    assert.match(nested.errors[0].message, /nest deeper than 128 levels/);
    assert.equal(await page.evaluate(() => window.baton.exportWorkspace()), before);
  } finally {
    await browser.close();
  }
});

test('single-file page starts from file://', async () => {
  const browser = await launch();
  try {
    const url = pathToFileURL(join(dist, 'baton.html')).href;
    const { page, problems } = await openPage(browser.context, url);
    const s = await summary(page);
    assert.ok(s.employees > 0);
    await clickWidget(page, 'allocate');
    await waitForSummary(page, (x) => x.assigned > 0);
    await page.screenshot({ path: join(shots, 'single-file.png') });
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
