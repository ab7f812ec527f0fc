// Browser tests of the HTML report: Debian's headless Chromium driven by playwright-core, the
// report opened from disk at a laptop size (1440×900) and a phone size (390×844, mobile), and
// checked with axe-core. Run by tests/browser/run.sh (part of scripts/test). Screenshots go to
// $GOVMAP_SCREENSHOTS (one folder); look at them when the report changes.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';

const report = process.env.GOVMAP_REPORT;
const shots = process.env.GOVMAP_SCREENSHOTS;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser;

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => { await browser?.close(); });

async function open(viewport, mobile) {
  const context = await browser.newContext({ viewport, isMobile: mobile, hasTouch: mobile, bypassCSP: true });
  const page = await context.newPage();
  const errors = [], requests = [];
  page.on('console', msg => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', err => errors.push(String(err)));
  page.on('request', req => requests.push(req.url()));
  await page.goto(pathToFileURL(report).href, { waitUntil: 'load' });
  return { page, errors, requests };
}

const shot = async (page, name) => { if (shots) await page.screenshot({ path: join(shots, name + '.png') }); };
const visible = page => page.locator('li.finding:not([hidden])').count();
const barHeight = page => page.evaluate(() => document.querySelector('header.topbar').getBoundingClientRect().height);

async function axeViolations(page) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map(v => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`);
}

async function openFilters(page) {
  const filters = page.locator('details.filters');
  if (!(await filters.evaluate(d => d.open))) await filters.locator('summary').click();
}

describe('laptop, 1440×900', () => {
  let page, errors, requests;
  before(async () => { ({ page, errors, requests } = await open({ width: 1440, height: 900 }, false)); });
  after(async () => { await page.context().close(); });

  test('loads with no console errors and no network requests', async () => {
    assert.deepEqual(errors, []);
    assert.deepEqual(requests.filter(url => !url.startsWith('file:') && !url.startsWith('data:')), []);
    assert.ok(await page.locator('section.model').count() >= 2);
    await shot(page, 'laptop-top');
  });

  test('the top bar is at most 120 px and a section link lands below it', async () => {
    assert.ok(await barHeight(page) <= 120, `bar is ${await barHeight(page)} px`);
    await page.locator('details.sections summary').click();
    await shot(page, 'laptop-sections-menu');
    const link = page.locator('details.sections nav a').nth(1);
    const target = (await link.getAttribute('href')).slice(1);
    await link.click();
    await page.waitForTimeout(100);
    const top = await page.evaluate(id => document.getElementById(id).querySelector('h2').getBoundingClientRect().top, target);
    assert.ok(top >= await barHeight(page), `heading at ${top} px, under the bar`);
    assert.equal(await page.locator('details.sections').evaluate(d => d.open), false);
  });

  test('findings come errors first, headed by rule titles', async () => {
    const groups = await page.locator('section.model').first().locator('.rule-group').evaluateAll(gs =>
      gs.map(g => ({ sev: g.querySelector('.sev').textContent, title: g.querySelector('.rule-title').textContent, rule: g.dataset.rule })));
    assert.ok(groups.length > 1);
    const rank = { error: 0, warning: 1, info: 2, accepted: 3 };
    for (let i = 1; i < groups.length; i++) assert.ok(rank[groups[i - 1].sev] <= rank[groups[i].sev], JSON.stringify(groups));
    for (const g of groups) assert.notEqual(g.title, g.rule);
  });

  test('filters change what is shown, the counts, and fold sections without a match', async () => {
    await openFilters(page);
    await shot(page, 'laptop-filters');
    const all = await visible(page);
    const heightBefore = await page.evaluate(() => document.documentElement.scrollHeight);
    const warnings = await page.locator('li.finding[data-severity=warning]').count();
    assert.ok(warnings > 0 && warnings < all);
    await page.locator('input[name=severity][value=warning]').uncheck();
    assert.equal(await visible(page), all - warnings);
    assert.equal(await page.locator('header output.shown').textContent(), `showing ${all - warnings} of ${all} findings`);
    const rule = await page.locator('li.finding:not([hidden])').first().getAttribute('data-rule');
    await page.locator('select[name=rule]').selectOption(rule);
    const shown = await visible(page);
    const rules = await page.locator('li.finding:not([hidden])').evaluateAll(lis => lis.map(li => li.dataset.rule));
    assert.ok(shown > 0 && rules.every(r => r === rule));
    // Each count says how many of its findings are shown.
    const counts = await page.locator('.findings').evaluateAll(fs => fs.map(f => [
      f.querySelectorAll('li.finding:not([hidden])').length, f.querySelectorAll('li.finding').length,
      f.querySelector('h3 .count')?.textContent]));
    for (const [v, t, text] of counts) if (text) assert.equal(text, v === t ? `(${t})` : `(${v} of ${t})`);
    assert.ok(await page.locator('section.filtered-out').count() >= 1);
    const heightAfter = await page.evaluate(() => document.documentElement.scrollHeight);
    assert.ok(heightAfter < heightBefore / 2, `page ${heightBefore} -> ${heightAfter} px`);
    await page.locator('form.controls button[type=reset]').click();
    await page.waitForTimeout(50);
    assert.equal(await visible(page), all);
    assert.equal(await page.locator('section.filtered-out').count(), 0);
  });

  test('search narrows findings to those containing every word', async () => {
    await openFilters(page);
    const all = await visible(page);
    const word = (await page.locator('li.finding .subject').first().textContent()).split(/\s+/)[0].toLowerCase();
    await page.locator('input[name=search]').fill(word);
    const shown = await page.locator('li.finding:not([hidden])').evaluateAll(lis => lis.map(li => li.dataset.search));
    assert.ok(shown.length > 0 && shown.length <= all);
    assert.ok(shown.every(s => s.includes(word)));
    await page.locator('input[name=search]').fill('no-such-word-anywhere');
    assert.equal(await visible(page), 0);
    assert.match(await page.locator('header output.shown').textContent(), /^showing 0 of \d+ findings$/);
    await page.locator('input[name=search]').fill('');
    assert.equal(await visible(page), all);
    await page.keyboard.press('Escape');
  });

  test('zoom controls change the diagram scale', async () => {
    const figure = page.locator('figure.diagram').first();
    await figure.scrollIntoViewIfNeeded();
    const pane = figure.locator('.pane');
    const width = () => figure.locator('svg').evaluate(s => s.getBoundingClientRect().width);
    const fit = Number(await pane.getAttribute('data-scale'));
    const w0 = await width();
    await figure.locator('button[data-zoom=in]').click();
    assert.ok(Number(await pane.getAttribute('data-scale')) > fit);
    assert.ok(await width() > w0 * 1.2);
    await figure.locator('button[data-zoom=actual]').click();
    assert.equal(Number(await pane.getAttribute('data-scale')), 1);
    await shot(page, 'laptop-diagram-100');
    await figure.locator('button[data-zoom=fit]').click();
    assert.equal(Number(await pane.getAttribute('data-scale')), fit);
    await shot(page, 'laptop-diagram-fit');
  });

  test('a box keeps its row and its order in the row in the baseline, the proposal and the delta', async () => {
    const section = page.locator('section.comparison').first();
    // Centre of each box in its diagram's own units (the same at any zoom), by SVG id.
    const centres = figure => section.locator(figure + ' svg').first().evaluate(svg => {
      const centre = g => { const b = g.getBBox(); return [b.x + b.width / 2, b.y + b.height / 2]; };
      const out = {};
      for (const g of svg.querySelectorAll('g.node')) {
        if (/^(kind|body)-/.test(g.id)) out[g.id] = centre(g);
      }
      return out;
    });
    const [before, after, delta] = [await centres('.diagrams figure:nth-child(1)'),
                                    await centres('.diagrams figure:nth-child(2)'), await centres('figure.delta')];
    await section.locator('.diagrams').scrollIntoViewIfNeeded();
    await shot(page, 'laptop-comparison-figures');
    const shared = Object.keys(before).filter(id => id in after && id in delta);
    assert.ok(shared.length >= 3, JSON.stringify(shared));
    // Each pair of boxes keeps its order: a box above another stays above it, and two boxes in one
    // row stay in that row, in the same left-to-right order.
    const relation = (c, p, q) => Math.abs(c[p][1] - c[q][1]) < 5 ? (c[p][0] < c[q][0] ? 'left of' : 'right of')
                                                                   : (c[p][1] < c[q][1] ? 'above' : 'below');
    for (const p of shared) {
      for (const q of shared) {
        if (p >= q) continue;
        for (const [name, other] of [['proposal', after], ['delta', delta]]) {
          assert.equal(relation(other, p, q), relation(before, p, q), `${p} and ${q}, baseline and ${name}`);
        }
      }
    }
  });

  test('a click on a box opens the drawer in view and moves focus to it', async () => {
    const node = page.locator('figure.diagram g.node.has-findings').first();
    await node.scrollIntoViewIfNeeded();
    await node.click();
    const drawer = page.locator('aside.drawer');
    await drawer.waitFor();
    const box = await drawer.boundingBox();
    assert.ok(box.y >= 0 && box.y + box.height <= 900 && box.x + box.width <= 1440, JSON.stringify(box));
    assert.equal(await page.evaluate(() => document.activeElement.id), 'drawer-title');
    assert.match(await drawer.textContent(), /Findings/);
    assert.ok(await drawer.locator('ul.panel-findings a').count() >= 1);
    await shot(page, 'laptop-drawer');
    await page.keyboard.press('Escape');
    assert.equal(await drawer.isHidden(), true);
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('role')), 'button');
  });

  test('a box of many bodies is summarised, not listed link by link', async () => {
    const counts = await page.locator('figure.diagram g.node[role=button]').evaluateAll(gs =>
      gs.map(g => g.getAttribute('aria-label')));
    const many = counts.findIndex(label => /\((\d{2,})\)/.test(label.split(';')[0]));
    assert.ok(many >= 0, 'a box of many bodies');
    const node = page.locator('figure.diagram g.node[role=button]').nth(many);
    await node.focus();
    await page.keyboard.press('Enter');
    const drawer = page.locator('aside.drawer');
    await drawer.waitFor();
    assert.ok(await drawer.locator('table tr').count() > 1);
    const height = await drawer.locator('.drawer-body').evaluate(b => b.scrollHeight);
    assert.ok(height < 6000, `drawer content ${height} px`);
    await shot(page, 'laptop-drawer-aggregate');
    await drawer.locator('button.close').click();
  });

  test('keyboard reaches the boxes top to bottom, each with a name; nothing else in the SVG', async () => {
    const figures = await page.locator('figure.diagram').evaluateAll(fs => fs.map(f =>
      Array.from(f.querySelectorAll('svg [tabindex="0"]'), g => ({ y: g.getBBox().y, name: g.getAttribute('aria-label') }))));
    assert.ok(figures.flat().length > 6);
    for (const order of figures) {
      for (let i = 1; i < order.length; i++) assert.ok(order[i].y >= order[i - 1].y - 0.5, JSON.stringify(order));
      assert.ok(order.every(o => o.name && o.name.length > 3));
    }
    const stray = await page.locator('svg a:not([tabindex="-1"])').count();
    assert.equal(stray, 0);
  });

  test('axe-core reports no violations', async () => {
    assert.deepEqual(await axeViolations(page), []);
  });

  test('print to PDF gives each figure a landscape page of its own', async () => {
    const figures = await page.locator('figure.diagram, figure.delta, .diagrams figure').count();
    const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
    const boxes = Array.from(pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g), m => [Number(m[1]), Number(m[2])]);
    const landscape = boxes.filter(([w, h]) => w > h).length;
    assert.ok(boxes.length > figures, `${boxes.length} pages`);
    assert.equal(landscape, figures, `${landscape} landscape pages for ${figures} figures`);
  });
});

describe('phone, 390×844', () => {
  let page, errors;
  before(async () => { ({ page, errors } = await open({ width: 390, height: 844 }, true)); });
  after(async () => { await page.context().close(); });

  test('lays out at the phone width, with a short bar and no sideways scroll', async () => {
    assert.deepEqual(errors, []);
    assert.equal(await page.evaluate(() => window.innerWidth), 390);
    assert.ok(await barHeight(page) <= 120, `bar is ${await barHeight(page)} px`);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 390, `page is ${wide} px wide`);
    await shot(page, 'phone-top');
    await page.locator('details.sections summary').click();
    await shot(page, 'phone-sections-menu');
    await page.locator('details.sections summary').click();
    await page.locator('details.filters summary').click();
    const form = await page.locator('form.controls').boundingBox();
    assert.ok(form.x >= 0 && form.x + form.width <= 390, JSON.stringify(form));
    await shot(page, 'phone-filters');
    await page.locator('details.filters summary').click();
  });

  test('the drawer opens in view and takes focus', async () => {
    const node = page.locator('figure.diagram g.node.has-findings').first();
    await node.scrollIntoViewIfNeeded();
    await shot(page, 'phone-diagram');
    await node.tap();
    const drawer = page.locator('aside.drawer');
    await drawer.waitFor();
    const box = await drawer.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 390 && box.y < 844, JSON.stringify(box));
    assert.equal(await page.evaluate(() => document.activeElement.id), 'drawer-title');
    await shot(page, 'phone-drawer');
    await drawer.locator('button.close').tap();
  });

  test('axe-core reports no violations', async () => {
    assert.deepEqual(await axeViolations(page), []);
  });
});
