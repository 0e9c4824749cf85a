import type { Span } from '../../graph/model.js';

/**
 * Spans that must survive segmentation as one token: formula names (1+3+X, 1+13+N, 1333 inside
 * quotes) and short quoted practice names (“一网两访三为”). Input must be width-normalized.
 */
const FORMULA = /\d+(?:\s*\+\s*(?:\d+|[A-Za-z]))+|[A-Za-z]\s*\+\s*\d+(?:\s*\+\s*(?:\d+|[A-Za-z]))*/g;
const QUOTED = /“([^“”\n，。；：！？,]{2,12})”/g;

export function findProtectedSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(FORMULA)) spans.push({ start: m.index!, end: m.index! + m[0].length });
  for (const m of text.matchAll(QUOTED)) {
    const inner = m[1];
    // A quoted list (“问题清单化、任务项目化”) is several terms, not one name.
    if (inner.includes('、')) continue;
    spans.push({ start: m.index! + 1, end: m.index! + 1 + inner.length });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) continue;
    merged.push(span);
  }
  return merged;
}
