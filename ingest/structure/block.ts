import type { CleanBlock } from './types.js';

const FULLWIDTH_PUNCT = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’…—·]/;

export function isWs(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u3000' || ch === '\u00a0' || ch === '\r' || ch === '\n' || ch === '\f' || ch === '\v';
}

export function isAsciiAlnum(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Whitespace policy. body: Chinese has no spaces between words, so keep a space only
 * between two ASCII alphanumerics. title: keep (collapsed) spaces except next to
 * full-width punctuation; titles like `村社结对共建 实现全街“一盘棋”` use them as separators.
 */
export type SpaceMode = 'body' | 'title';

export function keepSpace(prev: string | undefined, next: string | undefined, mode: SpaceMode): boolean {
  if (!prev || !next) return false;
  if (mode === 'body') return isAsciiAlnum(prev) && isAsciiAlnum(next);
  return !FULLWIDTH_PUNCT.test(prev) && !FULLWIDTH_PUNCT.test(next);
}

/** Normalise whitespace of a plain string with the same policy as BlockBuilder. */
export function normalizeSpaces(s: string, mode: SpaceMode): string {
  let out = '';
  let pending = false;
  for (const ch of s) {
    if (isWs(ch)) {
      pending = true;
      continue;
    }
    if (pending && keepSpace(out[out.length - 1], ch, mode)) out += ' ';
    pending = false;
    out += ch;
  }
  return out;
}

/** Accumulates clean characters together with their original offsets. */
export class BlockBuilder {
  private text = '';
  private offs: number[] = [];

  get length(): number {
    return this.offs.length;
  }

  lastChar(): string | undefined {
    return this.text ? this.text[this.text.length - 1] : undefined;
  }

  lastOffset(): number {
    return this.offs.length ? this.offs[this.offs.length - 1] : -1;
  }

  push(ch: string, off: number): void {
    this.text += ch;
    this.offs.push(off);
  }

  /** Append text whose chars sit at `offs` in the original, normalising whitespace runs. */
  append(text: string, offs: ArrayLike<number>, mode: SpaceMode): void {
    let pending = -1;
    let runStart = 0; // start of a run of plain chars copied in one go
    const flushRun = (end: number): void => {
      if (end <= runStart) return;
      this.text += text.slice(runStart, end);
      for (let k = runStart; k < end; k++) this.offs.push(offs[k]);
    };
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (isWs(ch)) {
        if (pending < 0) {
          flushRun(i);
          pending = i;
        }
        continue;
      }
      if (pending >= 0) {
        if (keepSpace(this.lastChar(), ch, mode)) this.push(text[pending], offs[pending]);
        pending = -1;
        runStart = i;
      }
    }
    if (pending < 0) flushRun(text.length);
  }

  build(): CleanBlock {
    const map = Int32Array.from(this.offs);
    const start = map.length ? map[0] : 0;
    const end = map.length ? map[map.length - 1] + 1 : 0;
    return { text: this.text, map, start, end };
  }
}

/** Concatenate blocks without separator (used to merge a title broken over two lines). */
export function concatBlocks(a: CleanBlock, b: CleanBlock): CleanBlock {
  const map = new Int32Array(a.map.length + b.map.length);
  map.set(a.map, 0);
  map.set(b.map, a.map.length);
  return { text: a.text + b.text, map, start: a.start, end: b.end };
}

/** original span of clean range [cs, ce) of a block */
export function toOriginalSpan(block: CleanBlock, cs: number, ce: number): { start: number; end: number } {
  if (ce <= cs) {
    const at = cs < block.map.length ? block.map[cs] : block.end;
    return { start: at, end: at };
  }
  return { start: block.map[cs], end: block.map[ce - 1] + 1 };
}
