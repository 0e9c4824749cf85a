/** Compare two regions with cited cells; export the table and a search answer; check the files. */
import fs from 'node:fs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUi, type UiHarness } from './harness.js';

let h: UiHarness;
beforeAll(async () => {
  h = await startUi();
});
afterAll(async () => {
  await h?.close();
});

const pageErrors = () => h.problems.filter((p) => p.startsWith('pageerror'));

async function pick(page: Page, name: string): Promise<void> {
  await page.getByLabel('添加组织或地区').fill(name);
  const option = page.locator('.picker-options button').filter({ hasText: name }).first();
  await option.waitFor({ timeout: 10_000 });
  await option.click();
  await page.locator('.chip', { hasText: name }).waitFor();
}

/** Clicks an export button and returns the downloaded file's name and bytes. */
async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), page.locator(button).click()]);
  const saved = await file.path();
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(saved) };
}

async function docxText(bytes: Buffer): Promise<{ document: string; footnotes: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (name: string) => ((await zip.file(name)?.async('string')) ?? '').replace(/<[^>]+>/g, '');
  return { document: await text('word/document.xml'), footnotes: await text('word/footnotes.xml') };
}

describe('compare page', () => {
  it('puts 兰州市 and 平城区 side by side, every filled cell cited', async () => {
    const { page } = h;
    await page.goto(`${h.baseUrl}/compare`);
    await pick(page, '兰州市');
    await pick(page, '平城区');
    const table = page.locator('table.compare-table');
    await table.waitFor({ timeout: 20_000 });
    const headers = await table.locator('thead th').allInnerTexts();
    expect(headers).toEqual(['维度', '兰州市', '平城区']);
    expect(await table.locator('tbody th').allInnerTexts()).toEqual(['机制', '指标', '负责人']);
    const cells = table.locator('tbody td');
    let cited = 0;
    for (let i = 0; i < (await cells.count()); i++) {
      const cell = cells.nth(i);
      if ((await cell.locator('li').count()) > 0) {
        expect(await cell.locator('a.cite').count()).toBeGreaterThan(0);
        cited++;
      }
    }
    expect(cited).toBeGreaterThanOrEqual(4);
    expect(new URL(page.url()).searchParams.get('ids')?.split(',')).toHaveLength(2);
    await h.screenshot('compare');
    await h.screenshot('compare-full', { fullPage: true });

    // A cell's citation opens the viewer at its span.
    const badge = table.locator('a.cite').first();
    await badge.hover();
    const title = await table.locator('.cite-preview').first().innerText();
    await badge.click();
    await page.locator('mark.cited').waitFor();
    // The preview shows the cleaned text of the span the viewer marks.
    expect(title.replace(/\s+/g, '')).toContain((await page.locator('mark.cited').innerText()).replace(/\s+/g, '').slice(0, 10));
    await page.goBack();
    await table.waitFor();
    expect(pageErrors()).toEqual([]);
  });

  it('exports the comparison as CSV, Markdown and Word', async () => {
    const { page } = h;
    const csv = await download(page, 'button[data-format="csv"]');
    expect(csv.name).toMatch(/\.csv$/);
    const csvText = csv.bytes.toString('utf8');
    expect(csvText).toContain('兰州市');
    expect(csvText).toContain('平城区');
    const md = await download(page, 'button[data-format="md"]');
    expect(md.bytes.toString('utf8')).toContain('| 平城区');
    const docx = await download(page, 'button[data-format="docx"]');
    expect(docx.name).toMatch(/\.docx$/);
    const { document } = await docxText(docx.bytes);
    expect(document).toContain('平城区');
  });
});

describe('export from the search page', () => {
  it('downloads a .docx holding the cited text and its reference', async () => {
    const { page } = h;
    await page.goto(`${h.baseUrl}/?q=${encodeURIComponent('哪些街道采用了1+3+X网格力量体系？')}`);
    await page.locator('.answer-card .answer', { hasText: '酒泉路街道' }).waitFor({ timeout: 20_000 });
    // The answer is selected by default; add the first passage too.
    await page.getByLabel('导出段落 1').check();
    expect(await page.locator('.export-bar').innerText()).toContain('已选 1 条答案、1 个段落');
    const { name, bytes } = await download(page, '.export-bar button[data-format="docx"]');
    expect(name).toMatch(/\.docx$/);
    const { document, footnotes } = await docxText(bytes);
    expect(document).toContain('酒泉路街道');
    expect(footnotes).toContain('壮大网格工作力量，建立“1+3+X”网格力量体系');
    // The GB/T 7714 reference of the cited report.
    expect(document).toContain('参考文献');
    expect(document).toContain('兰州市乡镇街道党（工）委书记工作交流会发言材料汇编[R]');
    expect(document).toContain('corpus/001_0f39f337b5ac33d8.txt');

    for (const format of ['md', 'ris', 'bibtex'] as const) {
      const file = await download(page, `.export-bar button[data-format="${format}"]`);
      expect(file.bytes.toString('utf8')).toContain(format === 'md' ? '1+3+X' : '兰州市乡镇街道');
    }
    await h.screenshot('search-export');
    expect(pageErrors()).toEqual([]);
  });
});
