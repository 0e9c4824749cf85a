import { describe, expect, it } from 'vitest';
import { findProtectedSpans, normalizeKey, normalizeWidth, segment, tokenize } from './index.js';

/**
 * Names that must come out of segmentation as one token (jieba alone splits every one of them).
 * Place names are not here: they are found from the national division list (text/extract/places),
 * not from a dictionary of the corpus's own places.
 */
const SINGLE_TOKENS: [sentence: string, token: string][] = [
  ['壮大网格工作力量，建立“1+3+X”网格力量体系', '1+3+X'],
  ['第一步，推出“1+3+N”执法工作模式，即下沉街道1支执法队伍', '1+3+N'],
  ['清远街道创新“1+4+X”工作法解决基层治理力量单薄', '1+4+X'],
  ['平城区在抓党建促基层治理能力提升专项行动推进中，形成了“两化三三三”工作法', '两化三三三'],
  ['“一网两访三为”探索基层治理新路径城关区', '一网两访三为'],
  ['西固区福利路街道党工委书记 牟辉', '党工委'],
  ['吸纳70名辖区企事业单位党组织书记担任街道“大工委”、社区“大党委”兼职委员', '大工委'],
  ['依托43名街道社区班子成员、749名网格员、65家“大工委”“大党委”成员单位', '网格员'],
];

describe('segment keeps governance names whole', () => {
  it.each(SINGLE_TOKENS)('%s → %s', (sentence, token) => {
    expect(segment(sentence).map((t) => t.word)).toContain(token);
  });

  it('gives offsets into the input text (words are width-normalized: ， becomes ,)', () => {
    const sentence = '壮大网格工作力量，建立“1+3+X”网格力量体系';
    for (const t of segment(sentence)) expect(normalizeWidth(sentence.slice(t.start, t.end)).replace(/\s+/g, '')).toBe(t.word);
  });

  it('treats full-width and half-width formulas alike, keeping offsets', () => {
    const fullWidth = '哪些街道采用了１＋３＋Ｘ网格力量体系？';
    const formula = segment(fullWidth).find((t) => t.word === '1+3+X')!;
    expect(fullWidth.slice(formula.start, formula.end)).toBe('１＋３＋Ｘ');
  });

  it('does not glue a quoted list into one name', () => {
    const spans = findProtectedSpans('“两化”即问题清单化、任务项目化；“问题清单化、任务项目化”');
    expect(spans.map((s) => s.end - s.start)).toEqual([2]);
  });
});

describe('tokenize (index and query time)', () => {
  it('drops punctuation and upper-cases ASCII so 1+3+x finds 1+3+X', () => {
    expect(tokenize('“1+3+x”网格力量体系。')).toEqual(['1+3+X', '网格', '力量', '体系']);
  });

  it('keeps 1+3+X and 1+3+N apart', () => {
    expect(tokenize('1+3+X')).not.toEqual(tokenize('1+3+N'));
  });

  // Regression (issue 11): jieba cut every digit and Latin letter apart (049 → 0, 4, 9).
  it.each([
    ['第049号文件', ['第', '049', '号', '文件']],
    ['拨打12345热线反映问题', ['拨打', '12345', '热线', '反映', '问题']],
    ['DROP TABLE', ['DROP', 'TABLE']],
    ['2023年增长12.5%', ['2023', '年', '增长', '12.5']],
    ['共服务1,234户居民', ['共', '服务', '1234', '户', '居民']],
    ['黔东南州编号QDN-2024-07的台账', ['黔东南州', '编号', 'QDN-2024-07', '的', '台账']],
    ['５Ｇ基站覆盖率', ['5G', '基站', '覆盖率']],
  ])('keeps numbers, codes and Latin words whole: %s', (text, tokens) => {
    expect(tokenize(text)).toEqual(tokens);
  });
});

describe('normalizeKey', () => {
  it.each([
    ['“1+3+X”', '1+3+X'],
    ['１＋３＋ｘ', '1+3+X'],
    ['xx 街道', 'XX街道'],
  ])('%s → %s', (input, key) => expect(normalizeKey(input)).toBe(key));
});
