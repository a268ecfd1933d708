// A small workspace with long employee and client names, in English and Chinese, and the
// steps that take its cycle to the proposal (with an open appeal) or to the final. The
// cycle's end-to-end tests start from it.
import assert from 'node:assert/strict';

// E1 leaves with C1-C4; E2 and E3 receive them. No client has a transaction, so the
// follow-up has no revenue of the year before to compare with.
export function longNamesWorkspace() {
  const employee = (id, name, extra) => ({id, name, status: 'active', team: 'East',
    capacity: {max_clients: 10}, ...extra});
  const client = (id, name) => ({id, name, owner: 'E1', revenue_12m: 10000, difficulty: 40});
  return {
    format: 'baton-workspace', version: 1, company: {name: 'Demo Co'},
    employees: [employee('E1', 'Annika Holmberg-Lindqvist'),
                employee('E2', 'Oluwaseun Adeyemi-Brandt'),
                employee('E3', '欧阳思远（上海分公司）')],
    clients: [client('C1', 'Nordhavn Shipping & Logistics AB'),
              client('C2', 'Kessler Feinmechanik GmbH & Co. KG'),
              client('C3', '上海恒远国际贸易有限公司'),
              client('C4', 'Blackwood Family Office Trust')],
    transactions: [], deals: [], relationships: [],
    policy: {version: 1, seed: 3},
  };
}

export function api(page, name, ...args) {
  return page.evaluate(([n, a]) => window.baton[n](...a), [name, args]);
}

// Imports the workspace and takes its cycle to the proposal, where the receiver of C3 files
// an appeal not to receive C3 and C4. Returns the cycle.
export async function toProposalWithAppeal(page) {
  const imported = await api(page, 'importWorkspace', JSON.stringify(longNamesWorkspace()));
  assert.equal(imported.ok, true, JSON.stringify(imported.errors));
  const started = await api(page, 'startCycle', {date: '2026-12-01',
    leavers: [{employee: 'E1', status: 'leaving', last_day: '2027-01-31'}]});
  assert.equal(started.ok, true, started.message);
  assert.equal((await api(page, 'advanceCycle', 'rules_published', '2026-12-02')).ok, true);
  const proposed = await api(page, 'advanceCycle', 'proposal', '2026-12-03');
  assert.equal(proposed.ok, true, proposed.message);
  let cycle = await api(page, 'cycle');
  const holder = cycle.proposal.assignments.find((a) => a.client === 'C3').employee;
  const filed = await api(page, 'fileAppeal', {employee: holder, clients: ['C3', 'C4'],
    kind: 'forbid', reason: 'a relative works at both', date: '2026-12-05'});
  assert.equal(filed.ok, true, filed.message);
  cycle = await api(page, 'cycle');
  return cycle;
}

// Decides the open appeal, closes the window and makes the final on 2026-12-18.
export async function toFinal(page) {
  const decided = await api(page, 'decideAppeal', 'A1', 'reject', 'the relative left', '2026-12-06');
  assert.equal(decided.ok, true, decided.message);
  await api(page, 'setToday', '2026-12-18');
  assert.equal((await api(page, 'advanceCycle', 'objections_closed', '2026-12-18')).ok, true);
  const final = await api(page, 'advanceCycle', 'final', '2026-12-18');
  assert.equal(final.ok, true, final.message);
  return api(page, 'cycle');
}
