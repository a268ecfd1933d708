// Acceptance on the Maven CRM export, when ../shared/data/maven-crm exists. Its three
// tables, picked together in the page's file picker, become one workspace through
// importFiles: 35 employees from sales_teams.csv, 85 clients from accounts.csv, won deals
// as transactions and owners derived from them. The agent with the most open deals is
// then marked departed, and Allocate and Apply are clicked on the canvas.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  callApi as call, clickWidget, launch, openPage, root, serveDist, shots, waitForSummary,
} from './harness.mjs';

// BATON_DATA names the data folder when the checkout is not next to it.
const data = process.env.BATON_DATA || join(root, '..', 'shared', 'data');
const crm = join(data, 'maven-crm');
const tables = ['sales_teams.csv', 'accounts.csv', 'sales_pipeline.csv'];

const server = serveDist();

// The sales agent with the most open deals (Engaging or Prospecting), ties by name.
function agentWithMostOpenDeals() {
  const lines = readFileSync(join(crm, 'sales_pipeline.csv'), 'utf8').trim().split(/\r?\n/);
  const header = lines[0].split(',');
  const agent = header.indexOf('sales_agent');
  const stage = header.indexOf('deal_stage');
  const open = new Map();
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    if (cells[stage] !== 'Engaging' && cells[stage] !== 'Prospecting') continue;
    open.set(cells[agent], (open.get(cells[agent]) || 0) + 1);
  }
  return [...open.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
}

test('maven CRM tables import together and allocate', async (t) => {
  if (!existsSync(crm)) {
    t.skip(`${crm} is missing: the acceptance data is not on this machine`);
    return;
  }
  const browser = await launch();
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      clickWidget(page, 'open'),
    ]);
    assert.equal(chooser.isMultiple(), true);
    await chooser.setFiles(tables.map((name) => join(crm, name)));
    // Four tables take a few seconds to read before the review window shows them.
    await clickWidget(page, 'import_review.apply', 1000);
    const imported = await waitForSummary(page, (s) => s.employees === 35 && s.clients === 85,
      60000);
    assert.equal(imported.employees, 35);
    assert.equal(imported.clients, 85);

    const workspace = JSON.parse(await call(page, 'exportWorkspace'));
    const pipeline = readFileSync(join(crm, 'sales_pipeline.csv'), 'utf8');
    const won = pipeline.split(/\r?\n/).filter((line) => line.includes(',Won,')).length;
    assert.ok(workspace.transactions.length > 0, 'won deals became transactions');
    assert.ok(workspace.transactions.length <= won, `${workspace.transactions.length} > ${won}`);
    assert.ok(workspace.deals.every((d) => d.stage !== 'won'), 'won deals are not kept as deals');
    const owned = workspace.clients.filter((c) => c.owner).length;
    assert.ok(owned > 80, `owners derived for ${owned} of 85 clients`);

    const [agent, openDeals] = agentWithMostOpenDeals();
    const leaver = workspace.employees.find((e) => e.name === agent);
    assert.ok(leaver, `${agent} is an employee`);
    assert.ok(openDeals > 0);
    leaver.status = 'departed';
    leaver.last_day = '2026-11-30';
    assert.equal((await call(page, 'importWorkspace', JSON.stringify(workspace))).ok, true);
    const marked = await call(page, 'summary');
    assert.ok(marked.released > 0, 'the leaver has clients to hand over');

    await clickWidget(page, 'tab.allocation').catch(() => {});
    await clickWidget(page, 'allocate');
    const allocated = await waitForSummary(page, (s) => s.assigned > 0, 60000);
    assert.equal(allocated.assigned + allocated.unassigned, marked.released);
    const result = await call(page, 'allocate');
    const check = await call(page, 'verify', result);
    assert.equal(check.ok, true, JSON.stringify(check.breaches));
    await clickWidget(page, 'apply');
    const after = JSON.parse(await call(page, 'exportWorkspace'));
    const stillLeaver = after.clients.filter((c) => c.owner === leaver.id).length;
    assert.ok(stillLeaver <= allocated.unassigned, `${stillLeaver} clients kept by the leaver`);
    await page.screenshot({ path: join(shots, 'safety-crm.png') });
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
