// The cycle in headless Chromium with Chinese user text and reloads. Appeal and decision
// reasons and workspace names with rare characters get their glyphs in the font atlas, as the
// missingGlyphs() test hook reports before and after a reload. A cycle step starts a save
// within 100 ms, without the debounce of ordinary edits. The Follow-up tab records
// satisfaction and revenue since the final.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  callApi, clickWidget, launch, openPage, serveDist, shots, waitFrames,
} from './harness.mjs';

const server = serveDist();

const appealReason = '我和这家客户合作了叁年，熟悉他们的采购流程';
const decisionReason = '延续性更重要，驳回';
const workspaceName = '鑫淼焱垚工作区';

// Reloads the page and waits until the app is ready again.
async function reload(page) {
  await page.reload();
  await page.waitForFunction(() => window.baton !== undefined, null, { timeout: 60000 });
  await page.evaluate(() => window.baton.ready);
  await waitFrames(page, 5);
}

async function missingGlyphs(page, text) {
  return page.evaluate((t) => window.baton.missingGlyphs(t), text);
}

// Starts a cycle on the demo with E03 departed and advances it to the proposal.
async function toProposal(page) {
  await callApi(page, 'setToday', '2027-01-04');
  const start = await callApi(page, 'startCycle', { leavers: [{ employee: 'E03', status: 'departed' }] });
  assert.equal(start.ok, true, JSON.stringify(start));
  assert.equal((await callApi(page, 'advanceCycle', 'rules_published')).ok, true);
  const proposal = await callApi(page, 'advanceCycle', 'proposal');
  assert.equal(proposal.ok, true, JSON.stringify(proposal));
  return callApi(page, 'cycle');
}

test('chinese appeal reasons have glyphs', async () => {
  const browser = await launch({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    // The hook must see the rare characters as missing before any data contains them, or the
    // checks below could not fail.
    assert.match(await missingGlyphs(page, appealReason), /叁/);
    assert.match(await missingGlyphs(page, workspaceName), /淼/);

    const cycle = await toProposal(page);
    const placed = cycle.proposal.assignments[0];
    const filed = await callApi(page, 'fileAppeal', {
      employee: placed.employee, clients: [placed.client], kind: 'forbid', reason: appealReason,
    });
    assert.equal(filed.ok, true, JSON.stringify(filed));
    const decided = await callApi(page, 'decideAppeal', 'A1', 'reject', decisionReason);
    assert.equal(decided.ok, true, JSON.stringify(decided));
    const id = await callApi(page, 'createWorkspace', workspaceName);
    assert.ok(id, 'createWorkspace returned no id');
    await clickWidget(page, 'tab.workspaces');
    await waitFrames(page, 8);
    assert.equal(await missingGlyphs(page, workspaceName), '');
    await clickWidget(page, 'tab.cycle');
    await clickWidget(page, 'tab.cycle.appeals');
    await waitFrames(page, 5);
    assert.equal(await missingGlyphs(page, appealReason), '');
    assert.equal(await missingGlyphs(page, decisionReason), '');
    await page.screenshot({ path: join(shots, 'cycle-zh-appeals.png') });

    await callApi(page, 'whenSaved');
    await reload(page);
    assert.equal((await callApi(page, 'cycle')).appeals[0].reason, appealReason);
    assert.equal(await missingGlyphs(page, appealReason), '');
    assert.equal(await missingGlyphs(page, decisionReason), '');
    await clickWidget(page, 'tab.cycle');
    await clickWidget(page, 'tab.cycle.appeals');
    await waitFrames(page, 5);
    await page.screenshot({ path: join(shots, 'cycle-zh-appeals-reloaded.png') });
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('step starts a save at once', async () => {
  const browser = await launch();
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    await callApi(page, 'setToday', '2027-01-04');
    await callApi(page, 'whenSaved');
    // Ordinary edits wait 0.4 s before they are saved; a cycle step must not wait.
    const states = await page.evaluate(async () => {
      const seen = [];
      const start = performance.now();
      const result = await window.baton.startCycle({ leavers: [{ employee: 'E03', status: 'departed' }] });
      if (!result.ok) return [JSON.stringify(result)];
      while (performance.now() - start < 100) {
        await new Promise((done) => requestAnimationFrame(done));
        seen.push((await window.baton.storageStatus()).saved);
      }
      return seen;
    });
    assert.ok(states.some((s) => s === 'saving' || s === 'saved'),
              `no save started within 100 ms: ${states.join(', ')}`);
    await callApi(page, 'whenSaved');
    await reload(page);
    const cycle = await callApi(page, 'cycle');
    assert.ok(cycle, 'the cycle was lost in the reload');
    assert.equal(cycle.stage, 'departure');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

// Clicks a text field, clears it and types `text`.
async function typeInto(page, widget, text) {
  await clickWidget(page, widget);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  if (text) await page.keyboard.type(text);
  await waitFrames(page, 3);
}

test('follow-up details by mouse', async () => {
  const browser = await launch({ viewport: { width: 1400, height: 900 } });
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    await toProposal(page);
    assert.equal((await callApi(page, 'advanceCycle', 'objections_closed', '2027-01-19')).ok, true);
    // The final records something done, so it may not be dated after today.
    await callApi(page, 'setToday', '2027-01-20');
    const final = await callApi(page, 'advanceCycle', 'final', '2027-01-20');
    assert.equal(final.ok, true, JSON.stringify(final));
    await callApi(page, 'setToday', '2027-02-20');
    const client = (await callApi(page, 'cycle')).moves[0].client;
    const outcomeOf = async () =>
      (await callApi(page, 'cycle')).outcomes.find((o) => o.client === client);

    await clickWidget(page, 'tab.cycle');
    await clickWidget(page, 'tab.cycle.followup');
    await clickWidget(page, `followup.retained.${client}`);
    await waitFrames(page, 3);
    assert.equal((await outcomeOf()).outcome, 'retained');
    await clickWidget(page, 'followup.details_client');
    await clickWidget(page, `followup.details_client.${client}`);
    await typeInto(page, 'followup.satisfaction', '4');
    await typeInto(page, 'followup.revenue', '1200');
    await clickWidget(page, 'followup.save_details');
    await waitFrames(page, 3);
    let outcome = await outcomeOf();
    assert.equal(outcome.outcome, 'retained');
    assert.equal(outcome.satisfaction, 4);
    assert.equal(outcome.revenue_since, 1200);
    await page.screenshot({ path: join(shots, 'followup-details.png') });

    // Rejected input leaves the outcome as it was and shows a message.
    for (const [field, text] of [['followup.satisfaction', 'abc'], ['followup.satisfaction', '9']]) {
      await typeInto(page, field, text);
      await clickWidget(page, 'followup.save_details');
      await waitFrames(page, 3);
      outcome = await outcomeOf();
      assert.equal(outcome.satisfaction, 4, `after ${text}`);
      assert.ok(await page.evaluate(() => window.baton.widgetRect('followup.message')));
    }
    await page.screenshot({ path: join(shots, 'followup-details-rejected.png') });

    await typeInto(page, 'followup.satisfaction', '');
    await clickWidget(page, 'followup.save_details');
    await waitFrames(page, 3);
    assert.equal((await outcomeOf()).satisfaction, null);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
