/**
 * Joins the positioned text items of one PDF page into lines: a new line
 * starts when the baseline moves by more than half a text height (or pdf.js
 * marks an end of line); within a line a space is inserted only where a
 * visible gap separates two non-CJK words.
 *
 * pdf.js itself inserts a space into an item wherever glyphs are more than
 * ~0.1 em apart, so letter-spaced or justified Chinese comes out as
 * "党 建 引 领". In a line where most pairs of neighbouring CJK characters
 * are space-separated, those spaces are layout, not content, and are
 * removed; an occasional real space ("书记 牟辉") is kept, as are U+3000.
 */

export interface PositionedText {
  str: string;
  /** Baseline origin in PDF user space (transform[4], transform[5]). */
  x: number;
  y: number;
  width: number;
  height: number;
  hasEOL: boolean;
}

/** Characters after/before which no space is inserted: CJK, full-width forms, whitespace. */
const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uffef';
const NO_SPACE_CHAR = new RegExp(`[\\s${CJK}]`);
const SPACES_BETWEEN_CJK = new RegExp(`([${CJK}]) +(?=[${CJK}])`, 'g');
const TIGHT_CJK_PAIR = new RegExp(`[${CJK}](?=[${CJK}])`, 'g');

/** Removes the spaces between CJK characters of a letter-spaced line (more spaced pairs than tight ones). */
export function dropSpacesBetweenCjk(line: string): string {
  const spaced = line.match(SPACES_BETWEEN_CJK)?.length ?? 0;
  if (spaced === 0) return line;
  const tight = line.match(TIGHT_CJK_PAIR)?.length ?? 0;
  return spaced > tight ? line.replace(SPACES_BETWEEN_CJK, '$1') : line;
}

function needsSpace(before: string, after: string): boolean {
  const last = before.at(-1);
  const first = after[0];
  return last !== undefined && first !== undefined && !NO_SPACE_CHAR.test(last) && !NO_SPACE_CHAR.test(first);
}

/** Gap (as a share of the text height) that counts as a word break between items. */
const WORD_GAP = 0.2;
/** Baseline shift (as a share of the text height) that counts as a new line. */
const LINE_SHIFT = 0.5;

export function joinTextItems(items: PositionedText[]): string {
  const lines: string[] = [];
  let line = '';
  let lineY = 0;
  let lineEndX = 0;
  let lineHeight = 0;
  let pendingBreak = false;

  for (const item of items) {
    if (item.str === '') {
      if (item.hasEOL && line !== '') pendingBreak = true;
      continue;
    }
    const height = Math.max(item.height, lineHeight, 1);
    const moved = Math.abs(item.y - lineY) > LINE_SHIFT * height;
    if (line !== '' && (pendingBreak || moved)) {
      lines.push(dropSpacesBetweenCjk(line.trimEnd()));
      line = '';
    }
    if (line === '') {
      lineY = item.y;
      lineHeight = item.height;
    } else if (item.x - lineEndX > WORD_GAP * height && needsSpace(line, item.str)) {
      line += ' ';
    }
    line += item.str;
    lineEndX = item.x + item.width;
    pendingBreak = item.hasEOL;
  }
  if (line !== '') lines.push(dropSpacesBetweenCjk(line.trimEnd()));
  return lines.join('\n');
}
