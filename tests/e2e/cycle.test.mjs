// A whole reassignment cycle through window.baton: departure with a future last day,
// rules, proposal, an accepted appeal and the re-run's diff, the final, handover tasks,
// follow-up outcomes, and the dashboard against figures worked out by hand.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { launch, openPage, serveDist } from './harness.mjs';

const server = serveDist();

// E1 leaves with C1-C4. C1 is pinned to E2 and C2 to E3 by the policy. C3 and C4 are
// free; whoever the proposal gives C3 appeals not to receive C3 and C4, so that both end
// with the other receiver and the final split is one of two known ones.
function workspace() {
  const employee = (id, skills, extra) => ({id, name: 'Employee ' + id, status: 'active',
    team: 'East', skills, capacity: {max_clients: 10}, ...extra});
  const client = (id, extra) => ({id, name: 'Client ' + id, owner: 'E1', revenue_12m: 10000,
    difficulty: 40, ...extra});
  return {
    format: 'baton-workspace', version: 1, company: {name: 'Demo Co'},
    employees: [employee('E1', []), employee('E2', ['region:north']),
                employee('E3', ['region:south'])],
    clients: [client('C1'), client('C2'), client('C3', {prefers: ['region:north'], notes: 'call after 10'}),
              client('C4', {prefers: ['region:north']}), {id: 'C5', name: 'Client C5', owner: 'E2'}],
    transactions: [
      {client: 'C1', date: '2026-01-15', amount: 2000},
      {client: 'C1', date: '2026-02-09', amount: 999},
      {client: 'C2', date: '2026-01-20', amount: 500},
      {client: 'C3', date: '2026-02-01', amount: 400},
      {client: 'C3', date: '2026-01-09', amount: 300},
    ],
    deals: [{id: 'D1', client: 'C3', employee: 'E1', stage: 'open', amount: 900},
            {id: 'D2', client: 'C4', employee: 'E1', stage: 'won', amount: 100}],
    relationships: [],
    policy: {version: 1, seed: 3,
             pins: [{client: 'C1', employee: 'E2', reason: 'owner request'},
                    {client: 'C2', employee: 'E3', reason: 'owner request'}]},
  };
}

test('a whole cycle through window.baton', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    const api = (name, ...args) => page.evaluate(([n, a]) => window.baton[n](...a), [name, args]);
    const imported = await api('importWorkspace', JSON.stringify(workspace()));
    assert.equal(imported.ok, true, JSON.stringify(imported.errors));
    assert.equal(await api('cycle'), null);

    const started = await api('startCycle', {date: '2026-12-01',
      leavers: [{employee: 'E1', status: 'leaving', last_day: '2027-01-31'}]});
    assert.equal(started.ok, true, started.message);
    const skipped = await api('advanceCycle', 'proposal', '2026-12-02');
    assert.equal(skipped.ok, false);
    assert.match(skipped.message, /next stage is rules_published/);
    assert.equal((await api('advanceCycle', 'rules_published', '2026-12-02')).ok, true);
    const proposed = await api('advanceCycle', 'proposal', '2026-12-03');
    assert.equal(proposed.ok, true, proposed.message);
    let cycle = await api('cycle');
    assert.equal(cycle.stage, 'proposal');
    assert.equal(cycle.window_open, true);
    assert.equal(cycle.dates.objection_end, '2026-12-17');
    assert.equal(cycle.leavers[0].last_day, '2027-01-31');
    const holder = cycle.proposal.assignments.find((a) => a.client === 'C3').employee;
    const other = holder === 'E2' ? 'E3' : 'E2';

    const statements = await api('statements', {lang: 'en', format: 'md'});
    assert.deepEqual(Object.keys(statements).sort(), ['E1', 'E2', 'E3']);
    assert.match(statements.E2, /Until 2026-12-17 inclusive you may appeal/);
    const zh = await api('statements', {lang: 'zh-CN'});
    assert.match(zh.E3, /暂定分配说明/);

    const early = await api('applyProposal');
    assert.equal(early.ok, false);
    assert.match(early.message, /objection window of cycle-1 is open until 2026-12-17/);

    const filed = await api('fileAppeal', {employee: holder, clients: ['C3', 'C4'], kind: 'forbid',
      reason: 'a relative works at both', date: '2026-12-05'});
    assert.equal(filed.ok, true, filed.message);
    assert.equal(filed.id, 'A1');
    const decided = await api('decideAppeal', 'A1', 'accept', 'a fair request', '2026-12-06');
    assert.equal(decided.ok, true, decided.message);
    const rerun = await api('rerunCycle');
    assert.equal(rerun.ok, true, rerun.message);
    assert.equal(rerun.diff.has_rerun, true);
    assert.ok(rerun.diff.moved.some((m) => m.client === 'C3'));
    for (const m of rerun.diff.moved) {
      assert.equal(m.before, holder);
      assert.equal(m.after, other);
    }
    assert.ok('total_fit' in rerun.diff.figures.before);
    assert.ok('total_fit' in rerun.diff.figures.after);
    assert.match(await api('appealNotice', 'A1', 'en'), /is accepted/);

    assert.equal((await api('advanceCycle', 'objections_closed', '2026-12-18')).ok, true);
    await api('setToday', '2027-01-10');
    const final = await api('applyProposal');
    assert.equal(final.ok, true, final.message);
    assert.equal(final.moved, 4);
    const ws = JSON.parse(await api('exportWorkspace'));
    const owner = (id) => ws.clients.find((c) => c.id === id).owner;
    assert.deepEqual(['C1', 'C2', 'C3', 'C4'].map(owner), ['E2', 'E3', other, other]);
    assert.equal(ws.deals.find((d) => d.id === 'D1').employee, other);
    assert.equal(ws.deals.find((d) => d.id === 'D2').employee, 'E1');
    assert.equal(ws.clients.find((c) => c.id === 'C3').notes, 'call after 10');

    let tasks = await api('handoverTasks', '2027-01-20');
    assert.equal(tasks.length, 4);
    const notesTask = tasks[0].tasks.find((t) => t.task === 'transfer_notes');
    assert.equal(notesTask.due, '2027-01-13');
    assert.equal(notesTask.overdue, true);
    for (const h of tasks) {
      for (const t of h.tasks) {
        const set = await api('setHandoverTask', h.client, t.task, 'done', '2027-01-10');
        assert.equal(set.ok, true, set.message);
      }
    }
    tasks = await api('handoverTasks', '2027-01-20');
    assert.equal(tasks.flatMap((h) => h.tasks).filter((t) => t.overdue).length, 0);
    const letter = await api('introductionLetter', 'C3', 'zh-CN');
    assert.ok(letter.body.includes('我是Employee ' + other), letter.body);
    assert.match(letter.mailto, /^mailto:\?subject=/);

    await api('setToday', '2027-02-09');
    const bad = await api('importOutcomes', 'client,outcome,satisfaction,revenue_since\nC1,maybe,5,1000\n');
    assert.equal(bad.ok, false);
    assert.equal(bad.errors[0].line, 2);
    assert.equal(bad.errors[0].column, 2);
    const good = await api('importOutcomes',
      'client,outcome,satisfaction,revenue_since\nC1,retained,5,1000\nC2,lost,2,0\nC3,retained,4,600\n');
    assert.equal(good.ok, true, JSON.stringify(good.errors));

    // By hand, with the final on 2027-01-10 and the outcomes on 2027-02-09 (30 days): the
    // year before is 2026-01-10 to 2026-02-08. C1 had 2000 (the 999 of 2026-02-09 is
    // outside), C2 500, C3 400 (the 300 of 2026-01-09 is outside). C1 (retained, 5, 1000)
    // is E2's, C2 (lost, 2, 0) is E3's, and C3 (retained, 4, 600) and C4 (no outcome) are
    // with `other`.
    const expected = other === 'E3'
      ? {E2: {clients: 1, recorded: 1, retained: 1, lost: 0, retention_rate: 1, revenue_since: 1000,
              revenue_year_before: 2000, revenue_kept: 0.5, satisfaction: 5},
         E3: {clients: 3, recorded: 2, retained: 1, lost: 1, retention_rate: 0.5, revenue_since: 600,
              revenue_year_before: 900, revenue_kept: 600 / 900, satisfaction: 3}}
      : {E2: {clients: 3, recorded: 2, retained: 2, lost: 0, retention_rate: 1, revenue_since: 1600,
              revenue_year_before: 2400, revenue_kept: 1600 / 2400, satisfaction: 4.5},
         E3: {clients: 1, recorded: 1, retained: 0, lost: 1, retention_rate: 0, revenue_since: 0,
              revenue_year_before: 500, revenue_kept: 0, satisfaction: 2}};
    const board = await api('dashboard');
    assert.deepEqual(board.employees.map((e) => e.employee), ['E2', 'E3']);
    for (const figures of board.employees) {
      for (const [key, value] of Object.entries(expected[figures.employee])) {
        assert.ok(Math.abs(figures[key] - value) < 1e-12, `${figures.employee}.${key}: ${figures[key]} != ${value}`);
      }
    }
    assert.deepEqual([board.total.clients, board.total.recorded, board.total.retained], [4, 3, 2]);
    assert.ok(Math.abs(board.total.retention_rate - 2 / 3) < 1e-12);
    assert.equal(board.total.revenue_since, 1600);
    assert.equal(board.total.revenue_year_before, 2900);
    assert.ok(Math.abs(board.total.revenue_kept - 1600 / 2900) < 1e-12);
    assert.ok(Math.abs(board.total.satisfaction - 11 / 3) < 1e-12);

    const unpinned = workspace().policy;
    unpinned.pins = [];
    const review = await api('policyReview', unpinned);
    assert.equal(review.ok, true, review.error);
    assert.equal(review.clients, 4);
    assert.equal(review.same_employee + review.changes.length, 4);
    const report = await api('cycleReport', {lang: 'zh-CN', format: 'html'});
    assert.match(report, /<html lang="zh-CN">/);
    assert.match(report, /申诉与决定/);
    cycle = await api('cycle');
    assert.equal(cycle.stage, 'final');
    assert.equal(cycle.final_source, 'rerun');
  } finally {
    await browser.close();
  }
});
