// Text entry, clipboard, wheel, touch, sorting and undo in the real page. IME composition
// driven through Chromium's DevTools protocol reaches the Clients filter, and paste and copy
// go through the system clipboard. A wheel notch and a touch drag scroll the table, a tap
// selects a row, a header click sorts, and Undo reverts a status change.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { clickWidget, launch, openPage, serveDist, shots, waitFrames } from './harness.mjs';

const server = serveDist();

async function tableState(page, name) {
  return page.evaluate((n) => window.baton.tableState(n), name);
}

// Polls tableState(name) until `predicate` holds; returns the last state either way, so the
// assertion that follows names what the table showed.
async function waitForTable(page, name, predicate, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  let state = null;
  while (Date.now() < deadline) {
    state = await tableState(page, name);
    if (state && predicate(state)) return state;
    await waitFrames(page, 2);
  }
  return state;
}

async function workspace(page) {
  return JSON.parse(await page.evaluate(() => window.baton.exportWorkspace()));
}

// The ids of the clients that the Clients filter keeps for `term`: it searches the id,
// name, owner's name, industry and region, ignoring the case of ASCII letters.
function clientsMatching(ws, term) {
  const names = Object.fromEntries(ws.employees.map((e) => [e.id, e.name]));
  const needle = term.toLowerCase();
  return ws.clients.filter((c) => {
    const owner = c.owner ? (names[c.owner] ?? c.owner) : '';
    return [c.id, c.name, owner, c.industry ?? '', c.region ?? '']
      .some((field) => field.toLowerCase().includes(needle));
  }).map((c) => c.id);
}

function byteOrder(a, b) {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

async function openClients(options = {}) {
  const browser = await launch(options);
  const { page, problems } = await openPage(browser.context, server.url);
  await clickWidget(page, 'tab.clients');
  const state = await waitForTable(page, 'clients', (s) => s.shown > 0);
  assert.ok(state, 'the clients table was drawn');
  assert.ok(state.shown > 0, `clients table: ${JSON.stringify(state)}`);
  return { browser, page, problems };
}

async function center(page, name) {
  const rect = await page.evaluate((n) => window.baton.widgetRect(n), name);
  assert.ok(rect, `widget ${name} was not drawn`);
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

// Holds a key for two frames, as a person's key press lasts.
// NOTE: ImGui 1.86 reads key state once a frame, so it misses a key pressed and released
// within one frame, by a script or on a frame slowed by load.
async function pressForFrames(page, key) {
  await page.keyboard.down(key);
  await waitFrames(page, 2);
  await page.keyboard.up(key);
}

test('IME composition filters the clients table', async () => {
  const { browser, page, problems } = await openClients();
  try {
    const ws = await workspace(page);
    const chinese = ws.clients.find((c) => /[\u4e00-\u9fff]{2}/.test(c.name));
    assert.ok(chinese, 'the demo workspace has a client with a Chinese name');
    const term = /[\u4e00-\u9fff]{2}/.exec(chinese.name)[0];
    const expected = clientsMatching(ws, term);
    const total = ws.clients.length;

    await clickWidget(page, 'clients.filter');
    const focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
    assert.equal(focused, 'baton-text-input');

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'kehu', selectionStart: 4, selectionEnd: 4 });
    await waitFrames(page, 4);
    const composing = await tableState(page, 'clients');
    assert.equal(composing.shown, total, 'preedit text must not reach the filter');
    await page.screenshot({ path: join(shots, 'input-ime-composing.png') });

    await cdp.send('Input.insertText', { text: term });
    const filtered = await waitForTable(page, 'clients', (s) => s.shown === expected.length);
    assert.equal(filtered.shown, expected.length, `filter ${term}`);
    for (const id of filtered.firstIds) assert.ok(expected.includes(id), `${id} matches ${term}`);
    await page.screenshot({ path: join(shots, 'input-ime-filtered.png') });

    // Backspace still edits the ImGui field: one character of the two is left.
    await pressForFrames(page, 'Backspace');
    const shorter = clientsMatching(ws, term.slice(0, 1));
    const after = await waitForTable(page, 'clients', (s) => s.shown === shorter.length);
    assert.equal(after.shown, shorter.length, `filter ${term.slice(0, 1)}`);

    // Plain typing arrives once, not once from GLFW and once from the hidden field.
    await pressForFrames(page, 'Backspace');
    const id = ws.clients[7].id;
    await page.keyboard.type(id);
    const typed = await waitForTable(page, 'clients', (s) => s.firstIds[0] === id);
    assert.deepEqual(typed.firstIds.slice(0, 1), [id]);
    assert.equal(typed.shown, clientsMatching(ws, id).length);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('paste and copy go through the system clipboard', async () => {
  const { browser, page, problems } = await openClients();
  try {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'],
      { origin: server.url });
    const ws = await workspace(page);
    const target = ws.clients[12].id;
    await page.evaluate((text) => navigator.clipboard.writeText(text), target);
    await clickWidget(page, 'clients.filter');
    await page.keyboard.press('Control+V');
    const pasted = await waitForTable(page, 'clients', (s) => s.firstIds[0] === target);
    assert.equal(pasted.firstIds[0], target);
    assert.equal(pasted.shown, clientsMatching(ws, target).length);

    // Clear the filter, then select two rows (click, Ctrl+click) and copy them.
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    const all = await waitForTable(page, 'clients', (s) => s.shown === ws.clients.length);
    const [first, second] = all.firstIds;
    await clickWidget(page, `client_row.${first}`);
    await page.keyboard.down('Control');
    await clickWidget(page, `client_row.${second}`);
    await page.keyboard.up('Control');
    const selected = await waitForTable(page, 'clients', (s) => s.selected === 2);
    assert.deepEqual(selected.selectedIds, [first, second]);

    await page.keyboard.press('Control+C');
    await waitFrames(page, 4);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const lines = copied.split('\r\n');
    assert.equal(lines.length, 4, JSON.stringify(copied));
    assert.equal(lines[3], '');
    const header = lines[0].split('\t');
    assert.equal(header[0], 'ID');
    assert.equal(header[1], 'Name');
    const byId = Object.fromEntries(ws.clients.map((c) => [c.id, c]));
    for (const [line, id] of [[lines[1], first], [lines[2], second]]) {
      const cells = line.split('\t');
      assert.equal(cells.length, header.length);
      assert.equal(cells[0], id);
      assert.equal(cells[1], byId[id].name);
    }

    // The Copy button puts the same text on the clipboard.
    await page.evaluate(() => navigator.clipboard.writeText('something else'));
    await clickWidget(page, 'clients.copy');
    await waitFrames(page, 4);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), copied);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('wheel notch scrolls the table a few rows', async () => {
  const { browser, page, problems } = await openClients();
  try {
    const start = await tableState(page, 'clients');
    assert.equal(start.scrollY, 0);
    const point = await center(page, `client_row.${start.firstIds[3]}`);
    await page.mouse.move(point.x, point.y);
    await waitFrames(page, 2);
    await page.mouse.wheel(0, 100);
    const scrolled = await waitForTable(page, 'clients', (s) => s.scrollY > 0);
    // One notch scrolls about three rows of about 20 pixels.
    assert.ok(scrolled.scrollY >= 30, `scrollY ${scrolled.scrollY}`);
    assert.ok(scrolled.scrollY <= 150, `scrollY ${scrolled.scrollY}`);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('touch tap selects a row and a drag scrolls', async () => {
  const browser = await launch({ hasTouch: true });
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    const tab = await center(page, 'tab.clients');
    await page.touchscreen.tap(tab.x, tab.y);
    const state = await waitForTable(page, 'clients', (s) => s.shown > 0);
    assert.ok(state, 'a tap opened the Clients tab');
    assert.ok(state.shown > 0, `clients table: ${JSON.stringify(state)}`);

    const id = state.firstIds[2];
    const row = await center(page, `client_row.${id}`);
    await page.touchscreen.tap(row.x, row.y);
    const tapped = await waitForTable(page, 'clients', (s) => s.selected === 1);
    assert.deepEqual(tapped.selectedIds, [id]);

    const cdp = await page.context().newCDPSession(page);
    const touch = (type, y) => cdp.send('Input.dispatchTouchEvent', {
      type, touchPoints: type === 'touchEnd' ? [] : [{ x: row.x, y }],
    });
    await touch('touchStart', row.y);
    for (let step = 1; step <= 10; ++step) {
      await touch('touchMove', row.y - step * 20);
      await waitFrames(page, 1);
    }
    await touch('touchEnd', row.y - 200);
    const dragged = await waitForTable(page, 'clients', (s) => s.scrollY > 100);
    assert.ok(dragged.scrollY >= 150, `scrollY ${dragged.scrollY}`);
    assert.ok(dragged.scrollY <= 250, `scrollY ${dragged.scrollY}`);
    assert.equal(dragged.selected, 1, 'a drag is no tap');
    await page.screenshot({ path: join(shots, 'input-touch-scrolled.png') });
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('header click sorts by name, then descending', async () => {
  const { browser, page, problems } = await openClients();
  try {
    const ws = await workspace(page);
    const ascending = [...ws.clients].sort((a, b) => byteOrder(a.name, b.name) ||
      byteOrder(a.id, b.id)).map((c) => c.id);
    await clickWidget(page, 'clients.header.1');
    const sorted = await waitForTable(page, 'clients',
      (s) => s.firstIds[0] === ascending[0] && s.firstIds[1] === ascending[1]);
    assert.deepEqual(sorted.firstIds, ascending.slice(0, sorted.firstIds.length));

    const descending = [...ws.clients].sort((a, b) => byteOrder(b.name, a.name) ||
      byteOrder(a.id, b.id)).map((c) => c.id);
    await clickWidget(page, 'clients.header.1');
    const reversed = await waitForTable(page, 'clients', (s) => s.firstIds[0] === descending[0]);
    assert.deepEqual(reversed.firstIds, descending.slice(0, reversed.firstIds.length));
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('undo and redo a status change', async () => {
  const browser = await launch();
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    await clickWidget(page, 'tab.employees');
    const ws = await workspace(page);
    const employee = ws.employees.find((e) => e.status === 'active');
    await clickWidget(page, `employee_status.${employee.id}`);
    await clickWidget(page, 'employee_status_option.on_leave');
    const statusOf = async () => (await workspace(page)).employees
      .find((e) => e.id === employee.id).status;
    assert.equal(await statusOf(), 'on_leave');

    await clickWidget(page, 'undo');
    assert.equal(await statusOf(), 'active');
    await page.keyboard.press('Control+Y');
    await waitFrames(page, 3);
    assert.equal(await statusOf(), 'on_leave');
    await page.keyboard.press('Control+Z');
    await waitFrames(page, 3);
    assert.equal(await statusOf(), 'active');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('log search hides entries without the text', async () => {
  const browser = await launch();
  try {
    const { page, problems } = await openPage(browser.context, server.url);
    await clickWidget(page, 'tab.log');
    await clickWidget(page, 'log.filter');
    await page.keyboard.type('no-such-entry-xyz', { delay: 20 });
    await waitFrames(page, 4);
    assert.ok(await page.evaluate(() => window.baton.widgetRect('log.no_match')),
      'a search text that no entry holds shows the no-match line');
    await page.screenshot({ path: join(shots, 'log-search-none.png') });

    await page.keyboard.press('Control+A');
    await waitFrames(page, 2);
    await page.keyboard.press('Backspace');
    await waitFrames(page, 2);
    // The demo's first entry says which workspace was opened.
    await page.keyboard.type('WORKSPACE', { delay: 20 });
    await waitFrames(page, 4);
    assert.equal(await page.evaluate(() => window.baton.widgetRect('log.no_match')), null,
      'the search ignores the case of ASCII letters');
    await page.screenshot({ path: join(shots, 'log-search-found.png') });
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
