// Languages, fonts, themes, help and the guided tour in headless Chromium, checked on the
// screenshots' pixels. The checks cover English and Chinese at device pixel ratios 1 and 2,
// the rare name characters 圳 杭 鑫 婷 磊 鹏 翔 against the missing-glyph rendering, clicks
// at ratios 1, 1.5 and 2, and the preferences kept across a reload.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { clickWidget, launch, openPage, serveDist, shots, waitFrames } from './harness.mjs';
import { decodePng, differingPixels, dominantColour, inkPixels } from './png.mjs';

const rareCharacters = ['圳', '杭', '鑫', '婷', '磊', '鹏', '翔'];

const server = serveDist();

async function rect(page, name) {
  return page.evaluate((n) => window.baton.widgetRect(n), name);
}

// Waits until the widget `name` is drawn (or, with `present` false, no longer drawn).
async function waitForWidget(page, name, present = true) {
  for (let attempt = 0; attempt < 100; ++attempt) {
    const found = await rect(page, name);
    if (Boolean(found) === present) return found;
    await waitFrames(page, 2);
  }
  throw new Error(`widget ${name} was ${present ? 'never drawn' : 'still drawn'}`);
}

// Takes a screenshot of `area` (CSS pixels), stores it under `file` and decodes it.
async function capture(page, area, file) {
  const clip = {
    x: Math.max(0, Math.floor(area.x)), y: Math.max(0, Math.floor(area.y)),
    width: Math.ceil(area.width), height: Math.ceil(area.height),
  };
  const png = await page.screenshot({ clip });
  writeFileSync(join(shots, file), png);
  return decodePng(png);
}

// The toolbar left of its first button: the title, the subtitle and the company name.
async function companyArea(page) {
  let right = Infinity;
  let bottom = 0;
  for (const name of ['undo', 'open', 'locale.en', 'view']) {
    const found = await rect(page, name);
    if (found) {
      right = Math.min(right, found.x);
      bottom = Math.max(bottom, found.y + found.height);
    }
  }
  assert.ok(Number.isFinite(right), 'no toolbar button was drawn');
  return { x: 0, y: 0, width: right - 4, height: bottom + 2 };
}

// Replaces the open workspace with a copy of it whose company is `company`.
async function importWithCompany(page, company, edit = () => {}) {
  const workspace = JSON.parse(await page.evaluate(() => window.baton.exportWorkspace()));
  workspace.company.name = company;
  edit(workspace);
  const reply = await page.evaluate((text) => window.baton.importWorkspace(text),
                                    JSON.stringify(workspace));
  assert.equal(reply.ok, true, JSON.stringify(reply.errors));
  await waitFrames(page, 8);
}

async function setChinese(page) {
  await clickWidget(page, 'locale.zh-CN');
  await waitFrames(page, 5);
}

test('languages render at device pixel ratios 1 and 2', async () => {
  const inkByRatio = {};
  for (const ratio of [1, 2]) {
    const browser = await launch({ deviceScaleFactor: ratio });
    try {
      const { page, problems } = await openPage(browser.context, server.url);
      const english = await rect(page, 'tab.employees');
      const tabs = { x: english.x, y: english.y, width: 360, height: english.height };
      const full = decodePng(await page.screenshot({ path: join(shots, `locale-en-${ratio}x.png`) }));
      assert.equal(full.width, 1280 * ratio, 'the screenshot has device pixels');
      const englishTabs = await capture(page, tabs, `locale-en-tabs-${ratio}x.png`);

      await setChinese(page);
      const chinese = await rect(page, 'tab.employees');
      await page.screenshot({ path: join(shots, `locale-zh-${ratio}x.png`) });
      const chineseTabs = await capture(page, tabs, `locale-zh-tabs-${ratio}x.png`);
      const chineseTab = await capture(page, chinese, `locale-zh-tab-${ratio}x.png`);

      assert.notEqual(chinese.width, english.width, 'the tab label changed its width');
      assert.ok(chinese.width < english.width, `员工 ${chinese.width} vs Employees ${english.width}`);
      const changed = differingPixels(englishTabs, chineseTabs);
      assert.ok(changed > 80 * ratio * ratio, `only ${changed} pixels changed with the language`);
      const ink = inkPixels(chineseTab);
      assert.ok(ink > 20 * ratio * ratio, `the Chinese tab label has ${ink} ink pixels`);
      inkByRatio[ratio] = ink;
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  }
  // Text at twice the scale covers about four times the device pixels.
  const growth = inkByRatio[2] / inkByRatio[1];
  assert.ok(growth > 2.5, `ink grew only ${growth.toFixed(2)}x from 1x to 2x`);
  assert.ok(growth < 6, `ink grew ${growth.toFixed(2)}x from 1x to 2x`);
});

test('rare name characters are not missing glyphs', async () => {
  for (const ratio of [1, 2]) {
    const browser = await launch({ deviceScaleFactor: ratio });
    try {
      const { page, problems } = await openPage(browser.context, server.url);
      const area = await companyArea(page);
      // ImGui draws a character the atlas lacks as '?'. Thai is in neither font.
      await importWithCompany(page, '???');
      const questionMarks = await capture(page, area, `glyph-question-${ratio}x.png`);
      await importWithCompany(page, 'กขค');
      const missing = await capture(page, area, `glyph-missing-${ratio}x.png`);
      assert.ok(differingPixels(questionMarks, missing) < 5 * ratio * ratio,
                'a missing glyph renders as the question mark');

      const images = [];
      for (const [index, character] of rareCharacters.entries()) {
        await importWithCompany(page, character.repeat(3), (workspace) => {
          workspace.employees[0].name = `王${character}`;
          workspace.clients[0].name = `深${character}科技`;
        });
        const image = await capture(page, area, `glyph-${index}-${ratio}x.png`);
        const changed = differingPixels(image, missing);
        assert.ok(changed > 40 * ratio * ratio,
                  `${character} at ${ratio}x differs from a missing glyph in ${changed} pixels`);
        images.push(image);
      }
      for (let i = 0; i < images.length; ++i) {
        for (let j = i + 1; j < images.length; ++j) {
          assert.ok(differingPixels(images[i], images[j]) > 20 * ratio * ratio,
                    `${rareCharacters[i]} and ${rareCharacters[j]} render alike`);
        }
      }
      await page.screenshot({ path: join(shots, `glyph-rare-${ratio}x.png`) });
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  }
});

test('language follows the browser until chosen', async () => {
  const browser = await launch({ locale: 'zh-CN' });
  try {
    let { page } = await openPage(browser.context, server.url);
    const fromBrowser = await rect(page, 'tab.employees');
    await clickWidget(page, 'locale.en');
    await waitFrames(page, 5);
    const chosen = await rect(page, 'tab.employees');
    assert.ok(fromBrowser.width < chosen.width, 'zh-CN came from navigator.language');

    await page.reload();
    ({ page } = await openPage(browser.context, server.url));
    const reloaded = await rect(page, 'tab.employees');
    assert.equal(reloaded.width, chosen.width, 'the chosen English outlives a reload');
  } finally {
    await browser.close();
  }

  const english = await launch({ locale: 'en-US' });
  try {
    const { page } = await openPage(english.context, server.url);
    const tab = await rect(page, 'tab.employees');
    await setChinese(page);
    assert.ok((await rect(page, 'tab.employees')).width < tab.width, 'en-US starts in English');
  } finally {
    await english.close();
  }
});

test('clicks land at ratios 1, 1.5 and 2', async () => {
  for (const ratio of [1, 1.5, 2]) {
    const browser = await launch({ deviceScaleFactor: ratio });
    try {
      const { page, problems } = await openPage(browser.context, server.url);
      await clickWidget(page, 'view');
      await waitForWidget(page, 'theme.dark');
      await clickWidget(page, 'theme.dark');
      await page.keyboard.press('Escape');
      await waitForWidget(page, 'theme.dark', false);
      const body = { x: 0, y: 60, width: 1280, height: 600 };
      const dark = dominantColour(await capture(page, body, `theme-dark-${ratio}x.png`));
      assert.ok(dark.r + dark.g + dark.b < 200, `dark theme background ${JSON.stringify(dark)}`);

      await clickWidget(page, 'help');
      await waitForWidget(page, 'help.window');
      await clickWidget(page, 'help.close');
      await waitForWidget(page, 'help.window', false);

      await page.reload();
      const reloaded = await openPage(browser.context, server.url);
      const kept = dominantColour(await capture(reloaded.page, body, `theme-kept-${ratio}x.png`));
      assert.deepEqual(kept, dark, 'the theme outlives a reload');
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  }
});

test('high contrast theme is black and white', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);
    await clickWidget(page, 'view');
    await waitForWidget(page, 'theme.high_contrast');
    await clickWidget(page, 'theme.high_contrast');
    await page.keyboard.press('Escape');
    await waitFrames(page, 5);
    const image = await capture(page, { x: 0, y: 60, width: 1280, height: 600 }, 'theme-hc.png');
    assert.deepEqual(dominantColour(image), { r: 0, g: 0, b: 0 });
    await clickWidget(page, 'view');
    await clickWidget(page, 'theme.light');
    await page.keyboard.press('Escape');
    await waitFrames(page, 5);
    const light = dominantColour(await capture(page, { x: 0, y: 60, width: 1280, height: 600 },
                                               'theme-light.png'));
    assert.ok(light.r + light.g + light.b > 600, `light background ${JSON.stringify(light)}`);
  } finally {
    await browser.close();
  }
});

test('font size grows and stops at the atlas limit', async () => {
  const browser = await launch({ deviceScaleFactor: 2 });
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    const before = await rect(page, 'tab.employees');
    await clickWidget(page, 'view');
    await waitForWidget(page, 'font.larger');
    await clickWidget(page, 'font.larger');
    await waitFrames(page, 5);
    const larger = await rect(page, 'tab.employees');
    assert.ok(larger.height > before.height, `tab height ${before.height} -> ${larger.height}`);
    assert.equal(await rect(page, 'font.capped'), null, 'the demo fits at 110%');

    // About 7,000 distinct ideographs (the CJK block from U+4E00 is all in GBK) fill the
    // atlas at 2x, so the larger sizes no longer fit.
    await importWithCompany(page, '深圳', (workspace) => {
      let code = 0x4e00;
      for (const client of workspace.clients.slice(0, 100)) {
        let name = '';
        for (let k = 0; k < 70; ++k) name += String.fromCodePoint(code++);
        client.name = name;
      }
    });
    // The menu is still open from the first click: close it, then open it again.
    await page.keyboard.press('Escape');
    await waitForWidget(page, 'font.larger', false);
    await clickWidget(page, 'view');
    await waitForWidget(page, 'font.larger');
    for (let step = 0; step < 12 && !(await rect(page, 'font.capped')); ++step) {
      await clickWidget(page, 'font.larger');
      await waitFrames(page, 3);
    }
    await waitForWidget(page, 'font.capped');
    await page.screenshot({ path: join(shots, 'font-capped.png') });
    const capped = await rect(page, 'tab.employees');
    assert.ok(capped.height >= before.height, 'the capped size is not below 100%');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('guided tour walks six steps from Help', async () => {
  const browser = await launch();
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    assert.equal(await rect(page, 'tour.window'), null, 'no tour under automation');
    await page.keyboard.press('F1');
    await waitForWidget(page, 'help.window');
    await page.screenshot({ path: join(shots, 'help-en.png') });
    await clickWidget(page, 'help.start_tour');
    const positions = [];
    for (let step = 0; step < 6; ++step) {
      const window = await waitForWidget(page, 'tour.window');
      positions.push(`${Math.round(window.x)},${Math.round(window.y)}`);
      await page.screenshot({ path: join(shots, `tour-step-${step + 1}.png`) });
      await clickWidget(page, 'tour.next');
    }
    await waitForWidget(page, 'tour.window', false);
    assert.ok(new Set(positions).size >= 3, `the step window stayed put: ${positions}`);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('first visit starts the tour once', async () => {
  const browser = await launch();
  try {
    // The tour is held back under automation; this page claims to be a person's browser.
    await browser.context.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'webdriver', { get: () => false });
    });
    let { page } = await openPage(browser.context, server.url);
    await waitForWidget(page, 'tour.window');
    await setChinese(page);
    await page.screenshot({ path: join(shots, 'tour-first-run-zh.png') });
    await clickWidget(page, 'tour.end');
    await waitForWidget(page, 'tour.window', false);
    await page.reload();
    ({ page } = await openPage(browser.context, server.url));
    await waitFrames(page, 10);
    assert.equal(await rect(page, 'tour.window'), null, 'the tour is shown once');
  } finally {
    await browser.close();
  }
});

test('F1 toggles the guide in both languages', async () => {
  const browser = await launch();
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    await setChinese(page);
    await page.keyboard.press('F1');
    const window = await waitForWidget(page, 'help.window');
    const image = await capture(page, window, 'help-zh.png');
    assert.ok(inkPixels(image) > 2000, 'the Chinese guide has text');
    await page.keyboard.press('F1');
    await waitForWidget(page, 'help.window', false);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('toolbar wraps inside the window at 160%', async () => {
  const width = 1280;
  const browser = await launch({ viewport: { width, height: 800 } });
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    await page.evaluate(() => window.localStorage.setItem('baton.preferences',
      JSON.stringify({ font_percent: 160, tour_seen: true })));
    await page.reload();
    await page.waitForFunction(() => window.baton !== undefined, null, { timeout: 60000 });
    await page.evaluate(() => window.baton.ready);
    await waitFrames(page, 8);
    await page.screenshot({ path: join(shots, 'toolbar-160.png') });
    const names = ['undo', 'redo', 'open', 'import_into', 'export', 'locale.en', 'locale.zh-CN',
      'save', 'view', 'help'];
    for (const name of names) {
      const box = await rect(page, name);
      assert.ok(box, `${name} is drawn`);
      assert.ok(box.x >= 0 && box.x + box.width <= width, `${name} ends at ${box.x + box.width}`);
    }
    const employees = await rect(page, 'tab.employees');
    const save = await rect(page, 'save');
    assert.ok(employees.y > save.y + save.height, 'the tabs start below the toolbar');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
