/**
 * The two fields of a passage's keyword index, shared by the embedded BM25 index and the keyword
 * statistics the Neo4j store keeps, so both count the same terms: the passage's jieba tokens
 * (words), and the character bigrams of its CJK tokens (grams), which let a word jieba does not
 * know (牟辉 → 牟/辉) still match.
 */

const CJK = /[\u3400-\u9fff]/;

export function charBigrams(token: string): string[] {
  if (!CJK.test(token)) return [];
  if (token.length === 1) return [token];
  const grams: string[] = [];
  for (let i = 0; i + 1 < token.length; i++) grams.push(token.slice(i, i + 2));
  return grams;
}

export interface KeywordFields {
  words: string[];
  grams: string[];
}

/** A passage's fields from its stored tokens (space-joined jieba tokens). */
export function keywordFields(tokens: string): KeywordFields {
  const words = tokens.split(' ').filter(Boolean);
  return { words, grams: words.flatMap(charBigrams) };
}

/** The key of a term's document frequency: the field, then the term. */
export const statKey = (field: 'words' | 'grams', term: string) => `${field === 'words' ? 'w' : 'g'} ${term}`;

export interface KeywordStatsDelta {
  docs: number;
  words: number;
  grams: number;
  /** Per term key: how many of the passages hold the term. */
  terms: { key: string; df: number }[];
}

/** What adding (sign 1) or removing (sign -1) these passages changes in the keyword statistics. */
export function keywordStatsDelta(passageTokens: readonly string[], sign: 1 | -1): KeywordStatsDelta {
  const df = new Map<string, number>();
  let words = 0;
  let grams = 0;
  for (const tokens of passageTokens) {
    const fields = keywordFields(tokens);
    words += fields.words.length;
    grams += fields.grams.length;
    for (const key of new Set([...fields.words.map((t) => statKey('words', t)), ...fields.grams.map((g) => statKey('grams', g))])) {
      df.set(key, (df.get(key) ?? 0) + 1);
    }
  }
  return { docs: sign * passageTokens.length, words: sign * words, grams: sign * grams, terms: [...df].map(([key, n]) => ({ key, df: sign * n })) };
}
