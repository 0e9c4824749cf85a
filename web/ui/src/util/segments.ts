/**
 * Cuts a document's text into render pieces: plain text, entity mentions and article anchors,
 * with the cited span [start, end) kept as one region so it renders as a single <mark>.
 */

export interface Mention {
  entityId: string;
  entityName: string;
  entityType: string;
  start: number;
  end: number;
}

export type Piece =
  | { kind: 'text'; start: number; text: string }
  | { kind: 'mention'; start: number; text: string; mention: Mention }
  | { kind: 'anchor'; start: number; id: string };

export interface Regions {
  before: Piece[];
  cited: Piece[] | null;
  after: Piece[];
}

/** Mentions in text order with overlaps dropped (the earlier, then longer, one wins). */
export function nonOverlapping(mentions: Mention[], length: number): Mention[] {
  const sorted = mentions
    .filter((m) => m.start >= 0 && m.end <= length && m.end > m.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Mention[] = [];
  let reach = 0;
  for (const m of sorted) {
    if (m.start < reach) continue;
    kept.push(m);
    reach = m.end;
  }
  return kept;
}

function plain(text: string, from: number, to: number, anchors: { at: number; id: string }[], out: Piece[]): void {
  let cursor = from;
  for (const anchor of anchors) {
    if (anchor.at < from || anchor.at >= to) continue;
    if (anchor.at > cursor) out.push({ kind: 'text', start: cursor, text: text.slice(cursor, anchor.at) });
    out.push({ kind: 'anchor', start: anchor.at, id: anchor.id });
    cursor = anchor.at;
  }
  if (to > cursor) out.push({ kind: 'text', start: cursor, text: text.slice(cursor, to) });
}

function range(text: string, from: number, to: number, mentions: Mention[], anchors: { at: number; id: string }[]): Piece[] {
  const out: Piece[] = [];
  let cursor = from;
  for (const m of mentions) {
    if (m.end <= from || m.start >= to) continue;
    const start = Math.max(m.start, from);
    const end = Math.min(m.end, to);
    plain(text, cursor, start, anchors, out);
    out.push({ kind: 'mention', start, text: text.slice(start, end), mention: m });
    cursor = end;
  }
  plain(text, cursor, to, anchors, out);
  return out;
}

export function segmentDocument(
  text: string,
  mentions: Mention[],
  anchors: { at: number; id: string }[],
  span: { start: number; end: number } | null,
): Regions {
  const kept = nonOverlapping(mentions, text.length);
  const sortedAnchors = [...anchors].sort((a, b) => a.at - b.at);
  if (!span) return { before: range(text, 0, text.length, kept, sortedAnchors), cited: null, after: [] };
  const start = Math.max(0, Math.min(span.start, text.length));
  const end = Math.max(start, Math.min(span.end, text.length));
  return {
    before: range(text, 0, start, kept, sortedAnchors),
    cited: range(text, start, end, kept, sortedAnchors),
    after: range(text, end, text.length, kept, sortedAnchors),
  };
}

/** `?start=12&end=40` → the span, or null when absent or invalid. */
export function spanFromQuery(query: URLSearchParams): { start: number; end: number } | null {
  const start = Number(query.get('start'));
  const end = Number(query.get('end'));
  if (!query.has('start') || !query.has('end') || !Number.isInteger(start) || !Number.isInteger(end) || end <= start || start < 0) return null;
  return { start, end };
}
