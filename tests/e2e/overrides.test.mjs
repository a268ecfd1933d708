// Manager overrides in the Allocation panel by mouse. A client moved to another employee
// with a written reason goes there in the run that follows at once, and the reason is kept
// in the policy's pins. A forbidden pair leaves the result. Verify passes, and the
// baseline table and the list of overrides draw.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  clickWidget, launch, openPage, serveDist, shots, waitForSummary, waitFrames,
} from './harness.mjs';

const server = serveDist();

async function workspace(page) {
  return JSON.parse(await page.evaluate(() => window.baton.exportWorkspace()));
}

function runCount(ws) {
  return ws.audit.filter((entry) => entry.kind === 'run').length;
}

async function widgetRect(page, name) {
  return page.evaluate((n) => window.baton.widgetRect(n), name);
}

// Clicks a text field and types into it.
async function typeInto(page, widget, text) {
  await clickWidget(page, widget);
  await page.keyboard.type(text);
  await waitFrames(page, 3);
}

// Polls the exported workspace until `predicate` holds.
async function waitForWorkspace(page, predicate, what) {
  let last;
  for (let attempt = 0; attempt < 100; ++attempt) {
    last = await workspace(page);
    if (predicate(last)) return last;
    await waitFrames(page, 3);
  }
  throw new Error(`${what}: the workspace never matched; policy: ${JSON.stringify(last.policy)}`);
}

// The first rows of the proposal with a runner-up that is eligible and lost only on fit,
// fairness or the room the other released clients took, so that a pin to it holds.
function movableRows(result, rows) {
  return result.assignments.slice(0, rows).filter((a) => (a.runners_up || []).some(movable));
}

function movable(runnerUp) {
  return ['lower_fit', 'fairness_target_met', 'capacity_full'].includes(runnerUp.lost_because);
}

test('move and forbid by mouse, then verify', async () => {
  const browser = await launch({ viewport: { width: 1400, height: 900 } });
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    await clickWidget(page, 'allocate');
    await waitForSummary(page, (s) => s.assigned > 0);
    const first = JSON.parse(await page.evaluate(() => window.baton.allocate()));
    const before = await workspace(page);
    const rows = movableRows(first, 6);
    assert.ok(rows.length >= 2, 'two of the first rows have an eligible runner-up');

    // Move: a pin to the runner-up, chosen in the popup's list.
    const moved = rows[0];
    const target = moved.runners_up.find(movable).employee;
    const reason = 'Speaks the client\'s language';
    await clickWidget(page, `assignment_row.${moved.client}`);
    await clickWidget(page, 'override.move');
    await clickWidget(page, 'override.target');
    await clickWidget(page, `override.target_option.${target}`);
    await typeInto(page, 'override.reason', reason);
    await page.screenshot({ path: join(shots, 'override-move-popup.png') });
    await clickWidget(page, 'override.apply');

    const pinned = await waitForWorkspace(
      page, (ws) => ws.policy.pins.length === 1 && runCount(ws) > runCount(before), 'pin');
    assert.deepEqual(pinned.policy.pins[0], { client: moved.client, employee: target, reason });
    assert.equal(pinned.policy.version, before.policy.version + 1);
    const afterPin = JSON.parse(await page.evaluate(() => window.baton.allocate()));
    const placed = afterPin.assignments.find((a) => a.client === moved.client);
    assert.equal(placed.employee, target);
    assert.equal(placed.won_because, 'pinned');

    // Forbid the proposed pair of another row.
    const other = afterPin.assignments.find(
      (a) => a.client === rows[1].client) || afterPin.assignments[1];
    await clickWidget(page, `assignment_row.${other.client}`);
    await clickWidget(page, 'override.forbid');
    await typeInto(page, 'override.reason', 'Past dispute with this client');
    await clickWidget(page, 'override.apply');
    const forbidden = await waitForWorkspace(
      page, (ws) => ws.policy.forbids.length === 1 && runCount(ws) > runCount(pinned), 'forbid');
    assert.deepEqual(forbidden.policy.forbids[0],
      { client: other.client, employee: other.employee, reason: 'Past dispute with this client' });
    assert.equal(forbidden.policy.pins.length, 1);
    const afterForbid = JSON.parse(await page.evaluate(() => window.baton.allocate()));
    assert.ok(!afterForbid.assignments.some(
      (a) => a.client === other.client && a.employee === other.employee), 'pair is gone');
    assert.equal(afterForbid.assignments.find((a) => a.client === moved.client).employee, target);

    await clickWidget(page, 'verify');
    let passes = null;
    for (let attempt = 0; attempt < 30 && !passes; ++attempt) {
      passes = await widgetRect(page, 'verify.passes');
      if (!passes) await waitFrames(page, 2);
    }
    assert.ok(passes, 'Verify shows that the result passes');
    assert.equal(await widgetRect(page, 'verify.breaches'), null);
    await page.screenshot({ path: join(shots, 'override-verified.png') });

    await clickWidget(page, 'tab.baselines');
    assert.ok(await widgetRect(page, 'baselines.table'), 'baseline table is drawn');
    await page.screenshot({ path: join(shots, 'override-baselines.png') });

    await clickWidget(page, 'tab.overrides');
    await page.screenshot({ path: join(shots, 'override-list.png') });
    await clickWidget(page, `override.remove.forbid.${other.client}.${other.employee}`);
    const removed = await waitForWorkspace(
      page, (ws) => ws.policy.forbids.length === 0, 'remove');
    assert.equal(removed.policy.pins.length, 1);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('override without a reason is not applied', async () => {
  const browser = await launch({ viewport: { width: 1400, height: 900 } });
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    await clickWidget(page, 'allocate');
    await waitForSummary(page, (s) => s.assigned > 0);
    const result = JSON.parse(await page.evaluate(() => window.baton.allocate()));
    const before = await workspace(page);
    await clickWidget(page, `assignment_row.${result.assignments[0].client}`);
    await clickWidget(page, 'override.forbid');
    await typeInto(page, 'override.reason', '   ');
    await clickWidget(page, 'override.apply');
    await waitFrames(page, 5);
    assert.deepEqual((await workspace(page)).policy, before.policy);
    assert.ok(await widgetRect(page, 'override.apply'), 'the popup stays open');
    await clickWidget(page, 'override.cancel');
    assert.equal(await widgetRect(page, 'override.apply'), null);
    assert.deepEqual((await workspace(page)).policy, before.policy);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
