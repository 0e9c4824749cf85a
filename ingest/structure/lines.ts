/** Raw lines of the original text, and the measurements used to undo hard line breaks. */

export interface RawLine {
  index: number;
  /** Original offset of the first char of the line. */
  start: number;
  /** Original offset just past the line content (excludes `\n` and a trailing `\r`). */
  end: number;
  text: string;
}

export function splitLines(original: string): RawLine[] {
  const lines: RawLine[] = [];
  let start = 0;
  const n = original.length;
  while (start <= n) {
    let nl = original.indexOf('\n', start);
    if (nl < 0) nl = n;
    let end = nl;
    if (end > start && original.charCodeAt(end - 1) === 13) end--;
    lines.push({ index: lines.length, start, end, text: original.slice(start, end) });
    start = nl + 1;
  }
  return lines;
}

/** Visual width: ASCII counts half a CJK cell. */
export function visualWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) w += s.charCodeAt(i) < 128 ? 0.5 : 1;
  return w;
}

/**
 * Width at which a PDF extraction hard-wrapped body lines (e.g. 28 cells in a research
 * paper), or 0 when lines are not wrapped. A document counts as wrapped when at least
 * 20 medium-length lines exist and half of them sit within ±1 of the most common width.
 */
export function detectWrapWidth(widths: number[]): number {
  const m = widthMode(widths);
  return m.total >= 20 && m.near / m.total >= 0.5 ? m.mode : 0;
}

/**
 * Weaker signal for partly wrapped documents (speeches whose opening paragraph is wrapped
 * at ~33 cells): the most common medium width when at least 8 lines sit within ±1 of it
 * and they make a quarter of such lines; 0 otherwise.
 */
export function detectSoftWrapWidth(widths: number[]): number {
  const m = widthMode(widths);
  return m.near >= 8 && m.near / m.total >= 0.25 ? m.mode : 0;
}

function widthMode(widths: number[]): { mode: number; near: number; total: number } {
  const hist = new Map<number, number>();
  let total = 0;
  for (const w of widths) {
    if (w < 15 || w > 80) continue;
    const r = Math.round(w);
    hist.set(r, (hist.get(r) ?? 0) + 1);
    total++;
  }
  let mode = 0;
  let best = 0;
  for (const [w, c] of hist) if (c > best || (c === best && w > mode)) [mode, best] = [w, c];
  const near = best + (hist.get(mode - 1) ?? 0) + (hist.get(mode + 1) ?? 0);
  return { mode, near, total };
}
