/** Issue 11 (1): what a file expands to while it is read is limited — zip bombs, deep HTML, huge PDF text layers. */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteGraphStore } from '../../graph/sqlite/SqliteGraphStore.js';
import { ingestPaths } from '../pipeline/ingestFiles.js';
import { readDocumentFile } from './index.js';
import { buildDocx } from './testing/buildDocx.js';
import { buildPdf } from './testing/buildPdf.js';
import { TempDir } from './testing/fixtures.js';

const tmp = new TempDir();
afterAll(() => tmp.remove());
const MiB = 1024 * 1024;
const LIMIT = { maxBytes: 50 * MiB };

const HEAD = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>';
const TAIL = '</w:t></w:r></w:p></w:body></w:document>';

/** A valid .docx whose document.xml holds `mib` MiB of one repeated character: it deflates about 1000:1. */
async function zipBomb(mib: number): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await buildDocx(['placeholder']));
  zip.file('word/document.xml', HEAD + '治'.repeat(Math.floor((mib * MiB) / 3)) + TAIL);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** The same bomb with every declared uncompressed size rewritten to 1 KiB, as a hostile tool would. */
function lyingAboutSizes(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  for (let i = 0; i + 46 <= out.length; i++) {
    if (out.readUInt32LE(i) === 0x02014b50) out.writeUInt32LE(1024, i + 24);
    if (out.readUInt32LE(i) === 0x04034b50) out.writeUInt32LE(1024, i + 22);
  }
  return out;
}

describe('zip bombs in .docx', () => {
  it('refuses a .docx whose XML inflates past the default budget, before inflating it, naming the file', async () => {
    const bomb = await zipBomb(48);
    expect(bomb.length).toBeLessThan(MiB);
    const file = tmp.write('炸弹.docx', bomb);
    const read = readDocumentFile(file, LIMIT);
    await expect(read).rejects.toMatchObject({ name: 'FileError', code: 'FILE_TOO_COMPLEX', file });
    await expect(read).rejects.toThrow(/^.*炸弹\.docx: 解压后的文档内容声明为 48 MiB，超过 32 MiB 的上限/);
  });

  it('stops inflating at the budget when the ZIP lies about its sizes', async () => {
    const file = tmp.write('liar.docx', lyingAboutSizes(await zipBomb(8)));
    const read = readDocumentFile(file, { ...LIMIT, maxExpandedBytes: 2 * MiB });
    await expect(read).rejects.toMatchObject({ code: 'FILE_TOO_COMPLEX', message: expect.stringMatching(/liar\.docx: .*实际解压超过声明大小/) });
  });

  it('still reads an ordinary .docx under a small budget', async () => {
    const file = tmp.write('ok.docx', await buildDocx(['浙江省湖州市安吉县余村', '余村推行“两山”议事会，村民共商村务。']));
    const result = await readDocumentFile(file, { ...LIMIT, maxExpandedBytes: 64 * 1024 });
    expect(result.text).toContain('两山');
  });

  it('the ingest pipeline (CLI and uploads alike) fails the bomb alone and stores the other file', async () => {
    const dir = path.join(tmp.dir, 'mixed');
    fs.mkdirSync(dir);
    tmp.write('mixed/炸弹.docx', await zipBomb(40));
    tmp.write('mixed/good.txt', '江苏省苏州市姑苏区平江街道简报\n\n平江街道推行“平江管家”服务，每个片区配备一名管家。\n');
    const store = new SqliteGraphStore(path.join(tmp.dir, 'graph.sqlite'));
    try {
      const outcomes = await ingestPaths([dir], store, { maxFileBytes: LIMIT.maxBytes, baseDir: dir });
      expect(outcomes.map((o) => [o.file, o.status, o.code ?? null])).toEqual([
        ['good.txt', 'inserted', null],
        ['炸弹.docx', 'failed', 'FILE_TOO_COMPLEX'],
      ]);
      expect((await store.stats()).documents).toBe(1);
    } finally {
      await store.close();
    }
  });
});

describe('deeply nested HTML', () => {
  it('refuses 200,000 nested tags quickly, naming the file', async () => {
    const html = '<html><body>' + '<div>'.repeat(200_000) + '深层' + '</div>'.repeat(200_000) + '</body></html>';
    const file = tmp.write('nested.html', html);
    const read = readDocumentFile(file, LIMIT);
    await expect(read).rejects.toMatchObject({ code: 'FILE_TOO_COMPLEX', message: `${file}: HTML 元素嵌套超过 512 层，超出读取限制，已拒绝` });
  });

  it('counts unclosed tags too', async () => {
    const file = tmp.write('unclosed.htm', '<body>' + '<font>'.repeat(1000) + '未闭合');
    await expect(readDocumentFile(file, LIMIT)).rejects.toMatchObject({ code: 'FILE_TOO_COMPLEX' });
  });

  it('reads a page nested 100 deep, with void elements and many siblings', async () => {
    const inner = '<p>社区议事<br>协商<img src="x.png"></p>'.repeat(2000);
    const file = tmp.write('fine.html', '<html><body>' + '<div>'.repeat(100) + inner + '</div>'.repeat(100) + '</body></html>');
    const result = await readDocumentFile(file, { ...LIMIT, maxHtmlDepth: 110 });
    expect(result.text).toContain('社区议事');
  });
});

describe('PDF text layer', () => {
  it('stops at the budget, naming the file and the page', async () => {
    const page = Array.from({ length: 40 }, (_, i) => `Line ${i} of a long generated report about grid governance.`);
    const file = tmp.write('long.pdf', buildPdf({ font: 'helvetica', pages: Array.from({ length: 6 }, () => page) }));
    await expect(readDocumentFile(file, { ...LIMIT, maxExpandedBytes: 8 * 1024 })).rejects.toMatchObject({
      code: 'FILE_TOO_COMPLEX',
      message: expect.stringMatching(/long\.pdf: PDF 文字层超过 8 KiB 的上限（读到第 2 页），已拒绝$/),
    });
    expect((await readDocumentFile(file, LIMIT)).text).toContain('Line 39');
  });
});
