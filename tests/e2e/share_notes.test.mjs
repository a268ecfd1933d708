// The notes under the Allocation panel's certificate badges. In the demo every receiver
// gets a client within 100% of its target, so no note shows. With the released book cut to
// three clients among about ten receivers, WPROP1 on value still passes, most receivers get
// no client, and the panel explains why.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  callApi as call, clickWidget, launch, openPage, serveDist, shots, waitForSummary, waitFrames,
} from './harness.mjs';

const server = serveDist();

// Keeps `keep` of the leavers' clients released and hands every other released client to
// the active people in turn, so that they stay with their new owner.
function cutReleasedBook(workspace, keep) {
  const leavers = new Set(workspace.employees.filter((e) => e.status !== 'active')
    .map((e) => e.id));
  const people = workspace.employees.filter((e) => e.status === 'active' && e.kind !== 'system');
  let kept = 0;
  let turn = 0;
  for (const client of workspace.clients) {
    if (client.owner && !leavers.has(client.owner)) continue;
    if (client.owner && kept < keep) {
      kept += 1;
      continue;
    }
    client.owner = people[turn % people.length].id;
    turn += 1;
  }
  return workspace;
}

test('share notes show only where they apply', async () => {
  const browser = await launch({ viewport: { width: 1400, height: 900 } });
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    await clickWidget(page, 'allocate');
    await waitForSummary(page, (s) => s.assigned > 0);
    const demo = JSON.parse(await call(page, 'lastResult'));
    assert.ok(demo.employees.every((e) => e.clients > 0), 'every demo receiver gets a client');
    assert.ok(demo.figures.max_relative_deviation <= 1, 'no demo receiver is over 200%');
    await waitFrames(page, 3);
    assert.equal(await call(page, 'widgetRect', 'share_notes'), null);

    const workspace = cutReleasedBook(JSON.parse(await call(page, 'exportWorkspace')), 3);
    assert.equal((await call(page, 'importWorkspace', JSON.stringify(workspace))).ok, true);
    await waitForSummary(page, (s) => s.released === 3);
    await clickWidget(page, 'tab.allocation').catch(() => {});
    await clickWidget(page, 'allocate');
    await waitForSummary(page, (s) => s.assigned === 3);
    const small = JSON.parse(await call(page, 'lastResult'));
    assert.equal(small.certificates.wprop1_value, true);
    const without = small.employees.filter((e) => e.clients === 0).length;
    assert.ok(without >= small.employees.length - 3, `${without} receivers without a client`);
    await waitFrames(page, 3);
    const note = await call(page, 'widgetRect', 'share_notes');
    assert.ok(note, 'the note is drawn');
    assert.ok(note.height > 0);
    await page.screenshot({ path: join(shots, 'share-notes.png') });
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
