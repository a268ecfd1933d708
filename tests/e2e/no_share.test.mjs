// An employee that is full under its own max_clients before the allocation takes no share
// of the released clients: its statement has entitlement and targets 0, the result's notes
// name it, and the Allocation panel's per-employee tab says "no share" in place of bars.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  callApi as call, clickWidget, launch, openPage, serveDist, shots, waitForSummary, waitFrames,
} from './harness.mjs';

const server = serveDist();

// Sets the capacity of the first two active people to the clients they already keep.
function fillTwo(workspace) {
  const kept = new Map();
  for (const client of workspace.clients) {
    if (client.owner) kept.set(client.owner, (kept.get(client.owner) ?? 0) + 1);
  }
  const people = workspace.employees.filter((e) => e.status === 'active' && e.kind !== 'system');
  const full = people.slice(0, 2);
  for (const employee of full) {
    employee.capacity = { ...(employee.capacity ?? {}), max_clients: kept.get(employee.id) ?? 0 };
  }
  return full.map((e) => e.id);
}

test('full employees take no share', async () => {
  const browser = await launch();
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    const workspace = JSON.parse(await call(page, 'exportWorkspace'));
    const full = fillTwo(workspace);
    assert.equal((await call(page, 'importWorkspace', JSON.stringify(workspace))).ok, true);
    await clickWidget(page, 'tab.allocation').catch(() => {});
    await clickWidget(page, 'allocate');
    await waitForSummary(page, (s) => s.assigned > 0);
    const result = JSON.parse(await call(page, 'lastResult'));
    for (const id of full) {
      const statement = result.employees.find((e) => e.employee === id);
      assert.ok(statement, `${id} has a statement`);
      assert.equal(statement.entitlement, 0, `${id} takes no share`);
      assert.equal(statement.target_value, 0, `${id} has target 0`);
      assert.equal(statement.clients, 0, `${id} receives nothing`);
    }
    const note = result.notes.find((n) => n.includes('take no share'));
    assert.ok(note, 'a note names the employees without a share');
    for (const id of full) assert.ok(note.includes(id), `the note names ${id}`);
    const verdict = await call(page, 'verify', await call(page, 'lastResult'));
    assert.equal(verdict.ok, true, JSON.stringify(verdict).slice(0, 400));

    await clickWidget(page, 'tab.per_employee');
    await waitFrames(page, 5);
    await page.screenshot({ path: join(shots, 'no-share-en.png') });
    await clickWidget(page, 'locale.zh-CN');
    await waitFrames(page, 5);
    await page.screenshot({ path: join(shots, 'no-share-zh.png') });
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
