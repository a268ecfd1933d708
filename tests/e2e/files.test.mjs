// Files by mouse: Open file… imports a workspace through the browser's file picker and the
// Review import window (a bad file is rejected and changes nothing, and Cancel keeps the
// open workspace), and Export JSON downloads the open workspace.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  clickReviewButton, clickWidget, launch, openPage, serveDist, summary, waitFrames,
} from './harness.mjs';

const server = serveDist();

async function chooseFile(page, name, text) {
  const chooser = page.waitForEvent('filechooser', { timeout: 10000 });
  await clickWidget(page, 'open');
  const fileChooser = await chooser;
  await fileChooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await waitFrames(page, 10);
}

test('open file imports a workspace and rejects a bad one', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    const before = await page.evaluate(() => window.baton.exportWorkspace());
    await chooseFile(page, 'broken.json', '{"format": "baton-workspace", "version": 1, ');
    await clickWidget(page, 'import_review.close');
    assert.equal(await page.evaluate(() => window.baton.exportWorkspace()), before);

    const workspace = JSON.parse(before);
    workspace.company.name = 'Imported by file picker';
    await chooseFile(page, 'renamed.json', JSON.stringify(workspace));
    await clickReviewButton(page, 'import_review.apply');
    let company;
    for (let i = 0; i < 50; ++i) {
      company = JSON.parse(await page.evaluate(() => window.baton.exportWorkspace())).company.name;
      if (company === 'Imported by file picker') break;
      await page.waitForTimeout(100);
    }
    assert.equal(company, 'Imported by file picker');
    assert.equal((await summary(page)).clients, workspace.clients.length);
  } finally {
    await browser.close();
  }
});

test('cancelling the review keeps the workspace', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    const before = await page.evaluate(() => window.baton.exportWorkspace());
    const workspace = JSON.parse(before);
    workspace.company.name = 'Should not replace';
    page.batonDialogs = 0;
    await chooseFile(page, 'other.json', JSON.stringify(workspace));
    await clickWidget(page, 'import_review.cancel');
    await page.waitForTimeout(500);
    assert.equal(page.batonDialogs, 0, 'no browser dialog is shown');
    assert.equal(await page.evaluate(() => window.baton.exportWorkspace()), before);
  } finally {
    await browser.close();
  }
});

test('export downloads the workspace JSON', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    const download = page.waitForEvent('download', { timeout: 10000 });
    await clickWidget(page, 'export');
    const file = await download;
    assert.equal(file.suggestedFilename(), 'baton-workspace.json');
    const text = readFileSync(await file.path(), 'utf8');
    assert.equal(text, await page.evaluate(() => window.baton.exportWorkspace()));
  } finally {
    await browser.close();
  }
});
