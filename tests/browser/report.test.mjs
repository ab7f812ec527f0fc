// Browser tests of the HTML report: Debian's headless Chromium driven by playwright-core,
// the report opened from disk. Run by tests/browser/run.sh (part of scripts/test).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';

const report = process.env.GOVMAP_REPORT;
const screenshot = process.env.GOVMAP_SCREENSHOT;
let browser, page;
const consoleErrors = [];
const requests = [];

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('console', msg => { if (msg.type() === 'error') consoleErrors.push(msg.text()); });
  page.on('pageerror', err => consoleErrors.push(String(err)));
  page.on('request', req => requests.push(req.url()));
  await page.goto(pathToFileURL(report).href, { waitUntil: 'load' });
});

after(async () => { await browser?.close(); });

const visible = () => page.locator('li.finding:not([hidden])').count();

test('the report loads with no console errors and no network requests', async () => {
  assert.deepEqual(consoleErrors, []);
  const remote = requests.filter(url => !url.startsWith('file:') && !url.startsWith('data:'));
  assert.deepEqual(remote, []);
  assert.ok(await page.locator('section.model').count() >= 1);
  assert.ok(await page.locator('figure.diagram svg').count() >= 1);
});

test('unticking a severity hides its findings', async () => {
  const all = await visible();
  assert.ok(all > 0, 'the report has findings');
  const warnings = await page.locator('li.finding[data-severity=warning]').count();
  assert.ok(warnings > 0);
  await page.locator('input[name=severity][value=warning]').uncheck();
  assert.equal(await visible(), all - warnings);
  assert.equal(await page.locator('li.finding[data-severity=warning]:not([hidden])').count(), 0);
  await page.locator('input[name=severity][value=warning]').check();
  assert.equal(await visible(), all);
});

test('choosing a rule shows only its findings', async () => {
  const rule = await page.locator('li.finding').first().getAttribute('data-rule');
  await page.locator('select[name=rule]').selectOption(rule);
  const rules = await page.locator('li.finding:not([hidden])').evaluateAll(lis => lis.map(li => li.dataset.rule));
  assert.ok(rules.length > 0);
  assert.ok(rules.every(r => r === rule));
  await page.locator('select[name=rule]').selectOption('');
});

test('search narrows findings to those containing every word', async () => {
  const all = await visible();
  const word = (await page.locator('li.finding .subject').first().textContent()).split(/\s+/)[0].toLowerCase();
  await page.locator('input[name=search]').fill(word);
  const shown = await page.locator('li.finding:not([hidden])').evaluateAll(lis => lis.map(li => li.dataset.search));
  assert.ok(shown.length > 0 && shown.length <= all);
  assert.ok(shown.every(s => s.includes(word)));
  await page.locator('input[name=search]').fill('no-such-word-anywhere');
  assert.equal(await visible(), 0);
  assert.match(await page.locator('output[name=shown]').textContent(), /^showing 0 of \d+ findings$/);
  await page.locator('input[name=search]').fill('');
  assert.equal(await visible(), all);
});

test('clicking a body with findings in the diagram shows its links, seats and findings', async () => {
  const node = page.locator('figure.diagram g.node.has-findings').first();
  await node.scrollIntoViewIfNeeded();
  await node.click();
  const panel = page.locator('section.model aside.body-panel:not([hidden])').first();
  await panel.waitFor();
  const text = await panel.textContent();
  assert.match(text, /Findings/);
  assert.ok(await panel.locator('ul.panel-findings a').count() >= 1);
  if (screenshot) {
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshot, fullPage: false });
  }
});
