/**
 * In-memory BM25 over jieba tokens, with character bigrams of CJK tokens as a second field so a
 * word jieba does not know (牟辉 → 牟/辉) still matches. Formula tokens (1+3+X) are matched
 * exactly as one term: 1+3+X never matches 1+3+N.
 */

const CJK = /[\u3400-\u9fff]/;
const K1 = 1.2;
const B = 0.75;

export interface KeywordDoc {
  id: string;
  tokens: string[];
}

interface Postings {
  docs: number[];
  freqs: number[];
}

class Field {
  readonly postings = new Map<string, Postings>();
  readonly lengths: number[] = [];
  totalLength = 0;

  add(docIndex: number, terms: string[]): void {
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, freq] of counts) {
      let p = this.postings.get(term);
      if (!p) this.postings.set(term, (p = { docs: [], freqs: [] }));
      p.docs.push(docIndex);
      p.freqs.push(freq);
    }
    this.lengths[docIndex] = terms.length;
    this.totalLength += terms.length;
  }

  score(term: string, docCount: number, into: Float64Array, weight: number): void {
    const p = this.postings.get(term);
    if (!p) return;
    const idf = Math.log(1 + (docCount - p.docs.length + 0.5) / (p.docs.length + 0.5));
    const avg = this.totalLength / Math.max(1, docCount);
    for (let i = 0; i < p.docs.length; i++) {
      const doc = p.docs[i];
      const tf = p.freqs[i];
      into[doc] += weight * idf * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * this.lengths[doc]) / avg)));
    }
  }
}

export function charBigrams(token: string): string[] {
  if (!CJK.test(token)) return [];
  if (token.length === 1) return [token];
  const grams: string[] = [];
  for (let i = 0; i + 1 < token.length; i++) grams.push(token.slice(i, i + 2));
  return grams;
}

export class Bm25Index {
  private readonly ids: string[] = [];
  private readonly removed = new Set<number>();
  private readonly words = new Field();
  private readonly bigrams = new Field();
  private readonly indexOf = new Map<string, number>();

  constructor(docs: KeywordDoc[] = []) {
    for (const doc of docs) this.add(doc);
  }

  get size(): number {
    return this.ids.length - this.removed.size;
  }

  add(doc: KeywordDoc): void {
    if (this.indexOf.has(doc.id)) this.remove([doc.id]);
    const index = this.ids.length;
    this.ids.push(doc.id);
    this.indexOf.set(doc.id, index);
    this.words.add(index, doc.tokens);
    this.bigrams.add(index, doc.tokens.flatMap(charBigrams));
  }

  remove(ids: string[]): void {
    for (const id of ids) {
      const index = this.indexOf.get(id);
      if (index === undefined) continue;
      this.removed.add(index);
      this.indexOf.delete(id);
    }
  }

  knows(term: string): boolean {
    return this.words.postings.has(term);
  }

  /**
   * Query terms found in the vocabulary score as words; unknown CJK terms fall back to their
   * bigrams at a lower weight. Returns [id, score] best first.
   */
  search(terms: string[], limit: number, weights: Map<string, number> = new Map()): [string, number][] {
    const scores = new Float64Array(this.ids.length);
    for (const term of new Set(terms)) {
      const weight = weights.get(term) ?? 1;
      if (this.words.postings.has(term)) this.words.score(term, this.ids.length, scores, weight);
      else for (const gram of charBigrams(term)) this.bigrams.score(gram, this.ids.length, scores, 0.5 * weight);
    }
    const hits: [string, number][] = [];
    for (let i = 0; i < scores.length; i++) {
      if (scores[i] > 0 && !this.removed.has(i)) hits.push([this.ids[i], scores[i]]);
    }
    hits.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return hits.slice(0, limit);
  }
}
