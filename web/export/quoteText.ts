/**
 * What a reader sees of a cited span: the original slice without the artefacts of PDF and web
 * extraction — hard line breaks joined, Markdown marks (`###`, `**`) and page markers (`— 3 —`, `★`)
 * dropped. Pure and dependency-free, so the UI bundle and the exports share it; the citation's
 * start/end stay on the original text, and `offsets` maps every shown character back to it.
 */

export interface CleanText {
  /** Paragraphs separated by a single '\n'. */
  text: string;
  /** offsets[i] = index in the original of text[i] (a paragraph break maps to the line break it replaces). */
  offsets: number[];
}

/** A line that is only a page number: `— 2 — ★`, `★  — 13 —`, `- 3 -`, `第 3 页`, `★`. */
const PAGE_MARKER_LINE = [
  /^[★☆\s]*[—–\-－―─]{1,3}\s*\d{1,4}\s*[—–\-－―─]{1,3}[\s★☆]*$/,
  /^[★☆\s]*第\s*\d{1,4}\s*页(\s*[/／]?\s*共?\s*\d{1,4}\s*页?)?[\s★☆]*$/,
  /^[★☆]\s*\d{1,4}$|^\d{1,4}\s*[★☆]$/,
  /^[★☆\s]+$/,
];

export function isPageMarkerLine(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= 24 && PAGE_MARKER_LINE.some((re) => re.test(t));
}

/** A page marker inside a line, between a line's text and the next (PDF footers glued to text). */
const INLINE_MARKER = /[★☆]?\s*[—–－―─]{1,2}\s*\d{1,4}\s*[—–－―─]{1,2}\s*[★☆]?|[★☆]/g;
const PAID = /##paid(?:begin|end)##/gi;
/** Emphasis marks: `**bold**`, `__bold__` (a lone * or _ may be content: 1*2, file_name). */
const EMPHASIS = /\*\*|__/g;
/** Heading marks that slipped inside a line (a single # may be content: #1). */
const INNER_HASHES = /#{2,6}[ \t\u3000]*/g;
const HEADING = /^[ \t\u3000]*(#{1,6})[ \t\u3000]+/;
const QUOTE_MARK = /^[ \t\u3000]*>[ \t\u3000]?/;
const BULLET = /^[ \t\u3000]*[-*+][ \t\u3000]+/;

/** Punctuation after which a line break is a paragraph end, not a wrap. */
const SENTENCE_END = /[。！？!?；;：:…]$|[。！？!?]["”’」』）)]$/;
/** Lines that open a section: `一、`, `（二）`, `1.`, `第三章`, `其一，` stay on their own line when they end without punctuation. */
const ENUMERATION = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.．、]\s*\S|第[一二三四五六七八九十\d]+[章节部分篇条])/;
/** A wrapped line is at least this long; shorter lines without end punctuation are titles or bylines. */
const MIN_WRAPPED = 18;

const isAsciiWord = (ch: string | undefined) => ch !== undefined && /[A-Za-z0-9]/.test(ch);

interface Line {
  /** Kept characters of the line with their original offsets. */
  chars: string[];
  offs: number[];
  heading: boolean;
  /** Offset of the line break that ends it (or the text length). */
  breakAt: number;
}

/** Removes `re`'s matches from a line (chars/offs in parallel). */
function strip(line: { chars: string[]; offs: number[] }, re: RegExp): void {
  const text = line.chars.join('');
  const keep = new Array<boolean>(line.chars.length).fill(true);
  let any = false;
  for (const m of text.matchAll(re)) {
    for (let k = m.index; k < m.index + m[0].length; k++) keep[k] = false;
    any = true;
  }
  if (!any) return;
  line.chars = line.chars.filter((_, k) => keep[k]);
  line.offs = line.offs.filter((_, k) => keep[k]);
}

function stripPrefix(line: { chars: string[]; offs: number[] }, re: RegExp): boolean {
  const m = re.exec(line.chars.join(''));
  if (!m) return false;
  line.chars = line.chars.slice(m[0].length);
  line.offs = line.offs.slice(m[0].length);
  return true;
}

function trimLine(line: { chars: string[]; offs: number[] }): void {
  let a = 0;
  let b = line.chars.length;
  while (a < b && /\s/.test(line.chars[a] ?? '')) a++;
  while (b > a && /\s/.test(line.chars[b - 1] ?? '')) b--;
  line.chars = line.chars.slice(a, b);
  line.offs = line.offs.slice(a, b);
}

/** Chinese punctuation a space never stands next to. */
const TIGHT_PUNCT = /[，。、：；！？（）《》【】〔〕…—,.;:!?()]/;

/** Collapses whitespace runs inside a line to one space, none next to Chinese punctuation. */
function squeezeSpaces(line: { chars: string[]; offs: number[] }): void {
  const chars: string[] = [];
  const offs: number[] = [];
  for (let k = 0; k < line.chars.length; k++) {
    const ch = line.chars[k] ?? '';
    if (/\s/.test(ch)) {
      const prev = chars[chars.length - 1];
      let next = k + 1;
      while (next < line.chars.length && /\s/.test(line.chars[next] ?? '')) next++;
      const after = line.chars[next];
      if (prev !== undefined && after !== undefined && !TIGHT_PUNCT.test(prev) && !TIGHT_PUNCT.test(after)) {
        chars.push(' ');
        offs.push(line.offs[k] ?? 0);
      }
      k = next - 1;
      continue;
    }
    chars.push(ch);
    offs.push(line.offs[k] ?? 0);
  }
  line.chars = chars;
  line.offs = offs;
}

function splitLines(original: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = original.indexOf('\n', start);
    const end = nl < 0 ? original.length : nl;
    const raw = original.slice(start, end);
    if (!isPageMarkerLine(raw)) {
      const line = { chars: [...raw], offs: [] as number[], heading: false, breakAt: end };
      // [...raw] splits by code point: offsets advance by each code point's UTF-16 length.
      let at = start;
      for (const ch of line.chars) {
        line.offs.push(at);
        at += ch.length;
      }
      strip(line, PAID);
      line.heading = stripPrefix(line, HEADING);
      stripPrefix(line, QUOTE_MARK);
      stripPrefix(line, BULLET);
      strip(line, EMPHASIS);
      strip(line, INNER_HASHES);
      strip(line, INLINE_MARKER);
      trimLine(line);
      squeezeSpaces(line);
      if (line.chars.length) lines.push(line);
    }
    if (nl < 0) break;
    start = nl + 1;
  }
  return lines;
}

/** The width lines are wrapped at, when at least two lines (besides the last) share the longest length (±2). */
function wrapWidth(lines: Line[]): number | null {
  const lengths = lines.slice(0, -1).map((l) => l.chars.length).filter((n) => n >= MIN_WRAPPED);
  if (lengths.length < 2) return null;
  const max = Math.max(...lengths);
  return lengths.filter((n) => n >= max - 2).length >= 2 ? max : null;
}

/** True when the break after `line` is a wrap inside a paragraph. */
function isWrap(line: Line, next: Line, first: boolean, width: number | null): boolean {
  if (line.heading || next.heading) return false;
  const text = line.chars.join('');
  if (SENTENCE_END.test(text)) return false;
  if (ENUMERATION.test(text) && (width === null || line.chars.length < width - 2)) return false;
  if (line.chars.length >= MIN_WRAPPED) return true;
  // A span usually starts inside a wrapped line: its first line is a short tail of it.
  return first && width !== null;
}

/** The cleaned text of an original slice, paragraphs on their own lines. */
export function cleanQuote(original: string): CleanText {
  const lines = splitLines(original);
  const width = wrapWidth(lines);
  const chars: string[] = [];
  const offsets: number[] = [];
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    if (prev) {
      const wrap = isWrap(prev, line, i === 1, width);
      if (!wrap) {
        chars.push('\n');
        offsets.push(prev.breakAt);
      } else if (isAsciiWord(prev.chars[prev.chars.length - 1]) && isAsciiWord(line.chars[0])) {
        chars.push(' ');
        offsets.push(prev.breakAt);
      }
    }
    chars.push(...line.chars);
    offsets.push(...line.offs);
  });
  return { text: chars.join(''), offsets };
}

/** The cleaned text on one line (tooltips, footnotes, table cells). */
export function quoteLine(original: string): string {
  return cleanQuote(original)
    .text.split('\n')
    .reduce((out, para) => (out && isAsciiWord(out[out.length - 1]) && isAsciiWord(para[0]) ? `${out} ${para}` : out + para), '');
}

/**
 * The text in quotation marks without doubling them: a quote that already starts or ends with
 * “ ” (a cited slogan) is set in 「」 instead of becoming ““…””.
 */
export function quoted(text: string): string {
  return /^[“"「]|[”"」]$/.test(text) ? `「${text}」` : `“${text}”`;
}
