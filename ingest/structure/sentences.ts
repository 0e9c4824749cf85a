/** Sentence ranges in clean text: split after 。！？；(plus closing quotes/brackets) and at newlines. */

const ENDERS = '。！？；!?;';
const CLOSERS = '”’」』）)》】"\'';

const isSpace = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\u3000' || ch === '\r' || ch === '\n';

export function splitSentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let s = 0;
  const push = (a: number, b: number): void => {
    while (a < b && isSpace(text[a])) a++;
    while (b > a && isSpace(text[b - 1])) b--;
    if (b > a) out.push({ start: a, end: b });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      push(s, i);
      s = i + 1;
    } else if (ENDERS.includes(ch)) {
      let j = i + 1;
      while (j < text.length && (ENDERS.includes(text[j]) || CLOSERS.includes(text[j]))) j++;
      push(s, j);
      s = j;
      i = j - 1;
    }
  }
  push(s, text.length);
  return out;
}

/**
 * Split one over-long range into pieces of at most `max` chars: after the last `，`/`、`/`：`
 * that fits, else a hard cut.
 */
export function splitLong(text: string, start: number, end: number, max: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let a = start;
  while (end - a > max) {
    let cut = -1;
    for (let i = a + max - 1; i > a + Math.floor(max / 3); i--) {
      if ('，、：,:'.includes(text[i])) {
        cut = i + 1;
        break;
      }
    }
    if (cut < 0) cut = a + max;
    out.push({ start: a, end: cut });
    a = cut;
  }
  if (end > a) out.push({ start: a, end });
  return out;
}
