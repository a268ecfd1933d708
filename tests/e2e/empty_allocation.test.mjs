// A result that places no client is not shown as a success. With no employee able to
// receive, the import warns, and the Allocation panel shows a banner and grey badges
// instead of passing certificates. Apply is disabled, and applyProposal() rejects the
// proposal with the reason. The page's verify() rejects a made-up explanation code and
// names what it leaves out.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  clickWidget, exportedWorkspace, launch, openPage, serveDist, shots, waitForSummary,
  waitForWidget, waitFrames,
} from './harness.mjs';

const server = serveDist();

async function widgetRect(page, name) {
  return page.evaluate((n) => window.baton.widgetRect(n), name);
}

function owners(workspace) {
  return Object.fromEntries(workspace.clients.map((c) => [c.id, c.owner]));
}

// Imports the demo workspace after `edit` changed it; returns the import's reply.
async function importEdited(page, edit) {
  const workspace = await exportedWorkspace(page);
  edit(workspace);
  const text = JSON.stringify(workspace);
  const reply = await page.evaluate((t) => window.baton.importWorkspace(t), text);
  assert.equal(reply.ok, true, JSON.stringify(reply.errors));
  await waitFrames(page, 3);
  return reply;
}

test('no receiver: warning, banner and Apply off', async () => {
  const browser = await launch();
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    const reply = await importEdited(page, (workspace) => {
      for (const e of workspace.employees) {
        e.status = 'leaving';
        e.last_day = '2026-12-31';
      }
    });
    const warning = reply.warnings.find((w) => w.path === '/employees');
    assert.ok(warning, JSON.stringify(reply.warnings));
    assert.match(warning.message,
      /^no active employee can receive clients \(employees: \d+ leaving/);
    assert.match(warning.message, /set at least one employee's status to "active"$/);

    const released = (await page.evaluate(() => window.baton.summary())).released;
    assert.ok(released > 0, `released: ${released}`);
    await clickWidget(page, 'allocate');
    await waitForSummary(page, (s) => s.unassigned === released && s.assigned === 0);
    await waitForWidget(page, 'allocation.nothing_placed');
    await waitForWidget(page, 'certificates.not_applicable');
    const off = await waitForWidget(page, 'apply.off');
    // The disabled button's tooltip gives the reason; the screenshot shows it by the banner.
    await page.mouse.move(off.x + off.width / 2, off.y + off.height / 2);
    await waitFrames(page, 10);
    await page.screenshot({ path: join(shots, 'nothing-placed.png') });

    const before = owners(await exportedWorkspace(page));
    await clickWidget(page, 'apply');
    assert.deepEqual(owners(await exportedWorkspace(page)), before);
    const applied = await page.evaluate(() => window.baton.applyProposal());
    assert.equal(applied.ok, false);
    assert.equal(applied.moved, 0);
    assert.equal(applied.message,
      'The proposal changes no owner, so nothing was applied: no active employee can receive ' +
      `clients, so none of the ${released} released clients was placed. Set at least one ` +
      "employee's status to active, then allocate again.");
    assert.deepEqual(owners(await exportedWorkspace(page)), before);

    // The banner and the grey badges in Chinese, for a look at the screenshot.
    await page.evaluate(() => window.baton.setLocale('zh-CN'));
    await waitFrames(page, 5);
    await waitForWidget(page, 'allocation.nothing_placed');
    await page.screenshot({ path: join(shots, 'nothing-placed-zh.png') });
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('no client placeable: banner and Apply off', async () => {
  const browser = await launch();
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    await importEdited(page, (workspace) => {
      for (const c of workspace.clients) c.needs = ['lang:xx'];
    });
    const result = JSON.parse(await page.evaluate(() => window.baton.allocate({ seed: 3 })));
    assert.equal(result.assignments.length, 0);
    assert.ok(result.unassigned.length > 0);
    assert.ok(result.employees.length > 0, 'active employees could receive');
    await waitForWidget(page, 'allocation.nothing_placed');
    await waitForWidget(page, 'apply.off');
    await page.screenshot({ path: join(shots, 'nothing-placeable.png') });
    const applied = await page.evaluate(() => window.baton.applyProposal());
    assert.equal(applied.ok, false);
    assert.equal(applied.message,
      'The proposal changes no owner, so nothing was applied: none of the ' +
      `${result.unassigned.length} released clients could be placed. The unassigned list ` +
      "gives each client's reason.");
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('a placing result keeps Apply and rejects a made-up code', async () => {
  const browser = await launch();
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    const text = await page.evaluate(() => window.baton.allocate({ seed: 3 }));
    await waitForWidget(page, 'certificate.wprop1_value');
    await waitFrames(page, 4);
    assert.equal(await widgetRect(page, 'allocation.nothing_placed'), null);
    assert.equal(await widgetRect(page, 'certificates.not_applicable'), null);
    assert.equal(await widgetRect(page, 'apply.off'), null);

    const clean = await page.evaluate((t) => window.baton.verify(t), text);
    assert.equal(clean.ok, true, JSON.stringify(clean.breaches));
    assert.equal(clean.unchecked,
      'its free-text "reasons", "detail" and "notes" sentences and each witness\'s ' +
      '"constraint" are not checked, nor are the baselines\' figures beyond their ranges; ' +
      'baton allocate with the same seed reproduces them');
    const result = JSON.parse(text);
    result.assignments[0].won_because = 'bribery';
    result.assignments[0].reasons = ['because I said so'];
    const bribed = await page.evaluate((t) => window.baton.verify(t), JSON.stringify(result));
    assert.equal(bribed.ok, false);
    const first = result.assignments[0];
    assert.deepEqual(bribed.breaches, [
      `${first.client} → ${first.employee}: /assignments/0/won_because "bribery" is not a ` +
      'won_because code; use one of best_fit, only_eligible, pinned, continuity, ' +
      'fairness_balance']);

    const applied = await page.evaluate(() => window.baton.applyProposal());
    assert.equal(applied.ok, true, applied.message);
    assert.ok(applied.moved > 0);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
