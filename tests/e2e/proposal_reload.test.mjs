// The proposal of the last allocation is stored with the workspace until it is applied or
// made stale. A reload shows the same proposal, and an outdated one is gone after a reload.
// After Apply the applied result is stored instead, and a reload shows it marked as applied,
// with Verify checking it against the workspace as it was before Apply. An encrypted
// workspace stores neither in the clear.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  callApi as call, clickWidget, dragSlider, launch, openPage, serveDist, shots, waitForWidget,
  waitFrames,
} from './harness.mjs';

const server = serveDist();

const proposalPath = '/data/workspaces/default/proposal.json';

async function reopen(page) {
  await page.reload();
  await page.waitForFunction(() => window.baton !== undefined, null, { timeout: 60000 });
  await page.evaluate(() => window.baton.ready);
  await waitFrames(page, 5);
}

// The paths of every stored IndexedDB entry of the page's origin.
async function storedPaths(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const request = indexedDB.open('/data');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const tx = request.result.transaction(['FILE_DATA'], 'readonly');
      const keys = tx.objectStore('FILE_DATA').getAllKeys();
      keys.onsuccess = () => {
        request.result.close();
        resolve(keys.result);
      };
    };
  }));
}

// Allocates and waits for the save, which stores the proposal.
async function allocateAndSave(page) {
  await call(page, 'allocate', { seed: 7 });
  await call(page, 'whenSaved');
  assert.ok((await storedPaths(page)).includes(proposalPath), 'no proposal is stored');
}

test('unapplied proposal survives a reload', async () => {
  const browser = await launch({ viewport: { width: 1366, height: 768 } });
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    await allocateAndSave(page);
    const before = await call(page, 'summary');
    const text = await call(page, 'lastResult');
    assert.ok(before.assigned > 0, JSON.stringify(before));

    await reopen(page);
    const after = await call(page, 'summary');
    assert.equal(after.assigned, before.assigned);
    assert.equal(after.unassigned, before.unassigned);
    assert.equal(await call(page, 'lastResult'), text);
    // The allocation panel shows the restored proposal: its result tabs are drawn.
    await waitForWidget(page, 'tab.proposed');
    await page.screenshot({ path: join(shots, 'proposal-reloaded.png') });

    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('applied result survives a reload', async () => {
  const browser = await launch({ viewport: { width: 1280, height: 800 } });
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    await allocateAndSave(page);
    const result = JSON.parse(await call(page, 'lastResult'));
    assert.equal((await call(page, 'applyProposal')).ok, true);
    const owners = JSON.parse(await call(page, 'exportWorkspace')).clients.map((c) => c.owner);
    await call(page, 'whenSaved');
    assert.ok((await storedPaths(page)).includes(proposalPath), 'no applied result is stored');

    await reopen(page);
    const exported = JSON.parse(await call(page, 'exportWorkspace'));
    assert.deepEqual(exported.clients.map((c) => c.owner), owners);
    assert.deepEqual(JSON.parse(await call(page, 'lastResult')), result);
    assert.equal((await call(page, 'summary')).assigned, result.assignments.length);
    await waitForWidget(page, 'result_applied');
    await waitForWidget(page, 'tab.proposed');
    // Apply stays off with its reason; Verify checks the workspace as it was before Apply.
    await waitForWidget(page, 'apply.off');
    await clickWidget(page, 'verify');
    await waitForWidget(page, 'verify.passes');
    await waitFrames(page, 3);
    await page.screenshot({ path: join(shots, 'applied-reloaded.png') });
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('changed policy drops the kept proposal', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    await allocateAndSave(page);
    const version = JSON.parse(await call(page, 'exportWorkspace')).policy.version;
    await clickWidget(page, 'tab.policy');
    await dragSlider(page, 'policy.value.monetary', 0.05);
    await clickWidget(page, 'policy.apply');
    assert.equal(JSON.parse(await call(page, 'exportWorkspace')).policy.version, version + 1);
    await call(page, 'whenSaved');
    assert.ok(!(await storedPaths(page)).includes(proposalPath));
    await reopen(page);
    assert.equal(await call(page, 'lastResult'), '');
  } finally {
    await browser.close();
  }
});

test('encrypted workspace stores no proposal', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    await allocateAndSave(page);
    await call(page, 'setPassphrase', 'default', 'correct horse battery');
    await call(page, 'whenSaved');
    assert.ok(!(await storedPaths(page)).includes(proposalPath));
  } finally {
    await browser.close();
  }
});
