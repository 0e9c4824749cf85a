/** Search → answer with citations → document viewer at the cited span → entity page and graph. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inViewport, startUi, type UiHarness } from './harness.js';

const QUESTION = '哪些街道采用了1+3+X网格力量体系？';
const CITED = '建立“1+3+X”网格力量体系';

let h: UiHarness;
beforeAll(async () => {
  h = await startUi();
});
afterAll(async () => {
  await h?.close();
});

const pageErrors = () => h.problems.filter((p) => p.startsWith('pageerror'));

describe('search page', () => {
  it('answers the 1+3+X question with 酒泉路街道 and a numbered citation', async () => {
    const { page } = h;
    await page.goto(h.baseUrl);
    await page.locator('input.search-input').fill(QUESTION);
    await page.getByRole('button', { name: '检索' }).click();

    const answer = page.locator('.answer-card .answer').filter({ hasText: '酒泉路街道' });
    await answer.waitFor({ timeout: 20_000 });
    expect(await answer.locator('a.answer-name').innerText()).toBe('酒泉路街道');
    const badge = answer.locator('a.cite').first();
    expect(await badge.innerText()).toMatch(/^\[\d+\]$/);
    await badge.hover();
    expect(await answer.locator('.cite-preview').innerText()).toContain('1+3+X');
    // The address carries the question (shareable, back button).
    expect(decodeURIComponent(new URL(page.url()).search)).toContain('1+3+X');
    // Ranked passages with the question's words highlighted.
    expect(await page.locator('.passage').count()).toBeGreaterThan(0);
    expect(await page.locator('.passage mark.term').count()).toBeGreaterThan(0);
    expect(await page.locator('.summary-item').filter({ hasText: '酒泉路街道' }).count()).toBe(1);
    await h.screenshot('search-results');
    await h.screenshot('search-results-full', { fullPage: true });
    expect(pageErrors()).toEqual([]);
  });

  it('opens the document viewer at the cited span, highlighted and scrolled into view', async () => {
    const { page } = h;
    const badge = page.locator('.answer-card .answer').filter({ hasText: '酒泉路街道' }).locator('a.cite').first();
    await badge.click();
    await page.waitForURL(/\/doc\/[^/?]+\?start=\d+&end=\d+/);
    const mark = page.locator('mark.cited');
    await mark.waitFor({ timeout: 10_000 });
    const marked = await mark.innerText();
    expect(marked).toContain(CITED);
    // The span is exactly the cited offsets of the original text.
    const url = new URL(page.url());
    const start = Number(url.searchParams.get('start'));
    const end = Number(url.searchParams.get('end'));
    expect(marked.length).toBe(end - start);
    await expect.poll(() => inViewport(page, 'mark.cited'), { timeout: 5_000 }).toBe(true);
    // Entity mentions are links to entity pages.
    expect(await page.locator('.doc-text .mention a[href^="/entity/"]').count()).toBeGreaterThan(10);
    await h.screenshot('document-viewer');

    // Back returns to the results.
    await page.goBack();
    await page.locator('.answer-card').waitFor();
    expect(pageErrors()).toEqual([]);
  });

  it('shows 1+3+X among 酒泉路街道’s mechanisms, with citations', async () => {
    const { page } = h;
    await page.locator('.answer-card a.answer-name', { hasText: '酒泉路街道' }).click();
    await page.waitForURL(/\/entity\//);
    await page.locator('h1', { hasText: '酒泉路街道' }).waitFor();
    const mechanisms = page.locator('section[aria-label="采用的机制"]');
    const row = mechanisms.locator('li').filter({ hasText: '1+3+X' });
    await row.waitFor();
    expect(await row.locator('a.cite').count()).toBeGreaterThan(0);
    // Region chain and the metrics table.
    expect(await page.locator('nav.chain').innerText()).toContain('兰州市');
    expect(await page.locator('section[aria-label="指标"] tbody tr').count()).toBeGreaterThan(0);
    await h.screenshot('entity-overview', { fullPage: true });

    // The mechanism page lists its adopters by region.
    await row.locator('a.entity-name').click();
    await page.locator('h1', { hasText: '1+3+X' }).waitFor();
    const adopters = page.locator('section[aria-label="采用单位"]');
    await adopters.locator('li', { hasText: '酒泉路街道' }).waitFor();
    expect(await adopters.locator('h3').first().innerText()).toContain('城关区');
    await h.screenshot('entity-mechanism', { fullPage: true });
    expect(pageErrors()).toEqual([]);
  });

  it('draws the neighbourhood graph and toggles depth', async () => {
    const { page } = h;
    await page.getByRole('link', { name: '关系图' }).click();
    await page.locator('.graph-canvas canvas').first().waitFor({ timeout: 15_000 });
    const oneHop = await page.locator('.graph-toolbar').innerText();
    await page.getByRole('button', { name: '2 跳' }).click();
    await expect.poll(async () => page.locator('.graph-toolbar').innerText()).not.toBe(oneHop);
    await page.waitForTimeout(500);
    await h.screenshot('entity-graph');
    expect(pageErrors()).toEqual([]);
  });
});
