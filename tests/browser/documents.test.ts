/** Upload (progress, failures with the API's reason), literal display of markup, delete with confirm. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUi, type UiHarness } from './harness.js';

let h: UiHarness;
const dialogs: string[] = [];
beforeAll(async () => {
  h = await startUi();
  h.page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    // Only the delete confirmation is expected; anything else (alert from a script) is refused.
    void (dialog.type() === 'confirm' ? dialog.accept() : dialog.dismiss());
  });
});
afterAll(async () => {
  await h?.close();
});

const pageErrors = () => h.problems.filter((p) => p.startsWith('pageerror'));
const SCRIPT = '<script>alert(1)</script>';
const REPORT = [
  '城关区“红色物业”治理实践报告',
  '',
  '一、基本做法',
  `城关区推行“红色物业”，在居民议事会上曾有人提交含有 ${SCRIPT} 字样的网页代码，社区网格员据实记录。`,
  '二、主要成效',
  '2023年以来，共化解物业纠纷86件，居民满意度达95%。',
].join('\n');

async function upload(name: string, body: string | Buffer, mimeType = 'text/plain'): Promise<void> {
  const { page } = h;
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType, buffer: Buffer.from(body) });
  await page.getByRole('button', { name: '上传', exact: true }).click();
}

describe('documents page', () => {
  it('lists the corpus', async () => {
    await h.page.goto(`${h.baseUrl}/documents`);
    await h.page.locator('table.doc-table tbody tr').first().waitFor();
    expect(await h.page.locator('table.doc-table tbody tr').count()).toBe(5);
    await h.screenshot('documents');
  });

  it('shows the reason when an empty .txt is rejected', async () => {
    await upload('空白.txt', '');
    const error = h.page.locator('.upload-error');
    await error.waitFor({ timeout: 20_000 });
    expect(await error.innerText()).toContain('文件为空');
    await h.screenshot('upload-empty-error');
  });

  it('shows the reason when an .exe is rejected', async () => {
    await upload('setup.exe', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]), 'application/octet-stream');
    const error = h.page.locator('.upload-error');
    await expect.poll(() => error.innerText(), { timeout: 20_000 }).toContain('不支持的文件类型');
    expect(await error.innerText()).toContain('.exe');
    await h.screenshot('upload-exe-error');
  });

  it('ingests a report with markup and shows it literally, with no dialog', async () => {
    const { page } = h;
    await upload('红色物业报告.txt', REPORT);
    await page.locator('.status.success').waitFor({ timeout: 60_000 });
    const row = page.locator('table.doc-table tbody tr', { hasText: '红色物业' });
    await row.waitFor();
    expect(await page.locator('table.doc-table tbody tr').count()).toBe(6);
    await h.screenshot('upload-done');

    await row.locator('a').first().click();
    await page.waitForURL(/\/doc\//);
    const text = page.locator('.doc-text');
    await text.waitFor();
    expect(await text.innerText()).toContain(SCRIPT);
    // Text nodes only: no script element was created from the document.
    expect(await page.locator('.doc-text script').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    await h.screenshot('document-markup-literal');

    // It is searchable, and the passage shows the markup as text too.
    await page.goto(`${h.baseUrl}/?q=${encodeURIComponent('红色物业')}&mode=keyword`);
    const passage = page.locator('.passage', { hasText: 'alert(1)' }).first();
    await passage.waitFor({ timeout: 20_000 });
    expect(await passage.innerText()).toContain(SCRIPT);
    expect(dialogs).toEqual([]);
  });

  it('deletes a document after confirmation', async () => {
    const { page } = h;
    await page.goto(`${h.baseUrl}/documents`);
    const row = page.locator('table.doc-table tbody tr', { hasText: '红色物业' });
    await row.waitFor();
    await row.getByRole('button', { name: '删除' }).click();
    await expect.poll(() => page.locator('table.doc-table tbody tr').count(), { timeout: 20_000 }).toBe(5);
    expect(dialogs).toHaveLength(1);
    expect(dialogs[0]).toMatch(/^confirm: 确定删除/);
    expect(pageErrors()).toEqual([]);
  });
});
