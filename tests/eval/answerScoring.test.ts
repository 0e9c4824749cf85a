import { describe, expect, it } from 'vitest';
import type { Answer } from '../../search/schema.js';
import { containsValue, polarityOf, predictionsOf, scoreTypedAnswers, type TypedScoreInput } from './answerScoring.js';

const cite = { docId: 'd', file: 'f', start: 0, end: 1, text: 'x' };
const response = (answers: { name: string; detail?: string }[], rows: { name: string; values: string[] }[] = []): Answer => ({
  query: 'q',
  intent: 'metric',
  understanding: { entities: [], topic: [] },
  answers: answers.map((a, i) => ({ id: `a${i}`, type: 'metric', citations: [cite], ...a })),
  ...(rows.length
    ? { table: { columns: ['c'], rows: rows.map((r, i) => ({ entity: { id: `r${i}`, name: r.name }, cells: [{ values: r.values, citations: r.values.length ? [cite] : [] }] })) } }
    : {}),
  passages: [],
  summary: [],
});
const item = (over: Partial<TypedScoreInput>): TypedScoreInput => ({ answerType: 'place', expectedAnswers: [], ...over });

describe('containsValue', () => {
  it.each([
    ['受理率 91.2%', '91.2%', true],
    ['办结率87.6%', '7.6%', false],
    ['满意率 95%', '5%', false],
    ['163个网格', '63个', false],
    ['网格63个', '63个', true],
    ['由7天缩短为3天', '3天', true],
    ['缩短为13天', '3天', false],
    ['“1＋5＋X”模式', '1+5+x', true],
    ['湖南路街道', '湖南路街道', true],
    ['湖 南路\n街道', '湖南路街道', true],
    ['南路街道', '湖南路街道', false],
  ])('%s contains %s: %s', (haystack, wanted, result) => {
    expect(containsValue(haystack, wanted)).toBe(result);
  });
});

describe('polarityOf', () => {
  it.each([
    ['是', '是'], ['是的，丰宁街道推行了', '是'], ['有', '是'], ['Yes', '是'],
    ['否', '否'], ['不是', '否'], ['没有', '否'], ['No, it is 1+5+X', '否'],
    ['丰宁街道', null], ['1+5+X', null],
  ])('%s → %s', (text, polarity) => {
    expect(polarityOf(text)).toBe(polarity);
  });
});

describe('scoreTypedAnswers', () => {
  it('reads only names for place questions, so a detail mentioning the place does not count', () => {
    const answer = response([{ name: '1+5+X', detail: '丰宁街道采用' }]);
    expect(scoreTypedAnswers(item({ expectedAnswers: ['丰宁街道'] }), answer)).toMatchObject({ correct: 0, predicted: 1, matchedExpected: 0 });
    expect(scoreTypedAnswers(item({ answerType: 'number', expectedAnswers: ['丰宁街道'] }), answer)).toMatchObject({ correct: 1 });
  });

  it('reads details for number and role questions and flags the neighbouring rate as a trap', () => {
    const answer = response([{ name: '受理率', detail: '91.2%（运行以来）' }, { name: '办结率', detail: '87.6%（2025年）' }]);
    const score = scoreTypedAnswers(item({ answerType: 'number', expectedAnswers: ['91.2%'], traps: ['87.6%'] }), answer);
    expect(score).toMatchObject({ correct: 1, predicted: 2, matchedExpected: 1 });
    expect(score.trapNames).toEqual([{ prediction: '办结率 — 87.6%（2025年）', trap: '87.6%' }]);
    const role = response([{ name: '周婉清', detail: '马台街社区党委书记' }]);
    expect(scoreTypedAnswers(item({ answerType: 'role', expectedAnswers: ['党委书记'], traps: ['党工委书记'] }), role)).toMatchObject({ correct: 1, trapNames: [] });
  });

  it('counts a similar formula as a trap and as wrong, even when it is also in alsoAcceptable', () => {
    const answer = response([{ name: '湖南路街道' }, { name: '潘火街道' }, { name: '丰宁街道' }]);
    const score = scoreTypedAnswers(item({ expectedAnswers: ['湖南路街道'], alsoAcceptable: ['潘火街道', '丰宁街道'], traps: ['丰宁街道'] }), answer);
    expect(score).toMatchObject({ correct: 1, predicted: 2, neutralNames: ['潘火街道'], wrongNames: ['丰宁街道'] });
    expect(score.trapNames.map((t) => t.trap)).toEqual(['丰宁街道']);
  });

  it('scores compare-table rows that have values, with the values as the detail', () => {
    const answer = response([], [{ name: '新乐街道', values: ['调解成功率97.8%'] }, { name: '对湖街道', values: [] }]);
    expect(predictionsOf(answer)).toEqual([{ name: '新乐街道', detail: '调解成功率97.8%' }]);
    expect(scoreTypedAnswers(item({ answerType: 'compare', expectedAnswers: ['新乐街道', '对湖街道'] }), answer)).toMatchObject({ correct: 1, matchedExpected: 1, missing: ['对湖街道'] });
    expect(scoreTypedAnswers(item({ answerType: 'number', expectedAnswers: ['97.8%', '97.1%'] }), answer)).toMatchObject({ correct: 1, matchedExpected: 1 });
  });

  it('needs a polarity for yes/no questions; a bare entity does not answer them', () => {
    const yes = scoreTypedAnswers(item({ answerType: 'yes_no', expectedAnswers: ['是'] }), response([{ name: '是', detail: '湖南路街道建立了“三方联席会”' }]));
    expect(yes).toMatchObject({ correct: 1, matchedExpected: 1 });
    const bare = scoreTypedAnswers(item({ answerType: 'yes_no', expectedAnswers: ['是'] }), response([{ name: '湖南路街道', detail: '采用 三方联席会' }]));
    expect(bare).toMatchObject({ correct: 0, predicted: 1, missing: ['是'] });
    const wrong = scoreTypedAnswers(item({ answerType: 'yes_no', expectedAnswers: ['否'], traps: ['1+5+N'] }), response([{ name: '是', detail: '丰宁街道推行1+5+N' }]));
    expect(wrong).toMatchObject({ correct: 0, predicted: 1 });
    expect(wrong.trapNames).toHaveLength(1);
  });

  it('counts every prediction on an unanswerable question as wrong, and an empty response as right', () => {
    expect(scoreTypedAnswers(item({ answerType: 'none' }), response([{ name: '620人次' }]))).toMatchObject({ predicted: 1, correct: 0, expected: 0 });
    expect(scoreTypedAnswers(item({ answerType: 'none' }), response([]))).toMatchObject({ predicted: 0, expected: 0 });
  });
});
