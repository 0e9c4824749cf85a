import { describe, expect, it } from 'vitest';
import { tokenize } from '../../text/segment/index.js';
import { Bm25Index, charBigrams } from './Bm25Index.js';

const PASSAGES: [string, string][] = [
  ['jiuquan', '壮大网格工作力量，建立“1+3+X”网格力量体系，每个网格由1名专职网格员+3名兼职网格员+X名辅助网格员组成'],
  ['pingcheng', '第一步，推出“1+3+N”执法工作模式，即下沉街道1支执法队伍'],
  ['qingyuan', '清远街道创新“1+4+X”工作法解决基层治理力量单薄等均取得了较好的整改效果'],
  ['fuli', '西固区福利路街道党工委书记 牟辉 福利路街道党工委聚焦抓党建、抓治理、抓服务主责主业'],
];
const index = new Bm25Index(PASSAGES.map(([id, text]) => ({ id, tokens: tokenize(text) })));
const ids = (query: string) => index.search(tokenize(query), 10).map(([id]) => id);

describe('BM25 over jieba tokens', () => {
  it.each([
    ['1+3+X', ['jiuquan']],
    ['1+3+N', ['pingcheng']],
    ['1+4+X工作法', ['qingyuan']],
  ])('formula %s matches exactly', (query, expected) => {
    expect(ids(query).slice(0, expected.length)).toEqual(expected);
    if (query === '1+3+X') expect(ids(query)).not.toContain('pingcheng');
  });

  it('falls back to character bigrams for a word jieba splits (牟辉)', () => {
    expect(index.knows('牟辉')).toBe(false);
    expect(ids('牟辉')).toEqual(['fuli']);
  });

  it('forgets removed passages', () => {
    const local = new Bm25Index(PASSAGES.map(([id, text]) => ({ id, tokens: tokenize(text) })));
    local.remove(['jiuquan']);
    expect(local.search(tokenize('1+3+X'), 10)).toEqual([]);
    expect(local.size).toBe(3);
  });

  it('makes bigrams only of Chinese text', () => {
    expect(charBigrams('网格员')).toEqual(['网格', '格员']);
    expect(charBigrams('1+3+X')).toEqual([]);
  });
});
