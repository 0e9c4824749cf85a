import { afterAll, describe, expect, it } from 'vitest';
import { readDocumentFile } from '../../../ingest/read/index.js';
import { buildPdf } from '../../../ingest/read/testing/buildPdf.js';
import { TempDir } from '../../../ingest/read/testing/fixtures.js';
import { pageAt, pageMap } from './pages.js';

const tmp = new TempDir();
afterAll(() => tmp.remove());

describe('pageMap / pageAt', () => {
  it('names the page of text read from a real PDF without printed page numbers', async () => {
    const pages = [['Grid governance report', 'First page text'], ['Second page text'], ['Third page text']];
    const { text } = await readDocumentFile(tmp.write('pages.pdf', buildPdf({ font: 'helvetica', pages, title: 'Pages' })), { maxBytes: 1 << 20 });
    const map = pageMap(text)!;
    expect(pageAt(map, text.indexOf('First page'))).toBe(1);
    expect(pageAt(map, text.indexOf('Second page'))).toBe(2);
    expect(pageAt(map, text.indexOf('Third page'))).toBe(3);
  });

  it('counts form feeds in a PDF text layer', () => {
    const text = '第一页的内容\f第二页的内容\f第三页';
    const map = pageMap(text)!;
    expect(pageAt(map, 0)).toBe(1);
    expect(pageAt(map, text.indexOf('第二页'))).toBe(2);
    expect(pageAt(map, text.indexOf('第三页'))).toBe(3);
  });

  it('reads printed footers: a footer closes the page it numbers', () => {
    const text = ['宁波市海曙区推行“网格议事”。', '— 2 —', '★', '每个网格配备专职网格员。', '★  — 3 —', '群众满意率达96%。'].join('\n');
    const map = pageMap(text)!;
    expect(pageAt(map, text.indexOf('宁波市'))).toBe(2);
    expect(pageAt(map, text.indexOf('每个网格'))).toBe(3);
    expect(pageAt(map, text.indexOf('群众满意率'))).toBe(4);
  });

  it('gives no pages for text without page breaks or with a single footer', () => {
    expect(pageMap('没有页码的文本。\n第二段。')).toBeNull();
    expect(pageMap('正文\n— 1 —\n正文')).toBeNull();
  });

  it('ignores numbers that go backwards (an article restarting its own count)', () => {
    const text = ['甲', '— 5 —', '乙', '— 6 —', '丙', '— 1 —', '丁'].join('\n');
    const map = pageMap(text)!;
    expect(map.ends.map((e) => e.page)).toEqual([5, 6]);
    expect(pageAt(map, text.indexOf('丁'))).toBe(7);
  });
});
