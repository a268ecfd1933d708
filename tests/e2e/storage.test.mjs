// Storage in headless Chromium: persistence across reloads and restarts, workspaces,
// the upgrade from the first layout, two tabs, a full quota, blocked site data, a page
// closed in the middle of a save, encryption at rest, backups, file:// persistence and
// a log of every request that fails on any request to another origin.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { callApi as call, dist, launch, openPage, root, serveDist, shots } from './harness.mjs';

const server = serveDist();

const fixture = readFileSync(join(root, 'tests/fixtures/workspace_round_trip.json'), 'utf8');

function withCompany(name) {
  const workspace = JSON.parse(fixture);
  workspace.company.name = name;
  return JSON.stringify(workspace);
}

async function companyName(page) {
  return JSON.parse(await call(page, 'exportWorkspace')).company.name;
}

async function reopen(page) {
  await page.reload();
  await page.waitForFunction(() => window.baton !== undefined);
  await page.evaluate(() => window.baton.ready);
}

// Every stored IndexedDB entry of the page's origin, as {path: text or null}.
async function storedEntries(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const request = indexedDB.open('/data');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const out = {};
      const tx = request.result.transaction(['FILE_DATA'], 'readonly');
      const cursor = tx.objectStore('FILE_DATA').openCursor();
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (!c) { request.result.close(); resolve(out); return; }
        const contents = c.value.contents;
        out[c.key] = contents ? new TextDecoder('latin1').decode(contents) : null;
        c.continue();
      };
    };
  }));
}

test('workspaces persist across a browser restart', async () => {
  const browser = await launch();
  try {
    let { page, problems } = await openPage(browser.context, server.url);
    const first = await call(page, 'workspaces');
    assert.equal(first.length, 1);
    assert.equal(first[0].id, 'default');
    assert.equal((await call(page, 'importWorkspace', withCompany('Firm Default'))).ok, true);
    const id = await call(page, 'createWorkspace', 'Firm B');
    await call(page, 'openWorkspace', id);
    assert.equal((await call(page, 'importWorkspace', withCompany('Firm B Ltd'))).ok, true);
    await call(page, 'renameWorkspace', id, 'Firm B (renamed)');
    const copy = await call(page, 'duplicateWorkspace', id);
    const saved = await call(page, 'whenSaved');
    assert.equal(saved.saved, 'saved');
    assert.ok(saved.generation >= 3, `generation ${saved.generation}`);
    assert.deepEqual(problems, []);
    await browser.context.close();

    const again = await launch({ profile: browser.profile });
    try {
      ({ page, problems } = await openPage(again.context, server.url));
      const list = await call(page, 'workspaces');
      assert.deepEqual(list.map((w) => w.name),
                       ['Default workspace', 'Firm B (renamed)', 'Firm B (renamed) (copy)']);
      assert.equal((await call(page, 'summary')).workspace, id);
      assert.equal(await companyName(page), 'Firm B Ltd');
      await call(page, 'openWorkspace', copy);
      assert.equal(await companyName(page), 'Firm B Ltd');
      await call(page, 'openWorkspace', 'default');
      assert.equal(await companyName(page), 'Firm Default');
      await call(page, 'deleteWorkspace', copy);
      await call(page, 'whenSaved');
      await reopen(page);
      assert.equal((await call(page, 'workspaces')).length, 2);
      assert.deepEqual(problems, []);
    } finally {
      await again.context.close();
    }
  } finally {
    rmSync(browser.profile, { recursive: true, force: true });
  }
});

test('storage written in the first layout is upgraded', async () => {
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    // A page of the same origin that is not the app, so nothing saves while we write.
    await page.goto(`${server.url}style.css`);
    await page.evaluate((text) => new Promise((resolve, reject) => {
      const request = indexedDB.open('/data', 21);
      request.onupgradeneeded = () => {
        const store = request.result.createObjectStore('FILE_DATA');
        store.createIndex('timestamp', 'timestamp', { unique: false });
      };
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const tx = request.result.transaction(['FILE_DATA'], 'readwrite');
        const store = tx.objectStore('FILE_DATA');
        const now = new Date();
        store.put({ timestamp: now, mode: 16877 }, '/data/workspaces');
        store.put({ timestamp: now, mode: 16877 }, '/data/workspaces/default');
        store.put({ timestamp: now, mode: 33206, contents: new TextEncoder().encode(text) },
                  '/data/workspaces/default/workspace.json');
        tx.oncomplete = () => { request.result.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
    }), withCompany('Legacy Firm'));
    const { page: app, problems } = await openPage(browser.context, server.url);
    assert.equal(await companyName(app), 'Legacy Firm');
    await call(app, 'whenSaved');
    const entries = await storedEntries(app);
    assert.ok(entries['/data/meta.json'].includes('"baton-store"'));
    assert.ok('/data/workspaces/default/workspace.snap' in entries);
    await reopen(app);
    assert.equal(await companyName(app), 'Legacy Firm');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('a second tab that falls behind stops saving', async () => {
  const browser = await launch();
  try {
    const { page: a } = await openPage(browser.context, server.url);
    await call(a, 'whenSaved');
    const b = await browser.context.newPage();
    await b.goto(server.url);
    await b.evaluate(() => window.baton.ready);
    await call(a, 'importWorkspace', withCompany('Saved by A'));
    await call(a, 'whenSaved');
    await b.waitForFunction(() => window.baton.storageStatus().then((s) => s.stale), null,
                            { timeout: 10000 });
    await call(b, 'importWorkspace', withCompany('Changed in B'));
    const status = await call(b, 'storageStatus');
    assert.equal(status.saved, 'stale');
    await b.waitForTimeout(1500);
    await reopen(a);
    assert.equal(await companyName(a), 'Saved by A');
    await reopen(b);
    assert.equal(await companyName(b), 'Saved by A');
    assert.equal((await call(b, 'storageStatus')).stale, false);
  } finally {
    await browser.close();
  }
});

// Writes `bytes` into a scratch IndexedDB database; resolves with the error name or "".
async function probeWrite(page, bytes) {
  return page.evaluate((size) => new Promise((resolve) => {
    const request = indexedDB.open('quota-probe', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('blobs');
    request.onsuccess = () => {
      const tx = request.result.transaction(['blobs'], 'readwrite');
      tx.objectStore('blobs').put(new Uint8Array(size).fill(7), 'probe');
      tx.oncomplete = () => { request.result.close(); indexedDB.deleteDatabase('quota-probe'); resolve(''); };
      tx.onabort = () => { request.result.close(); resolve(tx.error ? tx.error.name : 'abort'); };
    };
    request.onerror = () => resolve(request.error ? request.error.name : 'error');
  }), bytes);
}

test('a full quota keeps the last complete save', async (t) => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    await call(page, 'importWorkspace', withCompany('Small Firm'));
    await call(page, 'whenSaved');
    const cdp = await browser.context.newCDPSession(page);
    const origin = `${new URL(server.url).origin}/`;
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 100000 });
    if ((await probeWrite(page, 4 << 20)) === '') {
      // NOTE: Chromium 156 here reports the override as active but lets IndexedDB write past
      // it. Its real quota is 10 GiB, and a profile on a small tmpfs needs a root mount.
      // So every put on the app's store throws the QuotaExceededError of a full origin, and
      // the rest of the path (abort, message, status, last good state) runs unchanged.
      t.diagnostic('quota override not enforced: injecting QuotaExceededError into IndexedDB');
      await page.evaluate(() => {
        const put = IDBObjectStore.prototype.put;
        IDBObjectStore.prototype.put = function refusingPut(...args) {
          if (this.name !== 'blobs') {
            throw new DOMException('the origin has no space left', 'QuotaExceededError');
          }
          return put.apply(this, args);
        };
      });
    }
    const big = JSON.parse(withCompany('Big Firm'));
    for (let i = 0; i < 30000; ++i) {
      big.clients.push({ id: `X${i}`, name: `Client ${i} ${'x'.repeat(200)}`, owner: 'E01' });
    }
    assert.equal((await call(page, 'importWorkspace', JSON.stringify(big))).ok, true);
    await assert.rejects(call(page, 'whenSaved'), /Quota/i);
    const status = await call(page, 'storageStatus');
    assert.equal(status.quota_exceeded, true);
    assert.equal(status.saved, 'unsaved');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(shots, 'quota-full.png') });
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await page.goto('about:blank');
    const { page: again } = await openPage(browser.context, server.url);
    assert.equal(await companyName(again), 'Small Firm');
  } finally {
    await browser.close();
  }
});

test('blocked site data runs in memory only', async () => {
  const profile = join(root, 'build', 'e2e', `blocked-${process.pid}`);
  rmSync(profile, { recursive: true, force: true });
  mkdirSync(join(profile, 'Default'), { recursive: true });
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({
    profile: { default_content_setting_values: { cookies: 2 } },
  }));
  const browser = await launch({ profile });
  try {
    const page = browser.context.pages()[0] || (await browser.context.newPage());
    await page.goto(server.url);
    await page.waitForFunction(() => window.baton !== undefined, null, { timeout: 60000 });
    await page.evaluate(() => window.baton.ready);
    const status = await call(page, 'storageStatus');
    assert.equal(status.saved, 'memory_only');
    assert.equal(status.available, false);
    assert.match(status.unavailable_reason, /nothing is kept/);
    assert.ok((await call(page, 'summary')).employees > 0);
    await assert.rejects(call(page, 'createWorkspace', 'X'), /storage is not available/);
  } finally {
    await browser.context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('closing the page during a save leaves a complete state', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    await call(page, 'importWorkspace', withCompany('Before'));
    await call(page, 'whenSaved');
    const big = JSON.parse(withCompany('After'));
    for (let i = 0; i < 20000; ++i) big.clients.push({ id: `Y${i}`, name: `N${i}`, owner: 'E01' });
    await page.evaluate((text) => {
      window.baton.importWorkspace(text).then(() => window.baton.whenSaved());
    }, JSON.stringify(big));
    await page.waitForTimeout(30);
    await page.close();
    const { page: again, problems } = await openPage(browser.context, server.url);
    const name = await companyName(again);
    assert.ok(name === 'Before' || name === 'After', name);
    const clients = JSON.parse(await call(again, 'exportWorkspace')).clients.length;
    assert.equal(clients, name === 'After' ? big.clients.length : JSON.parse(fixture).clients.length);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('encrypted workspace round trip and wrong passphrase', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    await call(page, 'importWorkspace', withCompany('Secret Firm 机密'));
    await call(page, 'whenSaved');
    await call(page, 'setPassphrase', 'default', 'correct horse battery');
    const stored = await storedEntries(page);
    assert.ok('/data/workspaces/default/workspace.snap.enc' in stored);
    assert.ok(!('/data/workspaces/default/workspace.snap' in stored));
    for (const [path, text] of Object.entries(stored)) {
      assert.ok(!text || !text.includes('Liam Carter'), `plaintext in ${path}`);
    }
    await reopen(page);
    let status = await call(page, 'storageStatus');
    assert.equal(status.locked, true);
    assert.equal((await call(page, 'summary')).employees, 0);
    const wrong = await call(page, 'unlockWorkspace', 'default', 'wrong passphrase');
    assert.deepEqual(wrong, { ok: false, error: 'Wrong passphrase for workspace "Default workspace".' });
    assert.equal((await call(page, 'unlockWorkspace', 'default', 'correct horse battery')).ok, true);
    assert.equal(await companyName(page), 'Secret Firm 机密');
    await call(page, 'importWorkspace', withCompany('Secret Firm 2'));
    await call(page, 'lockWorkspace', 'default');
    status = await call(page, 'storageStatus');
    assert.equal(status.locked, true);
    assert.equal((await call(page, 'unlockWorkspace', 'default', 'correct horse battery')).ok, true);
    assert.equal(await companyName(page), 'Secret Firm 2');
    await call(page, 'setIdleLock', 0.02);
    await page.waitForFunction(() => window.baton.storageStatus().then((s) => s.locked), null,
                               { timeout: 10000 });
    await reopen(page);
    assert.equal((await call(page, 'storageStatus')).idle_lock_minutes, 0.02);
  } finally {
    await browser.close();
  }
});

test('backups restore, encrypted or not, and reset the reminder', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    await call(page, 'importWorkspace', withCompany('Backed Up'));
    assert.equal((await call(page, 'storageStatus')).last_backup, null);
    const plain = await call(page, 'exportBackup');
    assert.equal(JSON.parse(plain).format, 'baton-backup');
    const status = await call(page, 'storageStatus');
    assert.match(status.last_backup, /^\d{4}-\d\d-\d\dT/);
    assert.equal(status.backup_due, false);
    const sealed = await call(page, 'exportBackup', 'backup pass');
    assert.ok(!sealed.includes('Backed Up'));
    const noPass = await call(page, 'restoreBackup', sealed);
    assert.equal(noPass.ok, false);
    const wrong = await call(page, 'restoreBackup', sealed, 'nope');
    assert.equal(wrong.errors[0].message,
                 'wrong passphrase, or the backup is damaged: it cannot be decrypted');
    const restored = await call(page, 'restoreBackup', sealed, 'backup pass');
    assert.equal(restored.ok, true, JSON.stringify(restored));
    assert.equal((await call(page, 'summary')).workspace, restored.id);
    assert.equal(await companyName(page), 'Backed Up');
    const fromPlain = await call(page, 'restoreBackup', plain);
    assert.equal(fromPlain.ok, true);
    assert.equal((await call(page, 'workspaces')).length, 3);
  } finally {
    await browser.close();
  }
});

test('pseudonymised export hides names', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    await call(page, 'importWorkspace', fixture);
    const text = await call(page, 'exportWorkspace', { pseudonymise: true });
    assert.ok(!text.includes('王婷'));
    const workspace = JSON.parse(text);
    assert.equal(workspace.clients[0].name, 'Client 0042');
    // The employee id "SYS" is not an opaque code, so every employee id is replaced.
    assert.equal(workspace.employees[0].id, 'E001');
    assert.equal(workspace.employees[0].name, 'Employee 001');
    assert.equal(workspace.pseudonymised, true);
  } finally {
    await browser.close();
  }
});

test('single-file page keeps data under file://', async () => {
  const browser = await launch();
  try {
    const url = pathToFileURL(join(dist, 'baton.html')).href;
    const { page, problems } = await openPage(browser.context, url);
    await call(page, 'importWorkspace', withCompany('Offline Firm'));
    await call(page, 'whenSaved');
    await reopen(page);
    assert.equal(await companyName(page), 'Offline Firm');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('no request leaves the origin from load to export', async () => {
  const browser = await launch();
  try {
    const requests = [];
    browser.context.on('request', (request) => requests.push(request.url()));
    const { page, problems } = await openPage(browser.context, server.url);
    await call(page, 'importWorkspace', fixture);
    await call(page, 'allocate');
    await call(page, 'whenSaved');
    await call(page, 'exportWorkspace');
    await call(page, 'exportBackup', 'pass phrase');
    await reopen(page);
    const origin = new URL(server.url).origin;
    const foreign = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:'));
    assert.deepEqual(foreign, []);
    assert.ok(requests.some((u) => u.endsWith('/baton.wasm')), requests.join('\n'));
    const csp = await page.evaluate(
      () => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content);
    assert.match(csp, /^default-src 'none';/);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
