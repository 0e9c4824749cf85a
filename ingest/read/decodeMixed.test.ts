/** Issue 11 (5): a file mixing UTF-8 and GBK lines is decoded part by part, or refused — never stored as mojibake. */
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeTextBytes, readDocumentFile } from './index.js';
import { corpusLines, TempDir } from './testing/fixtures.js';

const tmp = new TempDir();
afterAll(() => tmp.remove());

/** Corpus lines beside invented ones from other provinces. */
const LINES = [
  ...corpusLines.slice(0, 6),
  '广西壮族自治区桂林市秀峰区丽君街道推行“网格议事会”，每月召开一次。',
  '目录',
  '黑龙江省哈尔滨市道里区新阳路街道建立“红色驿站”，为外卖骑手提供休息场所。',
  '2023年共化解矛盾纠纷312件，群众满意率达到98.6%。',
];
const encodeLines = (lines: string[], encodingOf: (i: number) => string) =>
  Buffer.concat(lines.map((line, i) => iconv.encode(`${line}\n`, encodingOf(i))));
const expected = (lines: string[]) => lines.map((l) => `${l}\n`).join('');

describe('mixed UTF-8 and GBK lines', () => {
  it.each([
    ['first half UTF-8, second half GBK', (i: number) => (i < 5 ? 'utf-8' : 'gbk')],
    ['first half GBK, second half UTF-8', (i: number) => (i < 5 ? 'gbk' : 'utf-8')],
    ['alternating line by line', (i: number) => (i % 2 ? 'utf-8' : 'gbk')],
    ['one GBK paragraph pasted into a UTF-8 file', (i: number) => (i === 6 ? 'gbk' : 'utf-8')],
  ])('%s: every part decoded with its own encoding', async (_label, encodingOf) => {
    const file = tmp.write('mixed.txt', encodeLines(LINES, encodingOf));
    const result = await readDocumentFile(file, { maxBytes: 1 << 20 });
    expect(result.text).toBe(expected(LINES));
    expect(result.encoding).toBe(encodingOf(0) === 'utf-8' ? 'utf-8+gb18030' : 'gb18030+utf-8');
  });

  it('refuses a part that decodes to nothing readable, naming the file and the line', () => {
    const noise = Buffer.from([0x80, 0x81, 0x9f, 0xff, 0xfe, 0x85, 0x0a]);
    const bytes = Buffer.concat([encodeLines(LINES.slice(0, 3), () => 'utf-8'), noise, encodeLines(LINES.slice(3, 5), () => 'utf-8')]);
    expect(() => decodeTextBytes(bytes, '拼接.txt')).toThrow(
      expect.objectContaining({ code: 'FILE_UNDECODABLE', message: expect.stringMatching(/^拼接\.txt: 文件混用了多种文字编码.*第 4 行起/) }),
    );
  });

  it('refuses damaged UTF-8 instead of reading it as GB18030 mojibake', () => {
    const bytes = encodeLines(LINES, () => 'utf-8');
    const broken = Buffer.from(bytes);
    broken[bytes.indexOf(Buffer.from('丽君'))] = 0xff;
    expect(() => decodeTextBytes(broken, 'broken.txt')).toThrow(
      expect.objectContaining({ code: 'FILE_UNDECODABLE', message: expect.stringMatching(/^broken\.txt: 第 7 行是损坏的 UTF-8/) }),
    );
  });

  it('keeps whole-file GBK (with a 目录 line that is valid UTF-8 by accident) as before', () => {
    expect(decodeTextBytes(encodeLines(LINES, () => 'gbk'), 'gbk.txt')).toEqual({ text: expected(LINES), encoding: 'gb18030' });
  });
});
