// Text that contains a NUL character (U+0000) reaches the page's readers whole. Verify and
// the imports report invalid JSON at the NUL instead of an empty file. A call that takes a
// name rejects a NUL instead of cutting the name at it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { callApi as call, launch, openPage, serveDist } from './harness.mjs';

const server = serveDist();

test('nul text reaches the readers', async () => {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, server.url);

    const verified = await call(page, 'verify', '\u0000\uffff');
    assert.equal(verified.ok, false);
    assert.equal(verified.readable, false);
    assert.equal(verified.breaches.length, 1, JSON.stringify(verified.breaches));
    assert.match(verified.breaches[0], /line 1, column 1/);
    assert.doesNotMatch(verified.breaches[0], /empty/);

    const imported = await call(page, 'importWorkspace', '\u0000\uffff');
    assert.equal(imported.ok, false);
    assert.equal(imported.errors[0].line, 1, JSON.stringify(imported.errors));
    assert.equal(imported.errors[0].column, 1);
    assert.doesNotMatch(imported.errors[0].message, /empty/);

    // A NUL after the JSON is reported at its column, so the text after it was read too.
    const trailing = await call(page, 'importWorkspace', '{}\u0000');
    assert.equal(trailing.ok, false);
    assert.equal(trailing.errors[0].line, 1, JSON.stringify(trailing.errors));
    assert.equal(trailing.errors[0].column, 3);
    assert.match(trailing.errors[0].message, /NUL character \(U\+0000\)/);

    const proposal = await call(page, 'importProposal', '{"assignments": []}\u0000');
    assert.equal(proposal.ok, false);
    assert.equal(proposal.errors[0].column, 20, JSON.stringify(proposal.errors));
    assert.match(proposal.errors[0].message, /NUL character \(U\+0000\)/);

    const restored = await call(page, 'restoreBackup', '\u0000{}');
    assert.equal(restored.ok, false);
    assert.doesNotMatch(JSON.stringify(restored.errors), /empty/);

    const named = await page.evaluate(() => window.baton.createWorkspace('a\u0000b')
      .then(() => 'created', (error) => `${error.name}: ${error.message}`));
    assert.match(named, /^TypeError: .*NUL character \(U\+0000\) at index 1/);
  } finally {
    await browser.close();
  }
});
