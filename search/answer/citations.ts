import type { EvidenceWithText, PassageRecord } from '../../graph/model.js';
import type { Citation } from '../schema.js';

export type FileOf = (docId: string) => string;

export function toCitation(evidence: EvidenceWithText, fileOf: FileOf): Citation {
  return { docId: evidence.docId, file: fileOf(evidence.docId), start: evidence.start, end: evidence.end, text: evidence.text };
}

export function uniqueCitations(citations: Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => {
    const key = `${c.docId}:${c.start}:${c.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The sentence of a passage that shares most terms with the question, cited in the original text.
 * Sentences are cut in the original slice, so the offsets are exact.
 */
export function bestSentence(passage: PassageRecord, documentText: string, terms: string[], fileOf: FileOf): Citation | null {
  const original = documentText.slice(passage.start, passage.end);
  let best: { start: number; end: number; score: number } | null = null;
  const sentence = /[^。！？；\n]+[。！？；]?/g;
  for (const match of original.matchAll(sentence)) {
    const text = match[0].trim();
    if (text.length < 8) continue;
    const score = terms.reduce((s, t) => s + (text.includes(t) ? t.length : 0), 0);
    if (!best || score > best.score) {
      const start = match.index! + match[0].indexOf(text);
      best = { start, end: start + text.length, score };
    }
  }
  if (!best) return null;
  const start = passage.start + best.start;
  const end = passage.start + best.end;
  return { docId: passage.docId, file: fileOf(passage.docId), start, end, text: documentText.slice(start, end) };
}
