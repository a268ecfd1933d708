// Plain http against a secure context. Chromium treats http://127.0.0.1 as a secure
// context, so the other tests have WebCrypto and the storage manager. Here the same pages
// are also opened as http://baton.test:PORT/, a name that --host-resolver-rules maps to
// 127.0.0.1 and nothing else. That origin is not a secure context. The page must still
// load, save to IndexedDB and back up unencrypted. It must state why encryption,
// persistence and the storage estimate are missing, and reject encryption with that
// reason instead of failing.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { callApi as call, clickWidget, launch, openPage, serveDist, shots } from './harness.mjs';

const server = serveDist();

const insecureHost = 'baton.test';
const resolverRule = `--host-resolver-rules=MAP ${insecureHost} 127.0.0.1`;

test('127.0.0.1 is a secure context with every storage feature', async () => {
  const browser = await launch();
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    assert.equal(await page.evaluate(() => isSecureContext), true);
    const status = await call(page, 'storageStatus');
    assert.equal(status.secure_context, true);
    assert.equal(status.available, true);
    assert.notEqual(status.persistence, 'unavailable');
    assert.equal(await page.evaluate(() => typeof crypto.subtle), 'object');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('a plain http origin keeps working and says what is missing', async () => {
  const browser = await launch({ args: [resolverRule], viewport: { width: 1280, height: 1100 } });
  try {
    const url = server.url.replace('127.0.0.1', insecureHost);
    const { page, problems } = await openPage(browser.context, url);
    assert.equal(await page.evaluate(() => location.hostname), insecureHost);
    assert.equal(await page.evaluate(() => isSecureContext), false);
    assert.equal(await page.evaluate(() => typeof crypto.subtle), 'undefined');

    const status = await call(page, 'storageStatus');
    assert.equal(status.secure_context, false);
    assert.equal(status.available, true, 'IndexedDB works without a secure context');
    assert.equal(status.persistence, 'unavailable');
    assert.equal(status.usage_bytes, null);
    assert.equal(status.quota_bytes, null);
    assert.match(status.unavailable_reason, /plain http/);
    assert.match(status.unavailable_reason, /encryption/);

    const summary = await call(page, 'summary');
    assert.ok(summary.employees > 0, 'the demo loaded');
    const saved = await call(page, 'whenSaved');
    assert.equal(saved.saved, 'saved');

    await assert.rejects(call(page, 'setPassphrase', summary.workspace, 'long enough phrase'),
      /secure context/);
    await assert.rejects(call(page, 'exportBackup', 'long enough phrase'), /secure context/);
    const plainBackup = JSON.parse(await call(page, 'exportBackup'));
    assert.equal(plainBackup.format, 'baton-backup');
    assert.equal((await call(page, 'storageStatus')).encrypted, false);

    // The Storage tab shows the same reason in the UI.
    await clickWidget(page, 'tab.storage');
    await page.screenshot({ path: join(shots, 'safety-http-storage.png') });

    // A reload over the same origin finds the saved data.
    await page.reload();
    await page.waitForFunction(() => window.baton !== undefined);
    await page.evaluate(() => window.baton.ready);
    assert.equal((await call(page, 'storageStatus')).available, true);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
