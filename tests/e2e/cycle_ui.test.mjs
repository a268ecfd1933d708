// The cycle's panels by mouse in headless Chromium: start a cycle in the Cycle tab, advance
// it, file and accept an appeal in the Appeals tab, re-run, reach the final, and tick a
// handover task; the What-if and Charts tabs draw; and an audit log tampered with in an
// imported workspace is reported by the import's warnings, by verifyAudit() and by the
// Audit tab, which marks the broken entry as soon as it shows.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  clickWidget, launch, openPage, serveDist, shots, waitForWidget, waitFrames,
} from './harness.mjs';

const server = serveDist();

async function cycleState(page) {
  return page.evaluate(() => window.baton.cycle());
}

// Polls cycle() until `predicate` holds; returns the last state.
async function waitForCycle(page, predicate, what) {
  let last = null;
  for (let i = 0; i < 100; ++i) {
    last = await cycleState(page);
    if (last && predicate(last)) return last;
    await waitFrames(page, 2);
  }
  throw new Error(`${what}: cycle never matched; last: ${JSON.stringify(last)}`);
}

// Clicks a text field and types into it.
async function typeInto(page, widget, text) {
  await clickWidget(page, widget);
  await page.keyboard.type(text);
  await waitFrames(page, 3);
}

test('cycle by mouse: advance, appeal, re-run, final, handover', async () => {
  const browser = await launch({ viewport: { width: 1400, height: 900 } });
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    await clickWidget(page, 'tab.cycle');
    await clickWidget(page, 'tab.cycle.timeline');
    await clickWidget(page, 'cycle.start');
    let cycle = await waitForCycle(page, (c) => c.stage === 'departure', 'start');
    assert.ok(cycle.leavers.length >= 1, JSON.stringify(cycle.leavers));

    await clickWidget(page, 'cycle.advance');
    await waitForCycle(page, (c) => c.stage === 'rules_published', 'rules');
    await clickWidget(page, 'cycle.advance');
    cycle = await waitForCycle(page, (c) => c.stage === 'proposal', 'proposal');
    await page.screenshot({ path: join(shots, 'cycle-timeline-proposal.png') });

    // The appeal: a runner-up who lost a client only to a better fit asks to receive it.
    const lostToFit = (r) => !/^ineligible|conflict|forbidden|team_boundary/.test(r.lost_because);
    const first = cycle.proposal.assignments.find((a) => a.runners_up.some(lostToFit));
    assert.ok(first, 'a client with an eligible runner-up');
    const appellant = { id: first.runners_up.find(lostToFit).employee };

    await clickWidget(page, 'tab.cycle.appeals');
    await clickWidget(page, 'appeals.employee');
    await clickWidget(page, `appeals.employee_option.${appellant.id}`);
    await clickWidget(page, 'appeals.client');
    await clickWidget(page, `appeals.client_option.${first.client}`);
    await typeInto(page, 'appeals.reason', 'I served this client for two years');
    await clickWidget(page, 'appeals.file');
    cycle = await waitForCycle(page, (c) => c.appeals.length === 1, 'file appeal');
    const appeal = cycle.appeals[0];
    assert.equal(appeal.employee, appellant.id);
    assert.deepEqual(appeal.clients, [first.client]);
    assert.equal(appeal.status, 'open');

    await typeInto(page, `appeals.decision_reason.${appeal.id}`, 'Continuity outweighs the fit');
    await clickWidget(page, `appeals.accept.${appeal.id}`);
    cycle = await waitForCycle(page, (c) => c.appeals[0].status === 'accepted', 'accept');
    assert.equal(cycle.appeals[0].decision_reason, 'Continuity outweighs the fit');

    await clickWidget(page, 'appeals.rerun');
    cycle = await waitForCycle(page, (c) => c.rerun, 'rerun');
    const placed = cycle.rerun.assignments.find((a) => a.client === first.client);
    assert.equal(placed.employee, appellant.id, 'the accepted appeal pins the client');
    await waitFrames(page, 5);
    await page.screenshot({ path: join(shots, 'cycle-appeals-rerun.png') });

    // The window ends in the future: the app's date moves to the day after it, and the
    // window is closed and the final made by mouse.
    const closing = new Date(`${cycle.dates.objection_end}T00:00:00Z`);
    closing.setUTCDate(closing.getUTCDate() + 1);
    await page.evaluate((date) => window.baton.setToday(date), closing.toISOString().slice(0, 10));
    await clickWidget(page, 'tab.cycle.timeline');
    await clickWidget(page, 'cycle.advance');
    await waitForCycle(page, (c) => c.stage === 'objections_closed', 'objections closed');
    await clickWidget(page, 'cycle.advance');
    cycle = await waitForCycle(page, (c) => c.stage === 'final', 'final');
    assert.ok(cycle.moves.length > 0);
    const moved = cycle.moves.find((m) => m.client === first.client);
    assert.equal(moved.to, appellant.id);

    await clickWidget(page, 'tab.cycle.handover');
    const handover = cycle.handovers[0];
    const task = handover.tasks[0];
    await clickWidget(page, `handover.task.${handover.client}.${task.task}`);
    cycle = await waitForCycle(page, (c) => c.handovers[0].tasks[0].status === 'done',
      'task done');
    await page.screenshot({ path: join(shots, 'cycle-handover.png') });

    await clickWidget(page, 'tab.cycle.followup');
    await clickWidget(page, `followup.retained.${moved.client}`);
    cycle = await waitForCycle(page, (c) => c.outcomes.length === 1, 'outcome');
    assert.equal(cycle.outcomes[0].outcome, 'retained');
    await page.screenshot({ path: join(shots, 'cycle-followup.png') });

    const kinds = JSON.parse(await page.evaluate(() => window.baton.exportWorkspace()))
      .audit.map((e) => e.kind);
    assert.ok(kinds.length >= 8, kinds.join(','));
    const verified = await page.evaluate(() => window.baton.verifyAudit());
    assert.equal(verified.ok, true, JSON.stringify(verified));
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('what-if and charts tabs draw', async () => {
  const browser = await launch({ viewport: { width: 1400, height: 900 } });
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    const workspace = JSON.parse(await page.evaluate(() => window.baton.exportWorkspace()));
    const owner = workspace.employees.find((e) => e.status === 'active' && e.kind !== 'system' &&
      workspace.clients.some((c) => c.owner === e.id));
    const reply = await page.evaluate((id) => window.baton.whatIf(id), owner.id);
    assert.equal(reply.ok, true, JSON.stringify(reply));
    const received = reply.receivers.reduce((sum, r) => sum + r.clients, 0);
    assert.equal(received + reply.unassigned.length, reply.book.clients);
    assert.ok(reply.receivers.every((r) => r.employee !== owner.id));
    const unknown = await page.evaluate(() => window.baton.whatIf('NOBODY'));
    assert.equal(unknown.ok, false);
    assert.match(unknown.error, /not found/);
    const risk = await page.evaluate(() => window.baton.keyPersonRisk());
    assert.equal(risk.ok, true);
    assert.ok(risk.scanned > 0);

    await clickWidget(page, 'tab.whatif');
    await clickWidget(page, 'whatif.employee');
    await clickWidget(page, `whatif.employee_option.${owner.id}`);
    await clickWidget(page, 'whatif.preview');
    await clickWidget(page, 'whatif.risk_refresh');
    await waitFrames(page, 5);
    assert.ok(await page.evaluate(() => window.baton.widgetRect('whatif.summary')));
    await page.screenshot({ path: join(shots, 'whatif.png') });
    // The preview changes nothing stored.
    const after = JSON.parse(await page.evaluate(() => window.baton.exportWorkspace()));
    assert.deepEqual(after.employees, workspace.employees);

    await page.evaluate(() => window.baton.allocate({ seed: 7 }));
    await clickWidget(page, 'tab.charts');
    await waitFrames(page, 5);
    for (const name of ['charts.received', 'charts.books', 'charts.values']) {
      assert.ok(await page.evaluate((n) => window.baton.widgetRect(n), name), name);
    }
    await page.screenshot({ path: join(shots, 'charts.png') });
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('tampered audit entry is found through the page', async () => {
  const browser = await launch({ viewport: { width: 1400, height: 900 } });
  try {
    const { page } = await openPage(browser.context, server.url);
    await page.evaluate(() => window.baton.allocate({ seed: 7 }));
    const clean = await page.evaluate(() => window.baton.verifyAudit());
    assert.equal(clean.ok, true, JSON.stringify(clean));
    assert.ok(clean.entries >= 2);
    // The log is stored with the workspace: a reload keeps it whole.
    await page.evaluate(() => window.baton.whenSaved());
    await page.reload();
    await page.waitForFunction(() => window.baton !== undefined, null, { timeout: 60000 });
    await page.evaluate(() => window.baton.ready);
    const reloaded = await page.evaluate(() => window.baton.verifyAudit());
    assert.deepEqual(reloaded, clean);

    const workspace = JSON.parse(await page.evaluate(() => window.baton.exportWorkspace()));
    const index = workspace.audit.length - 1;
    workspace.audit[index].detail.seed = 8;  // one character of the run's entry
    const imported = await page.evaluate((t) => window.baton.importWorkspace(t),
      JSON.stringify(workspace));
    assert.equal(imported.ok, true, JSON.stringify(imported.errors));
    assert.equal(imported.warnings.length, 1, JSON.stringify(imported.warnings));
    assert.equal(imported.warnings[0].path, `/audit/${index}/hash`);
    const broken = await page.evaluate(() => window.baton.verifyAudit());
    assert.equal(broken.ok, false);
    assert.equal(broken.broken.index, index);
    assert.equal(broken.broken.seq, index + 1);
    assert.equal(broken.broken.field, 'hash');
    // The import itself was appended after the break.
    assert.equal(broken.entries, workspace.audit.length + 1);

    await clickWidget(page, 'tab.audit');
    await clickWidget(page, 'audit.verify');
    await waitFrames(page, 5);
    assert.ok(await page.evaluate(() => window.baton.widgetRect('audit.result')));
    await page.screenshot({ path: join(shots, 'audit-broken.png') });
  } finally {
    await browser.close();
  }
});

test('edited audit actor warns and is marked at once', async () => {
  const browser = await launch({ viewport: { width: 1366, height: 768 } });
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    const workspace = JSON.parse(await page.evaluate(() => window.baton.exportWorkspace()));
    workspace.audit[0].actor = 'someone else';
    const imported = await page.evaluate((t) => window.baton.importWorkspace(t),
      JSON.stringify(workspace));
    assert.equal(imported.ok, true, JSON.stringify(imported.errors));
    assert.equal(imported.warnings.length, 1, JSON.stringify(imported.warnings));
    const warning = imported.warnings[0];
    assert.equal(warning.path, '/audit/0/hash');
    assert.match(warning.message, /^the audit log is broken at entry 1 \(seq 1\), field hash: /);

    // The Audit tab marks the entry without a press of Verify chain.
    await clickWidget(page, 'tab.audit');
    await waitForWidget(page, 'audit.broken_entry');
    await page.screenshot({ path: join(shots, 'audit-actor-marked.png') });
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
