import { describe, expect, it } from 'vitest';
import { BIGRAM_PREFIX, bigramKeyOfTerm, bigramTerm, forEachTerm, normalizeToken, TermIndex } from './terms.js';

function terms(tokens: string[], text: string): string[] {
  const out: string[] = [];
  forEachTerm(tokens, text, true, { word: (w) => out.push(w), bigram: (k) => out.push(bigramTerm(k)) });
  return out;
}

describe('corpus terms', () => {
  it.each([
    ['物业', '物业'],
    [' APP ', 'app'],
    ['，', null],
    ['  ', null],
    ['2023', null],
    ['15.7%', null],
    ['5G', '5g'],
  ])('normalizeToken(%j) = %j', (token, expected) => {
    expect(normalizeToken(token)).toBe(expected);
  });

  it('adds Han bigrams within runs only, in their own namespace', () => {
    expect(terms(['红色', '物业', '，', 'APP'], '红色物业，APP')).toEqual([
      '红色',
      '物业',
      'app',
      `${BIGRAM_PREFIX}红色`,
      `${BIGRAM_PREFIX}色物`,
      `${BIGRAM_PREFIX}物业`,
    ]);
  });

  it('handles characters outside the basic plane', () => {
    const text = '𠀀𠀁中';
    expect(terms([], text)).toEqual([`${BIGRAM_PREFIX}𠀀𠀁`, `${BIGRAM_PREFIX}𠀁中`]);
    expect(bigramTerm(bigramKeyOfTerm(`${BIGRAM_PREFIX}𠀁中`)!)).toBe(`${BIGRAM_PREFIX}𠀁中`);
  });

  it('looks up words and bigrams by vocabulary id, skipping unknown terms', () => {
    const index = new TermIndex(['物业', `${BIGRAM_PREFIX}物业`, '服务']);
    expect(index.ids(['物业', '管理'], '物业管理', true)).toEqual([0, 1]);
    expect(index.ids(['物业', '管理'], '物业管理', false)).toEqual([0]);
  });
});
