// An imported workspace returns the warnings of `baton validate`: a pin to an employee who
// has left and a client whose revenue is negative. The Review import window lists them,
// in Chinese in the Chinese interface (screenshot import-warnings-zh.png).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  callApi as call, clickWidget, launch, openPage, serveDist, shots, waitForWidget, waitFrames,
} from './harness.mjs';

const server = serveDist();

// C1 is pinned to E3, who has left, and C3 has a negative revenue.
const workspace = JSON.stringify({
  format: 'baton-workspace',
  version: 1,
  employees: [
    { id: 'E1', name: 'Wang', status: 'active' },
    { id: 'E2', name: 'Li', status: 'active' },
    { id: 'E3', name: 'Emma', status: 'departed', last_day: '2026-10-31' },
  ],
  clients: [
    { id: 'C1', name: 'Alpha', owner: 'E3', revenue_12m: 120000, workload: 2 },
    { id: 'C2', name: 'Beta', owner: 'E3', revenue_12m: 80000, workload: 1 },
    { id: 'C3', name: 'Gamma', owner: 'E1', revenue_12m: -5000, workload: 1 },
  ],
  policy: { as_of: '2026-11-30', pins: [{ client: 'C1', employee: 'E3' }] },
});

test('import returns validate warnings', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    const reply = await call(page, 'importWorkspace', workspace);
    assert.equal(reply.ok, true, JSON.stringify(reply.errors));
    const pin = reply.warnings.find((w) => w.path === '/policy/pins/0');
    assert.ok(pin, JSON.stringify(reply.warnings));
    assert.match(pin.message, /^pin C1 → E3: E3 is departed and cannot receive clients/);
    const flag = reply.warnings.find((w) => w.path === '/clients');
    assert.ok(flag, JSON.stringify(reply.warnings));
    assert.match(flag.message, /^1 client flagged negative_revenue \(C3\): /);
  } finally {
    await browser.close();
  }
});

test('review lists the warnings in Chinese', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    await clickWidget(page, 'locale.zh-CN');
    await waitFrames(page, 5);
    const chooser = page.waitForEvent('filechooser', { timeout: 10000 });
    await clickWidget(page, 'open');
    await (await chooser).setFiles({
      name: 'pins.json', mimeType: 'application/json', buffer: Buffer.from(workspace),
    });
    await waitForWidget(page, 'import_review.apply', 200);
    await waitFrames(page, 5);
    await page.screenshot({ path: join(shots, 'import-warnings-zh.png') });
  } finally {
    await browser.close();
  }
});
