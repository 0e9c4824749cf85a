/**
 * What people read (issue 11, items 11–16): cleaned passages and a plain relevance label, the [n]
 * preview, the sticky citation bar with 返回结果, Chinese error texts, 已存在 for a duplicate upload,
 * and a phone-sized screen (390×844) with the answer on the first screen.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { ARTIFACTS, inViewport, startUi, type UiHarness } from './harness.js';

const QUESTION = '哪些街道采用了1+3+X网格力量体系？';
const TITLE_001 = '兰州市乡镇街道党（工）委书记工作交流会发言材料汇编';

let h: UiHarness;
beforeAll(async () => {
  h = await startUi();
});
afterAll(async () => {
  await h?.close();
});

const pageErrors = () => h.problems.filter((p) => p.startsWith('pageerror'));
/** Latin letters outside the given file names: an English word leaked into a Chinese message. */
const latinOutside = (text: string, names: string[]) => names.reduce((t, n) => t.split(n).join(''), text).match(/[A-Za-z]{2,}/g) ?? [];

async function search(page: Page, q: string): Promise<void> {
  await page.goto(`${h.baseUrl}/?q=${encodeURIComponent(q)}`);
  await page.locator('.answer-card').waitFor({ timeout: 30_000 });
}

describe('results for reading', () => {
  it('passages are cleaned, scores are a plain label, only topic words are marked', async () => {
    const { page } = h;
    await search(page, QUESTION);
    const texts = await page.locator('.passage-text').allInnerTexts();
    expect(texts.length).toBeGreaterThan(3);
    for (const text of texts) {
      expect(text).not.toMatch(/###|\*\*|— \d+ —|★|\n\s*\n/);
    }
    // The hard-wrapped report (file 003) reads as one paragraph.
    const labels = await page.locator('.passage .relevance').allInnerTexts();
    expect(labels.length).toBe(texts.length);
    for (const label of labels) expect(label).toMatch(/^[高中低]相关$/);
    expect(await page.locator('.passages').innerText()).not.toMatch(/相关度\s*0\.\d/);
    // Documents by title, never by file name.
    expect(await page.locator('.passages').innerText()).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
    const marked = new Set(await page.locator('.passage mark.term').allInnerTexts());
    expect([...marked]).toEqual(['1+3+X']);
    await h.screenshot('reading-passages', { fullPage: true });
  });

  it('[n] shows a preview on hover and on keyboard focus: cleaned quote, title and section', async () => {
    const { page } = h;
    const badge = page.locator('.answer-card .answer', { hasText: '酒泉路街道' }).locator('a.cite').first();
    await badge.hover();
    const preview = page.locator('.answer-card .answer .cite-preview');
    await preview.waitFor();
    const text = await preview.innerText();
    expect(text).toContain('建立“1+3+X”网格力量体系');
    expect(text).toContain(TITLE_001);
    expect(text).toContain('一网两访三为');
    expect(text).toContain('查看原文');
    expect(text).not.toMatch(/\.txt|第 \d+–\d+ 字/);
    await h.screenshot('reading-citation-preview');
    await page.mouse.move(0, 0);
    await expect.poll(() => preview.count()).toBe(0);
    await badge.focus();
    await expect.poll(() => page.locator('.answer-card .cite-preview').count()).toBe(1);
    await badge.blur();
  });

  it('the document viewer keeps a sticky citation bar with 返回结果 back to the same results', async () => {
    const { page } = h;
    const resultsUrl = page.url();
    await page.locator('.answer-card .answer', { hasText: '酒泉路街道' }).locator('a.cite').first().click();
    await page.waitForURL(/\/doc\/[^/?]+\?start=\d+&end=\d+&from=/);
    const bar = page.locator('.cite-bar');
    await bar.waitFor();
    const barText = await bar.innerText();
    expect(barText).toContain('返回结果');
    expect(barText).toContain('一网两访三为');
    expect(barText).not.toMatch(/第 \d+–\d+ 字/);
    expect(await page.locator('.doc-head h1').innerText()).toBe(TITLE_001);
    // Far from the citation the bar is still on screen.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(200);
    expect(await inViewport(page, '.cite-bar')).toBe(true);
    await h.screenshot('reading-cite-bar-scrolled');
    await bar.getByRole('link', { name: /返回结果/ }).click();
    await page.locator('.answer-card .answer', { hasText: '酒泉路街道' }).waitFor();
    expect(page.url()).toBe(resultsUrl);
    expect(await page.locator('input.search-input').inputValue()).toBe(QUESTION);
    expect(pageErrors()).toEqual([]);
  });
});

describe('messages in Chinese', () => {
  it('search errors: a too-long question and an unknown region', async () => {
    const { page } = h;
    await page.goto(`${h.baseUrl}/?q=${encodeURIComponent('网格'.repeat(101))}`);
    const error = page.locator('.status.error');
    await error.waitFor({ timeout: 20_000 });
    const tooLong = await error.innerText();
    expect(tooLong).toBe('检索失败：检索问题过长（最多 200 个字）');
    await page.goto(`${h.baseUrl}/?q=${encodeURIComponent('网格员')}&region=ent-0000`);
    await expect.poll(() => page.locator('.status.error').innerText(), { timeout: 20_000 }).toContain('不存在');
    const unknown = await page.locator('.status.error').innerText();
    expect(latinOutside(unknown, [])).toEqual([]);
    await h.screenshot('reading-search-error');
  });

  async function upload(page: Page, name: string, body: string | Buffer, mimeType = 'text/plain'): Promise<void> {
    await page.locator('input[type="file"]').setInputFiles({ name, mimeType, buffer: Buffer.from(body) });
    await page.getByRole('button', { name: '上传', exact: true }).click();
  }

  it('upload errors name the file and say the reason in Chinese', async () => {
    const { page } = h;
    await page.goto(`${h.baseUrl}/documents`);
    const cases: [string, Buffer, string][] = [
      ['setup.exe', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]), '不支持的文件类型'],
      ['空白.txt', Buffer.from(''), '文件为空'],
      ['损坏.pdf', Buffer.from('not a pdf at all, just text'), '文件已损坏或无法读取'],
    ];
    for (const [name, bytes, reason] of cases) {
      await upload(page, name, bytes, 'application/octet-stream');
      const error = page.locator('.upload-error');
      await expect.poll(() => error.innerText().catch(() => ''), { timeout: 70_000 }).toContain(reason);
      const text = await error.innerText();
      expect(text).toContain(name);
      expect(latinOutside(text, [name])).toEqual([]);
    }
    await h.screenshot('reading-upload-error');
  }, 240_000);

  it('a duplicate upload says 已存在', async () => {
    const { page } = h;
    const report = '淮安市清江浦区“小巷管家”实践\n\n清江浦区推行“小巷管家”机制，每条小巷由一名志愿者负责，2023年共收集居民意见412条。';
    await upload(page, '小巷管家.txt', report);
    await expect.poll(() => page.locator('.status.success').innerText().catch(() => ''), { timeout: 110_000 }).toContain('已完成');
    await upload(page, '小巷管家（副本）.txt', report);
    await expect.poll(() => page.locator('.status.success').innerText().catch(() => ''), { timeout: 110_000 }).toContain('已存在');
    await h.screenshot('reading-upload-duplicate');
    expect(pageErrors()).toEqual([]);
  }, 240_000);

  it('an off-topic question with no passages does not promise passages', async () => {
    const { page } = h;
    const docs = (await (await page.request.get(`${h.baseUrl}/api/documents`)).json()) as { id: string; title: string }[];
    const doc = docs.find((d) => d.title.includes('小巷管家'));
    expect(doc).toBeDefined();
    await page.goto(`${h.baseUrl}/?q=${encodeURIComponent('量子计算机的原理')}&mode=keyword&doc=${encodeURIComponent(doc!.id)}`);
    await page.locator('.answer-card').waitFor({ timeout: 30_000 });
    expect(await page.locator('.passage').count()).toBe(0);
    const note = await page.locator('.answer-card .note').innerText();
    expect(note).not.toMatch(/段落|以下/);
    expect(note).toContain('没有找到');
    await h.screenshot('reading-off-topic');
  });
});

describe('phone screen 390×844', () => {
  it('filters fold away and the answer is on the first screen', async () => {
    const page = await h.context.newPage();
    try {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${h.baseUrl}/?q=${encodeURIComponent(QUESTION)}`);
      await page.locator('.answer-card .answer-line').waitFor({ timeout: 30_000 });
      expect(await page.locator('.filters').isVisible()).toBe(false);
      expect(await page.locator('.filter-toggle').isVisible()).toBe(true);
      await expect.poll(() => inViewport(page, '.answer-card .answer-line')).toBe(true);
      await expect.poll(() => inViewport(page, '.answer-card .answer')).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await page.screenshot({ path: path.join(ARTIFACTS, 'reading-mobile-search.png') });
      await page.locator('.filter-toggle').click();
      expect(await page.locator('.filters').isVisible()).toBe(true);
      await page.screenshot({ path: path.join(ARTIFACTS, 'reading-mobile-filters.png') });
    } finally {
      await page.close();
    }
  });

  it('a compare table scrolls sideways instead of clipping', async () => {
    const page = await h.context.newPage();
    try {
      await page.setViewportSize({ width: 390, height: 844 });
      const ids = async (name: string) => {
        const res = await page.request.get(`${h.baseUrl}/api/entities?q=${encodeURIComponent(name)}&type=region&limit=5`);
        return ((await res.json()) as { items: { id: string; name: string }[] }).items[0]!;
      };
      const lanzhou = await ids('兰州市');
      const pingcheng = await ids('平城区');
      expect([lanzhou.name, pingcheng.name]).toEqual(['兰州市', '平城区']);
      await page.goto(`${h.baseUrl}/compare?ids=${lanzhou.id},${pingcheng.id}`);
      const wrap = page.locator('.table-wrap:has(table.compare-table)');
      await wrap.waitFor({ timeout: 30_000 });
      const sizes = await wrap.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      expect(sizes.scroll).toBeGreaterThan(sizes.client);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await wrap.evaluate((el) => el.scrollBy(400, 0));
      expect(await wrap.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
      await page.screenshot({ path: path.join(ARTIFACTS, 'reading-mobile-compare.png') });
    } finally {
      await page.close();
    }
  });
});

describe('entity pages and the graph view', () => {
  async function openEntity(page: Page, name: string): Promise<string> {
    // Exact name first: the place, not the metrics or bodies whose names contain it.
    const res = await page.request.get(`${h.baseUrl}/api/entities?q=${encodeURIComponent(name)}&limit=10`);
    const items = ((await res.json()) as { items: { id: string; name: string; type: string }[] }).items;
    expect(items[0]).toMatchObject({ name, type: 'region' });
    await page.goto(`${h.baseUrl}/entity/${encodeURIComponent(items[0]!.id)}`);
    await page.locator('h1', { hasText: name }).waitFor({ timeout: 20_000 });
    return items[0]!.id;
  }

  it('region chain up to the province; metrics in time order, no empty 时间 column', async () => {
    const { page } = h;
    await openEntity(page, '酒泉路街道');
    expect(await page.locator('nav.chain').innerText()).toMatch(/^甘肃省 › 兰州市 › 城关区 › 酒泉路街道/);
    const metrics = page.locator('section[aria-label="指标"]');
    await metrics.waitFor();
    const headers = await metrics.locator('thead th').allInnerTexts();
    const times = headers.includes('时间') ? await metrics.locator('tbody tr td:nth-child(3)').allInnerTexts() : [];
    if (times.length) {
      // Dated rows first: once a row has no time, no later row has one.
      const firstBlank = times.findIndex((t) => !t.trim());
      if (firstBlank >= 0) expect(times.slice(firstBlank).every((t) => !t.trim())).toBe(true);
      expect(times.some((t) => t === '—')).toBe(false);
    }
    await h.screenshot('reading-entity-street', { fullPage: true });
    await openEntity(page, '平城区');
    expect(await page.locator('nav.chain').innerText()).toMatch(/^山西省 › 大同市 › 平城区/);
    expect(await page.locator('section[aria-label="指标"] thead th').allInnerTexts()).not.toContain('时间');
  });

  it('graph: metrics folded into one node per owner, the legend filters types, labels readable', async () => {
    const { page } = h;
    const id = await openEntity(page, '平城区');
    await page.goto(`${h.baseUrl}/entity/${encodeURIComponent(id)}?tab=graph`);
    await page.locator('.graph-canvas canvas').first().waitFor({ timeout: 20_000 });
    const toolbar = page.locator('.graph-toolbar');
    await expect.poll(() => toolbar.innerText()).toMatch(/显示 \d+ \/ \d+ 个节点/);
    const counts = async () => {
      const m = /显示 (\d+) \/ (\d+)/.exec(await toolbar.innerText());
      return { shown: Number(m?.[1]), total: Number(m?.[2]) };
    };
    const folded = await counts();
    // 平城区 has many metrics: folded, far fewer nodes are drawn than the neighbourhood holds.
    expect(folded.shown).toBeLessThan(folded.total);
    await page.waitForTimeout(300);
    await h.screenshot('reading-graph-folded');
    await toolbar.getByRole('button', { name: '指标' }).click();
    await expect.poll(async () => (await counts()).shown).toBeLessThan(folded.shown);
    expect(await toolbar.getByRole('button', { name: '指标' }).getAttribute('aria-pressed')).toBe('false');
    await toolbar.getByRole('button', { name: '指标' }).click();
    await expect.poll(async () => (await counts()).shown).toBe(folded.shown);
    await page.getByRole('button', { name: '2 跳' }).click();
    await expect.poll(async () => (await counts()).total).toBeGreaterThan(folded.total);
    await page.waitForTimeout(500);
    await h.screenshot('reading-graph-2hops');
    expect(pageErrors()).toEqual([]);
  });
});
