/**
 * In-memory BM25 over jieba tokens, with character bigrams of CJK tokens as a second field so a
 * word jieba does not know (牟辉 → 牟/辉) still matches. Formula tokens (1+3+X) are matched
 * exactly as one term: 1+3+X never matches 1+3+N.
 */

import { charBigrams } from '../../graph/keywordTerms.js';
import { byScoreThenId, idf, scoringPlan, termScore } from './bm25.js';

export { charBigrams };

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
    const termIdf = idf(docCount, p.docs.length);
    const avg = this.totalLength / Math.max(1, docCount);
    for (let i = 0; i < p.docs.length; i++) {
      const doc = p.docs[i];
      into[doc] += termScore(weight, termIdf, p.freqs[i], this.lengths[doc], avg);
    }
  }
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
    for (const { field, term, weight } of scoringPlan(terms, weights, (t) => this.knows(t))) {
      (field === 'words' ? this.words : this.bigrams).score(term, this.ids.length, scores, weight);
    }
    const hits: [string, number][] = [];
    for (let i = 0; i < scores.length; i++) {
      if (scores[i] > 0 && !this.removed.has(i)) hits.push([this.ids[i], scores[i]]);
    }
    hits.sort(byScoreThenId);
    return hits.slice(0, limit);
  }
}
