// Drives the review UI in Debian's headless Chromium with playwright-core (no bundled browser).
// Called by run.sh with the server's URL and two accounts; prints one line per step and exits
// non-zero on the first failure.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const { BASE_URL, REVIEWER, SUPERVISOR, PASSWORD, OUT_DIR } = process.env;
const step = (msg) => console.log(`ok: ${msg}`);

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
try {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error' && !/401|404/.test(m.text())) problems.push(`console: ${m.text()}`); });

  async function logIn(name) {
    await page.goto(BASE_URL);
    await page.waitForSelector('#login-form', { state: 'visible' });
    await page.fill('#login-name', name);
    await page.fill('#login-password', PASSWORD);
    await page.click('#login-form button[type=submit]');
    await page.waitForSelector('#grid .tile');
  }

  // 1. Log in and see the queue, alert hits first.
  await logIn(REVIEWER);
  const count = await page.textContent('#queue-count');
  assert.match(count, /of \d+ items/);
  const firstBadges = await page.locator('#grid .tile').first().locator('.badge').allTextContents();
  assert.ok(firstBadges.includes('alert'), `first tile is an alert hit (badges: ${firstBadges})`);
  step(`logged in as ${REVIEWER}; queue: ${count}; first item is an alert hit`);

  // 2. Reveal one preview: the src switches to the clear variant and back after ~5 s.
  const tile = page.locator('#grid .tile:has(img)').first();
  const img = tile.locator('img');
  const before = await img.getAttribute('src');
  assert.ok(!before.includes('variant=clear'), 'previews start blurred');
  await tile.locator('.name').click();
  await page.waitForFunction((el) => el.src.includes('variant=clear') && el.complete && el.naturalWidth > 0, await img.elementHandle());
  step('clicked preview shows the clear variant');
  await page.waitForFunction((el) => !el.src.includes('variant=clear'), await img.elementHandle(), { timeout: 9000 });
  assert.equal(await img.getAttribute('src'), before);
  step('and is blurred again a few seconds later');

  // 3. Categorise a near-duplicate group with the keyboard: select it with the arrows, g, 2.
  const groupIndex = await page.$$eval('#grid .tile', (tiles) => tiles.findIndex((t) => t.textContent.includes('group ×')));
  assert.ok(groupIndex >= 0, 'a near-duplicate group is on the first page');
  await page.locator('#grid').focus();
  const selected = async () => page.$eval('#grid .tile.selected', (t) => Number(t.dataset.index));
  while ((await selected()) < groupIndex) await page.keyboard.press('ArrowRight');
  while ((await selected()) > groupIndex) await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('g');
  await page.waitForSelector('#group-mode', { state: 'visible' });
  await page.keyboard.press('2');
  await page.waitForFunction(() => /Group of \d+: \d+ set to category 2/.test(document.getElementById('status').textContent));
  const status = await page.textContent('#status');
  const decided = await page.evaluate(async (i) => {
    const q = await (await fetch(`/api/queue?limit=60`)).json();
    const e = q.entries[i];
    const g = await (await fetch(`/api/groups/${e.group_id}`)).json();
    return g.items.map((x) => x.category);
  }, groupIndex);
  assert.ok(decided.length >= 2 && decided.every((c) => c === 2), `every group member is category 2: ${decided}`);
  step(`keyboard group decision: ${status} (${decided.length} items)`);

  // 4. Open a flagged conversation: findings, highlighted messages, Urdu right to left.
  await page.selectOption('#f-type', 'chat');
  await page.waitForFunction(() => [...document.querySelectorAll('#grid .tile')].some((t) => t.textContent.includes('grooming')));
  await page.locator('#grid .tile', { hasText: 'grooming' }).first().locator('.name').click();
  await page.locator('#detail .open-conversation').first().click();
  await page.waitForSelector('#overlay .msg.flagged');
  const findings = await page.textContent('#overlay .findings');
  assert.match(findings, /grooming/);
  assert.match(findings, /offender/);
  const flagged = await page.locator('#overlay .msg.flagged').count();
  const urduDir = await page.$$eval('#overlay .msg .text', (els) => {
    const el = els.find((e) => /[\u0600-\u06FF]/.test(e.textContent));
    return el ? getComputedStyle(el).direction : 'none';
  });
  assert.equal(urduDir, 'rtl', 'Urdu message shown right to left');
  step(`conversation viewer: ${flagged} flagged messages highlighted, Urdu right-to-left`);
  await page.keyboard.press('Escape');

  // 5. A reviewer has no export; a supervisor exports (downloaded, audited) and sees the audit log.
  assert.equal(await page.isVisible('#export-link'), false, 'no export button for reviewers');
  await page.click('#logout');
  await logIn(SUPERVISOR);
  await page.selectOption('#export-format', 'csv');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-link')]);
  const saved = `${OUT_DIR}/export.csv`;
  await download.saveAs(saved);
  const csv = readFileSync(saved, 'utf8');
  assert.ok(csv.split('\n').length > 5, 'export has rows');
  step(`supervisor exported ${csv.split('\n').length - 1} CSV rows`);
  await page.click('#audit-button');
  await page.waitForSelector('#audit-summary');
  const summary = await page.textContent('#audit-summary');
  assert.match(summary, /chain verified/);
  const actions = await page.$$eval('#overlay .audit-table tr td:nth-child(4)', (tds) => tds.map((t) => t.textContent));
  for (const a of ['export', 'review_decision', 'preview_reveal', 'login']) assert.ok(actions.includes(a), `audit shows ${a}`);
  step(`audit log in the UI: ${summary.split('·').slice(0, 2).join('·').trim()}`);

  assert.deepEqual(problems, [], 'no script errors in the page');
} finally {
  await browser.close();
}
