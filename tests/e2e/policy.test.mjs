// The Policy and Scores tabs in headless Chromium: a weight moved by mouse and applied
// becomes the workspace's policy with a higher version, Export rules downloads the rules
// document, and a clicked row's score breakdown shows in the Scores tab.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  clickWidget, dragSlider, launch, openPage, serveDist, shots, waitFrames,
} from './harness.mjs';

const server = serveDist();

async function workspace(page) {
  return JSON.parse(await page.evaluate(() => window.baton.exportWorkspace()));
}

test('applied weight drag raises policy version', async () => {
  const browser = await launch();
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    const before = (await workspace(page)).policy;
    await clickWidget(page, 'tab.policy');
    await dragSlider(page, 'policy.value.monetary', 0.05);
    await page.screenshot({ path: join(shots, 'policy-draft.png') });
    // The draft is not the policy in force until it is applied.
    assert.deepEqual((await workspace(page)).policy, before);

    await clickWidget(page, 'policy.apply');
    const after = (await workspace(page)).policy;
    assert.equal(after.version, before.version + 1);
    const weight = after.value.weights.monetary;
    assert.ok(weight < 0.15, `monetary weight after the drag: ${weight}`);
    assert.equal(after.value.weights.frequency, before.value.weights.frequency);
    await page.screenshot({ path: join(shots, 'policy-applied.png') });
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('export rules downloads Markdown rules', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    const version = (await workspace(page)).policy.version;
    await clickWidget(page, 'tab.policy');
    const download = page.waitForEvent('download', { timeout: 10000 });
    await clickWidget(page, 'policy.export_rules');
    const file = await download;
    assert.equal(file.suggestedFilename(), `baton-rules-v${version}-en.md`);
    const text = readFileSync(await file.path(), 'utf8');
    assert.match(text, /^# /);
  } finally {
    await browser.close();
  }
});

test('clicked rows show in Scores tab', async () => {
  const browser = await launch();
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    const before = await workspace(page);
    const first = before.employees.map((e) => e.id).sort()[0];
    await clickWidget(page, 'tab.employees');
    await clickWidget(page, `employee_row.${first}`);
    await clickWidget(page, 'tab.scores');
    // Selecting a row changes no data.
    assert.deepEqual(await workspace(page), before);
    await page.screenshot({ path: join(shots, 'scores-employee.png') });
    await clickWidget(page, 'tab.clients');
    const client = (await workspace(page)).clients.map((c) => c.id).sort()[0];
    await clickWidget(page, `client_row.${client}`);
    await clickWidget(page, 'tab.scores');
    await page.screenshot({ path: join(shots, 'scores-client.png') });
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
