/**
 * Length-preserving normalization: full-width ASCII (＋, １, Ｘ) to half-width, ideographic
 * space to space. Keeping the length equal keeps every offset valid in the original text.
 */
export function normalizeWidth(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += text[i];
  }
  return out;
}

/** Normalized comparison key: width-folded, quotes and spaces removed, upper-case ASCII. */
export function normalizeKey(name: string): string {
  return normalizeWidth(name)
    .replace(/[“”"'‘’「」『』《》〈〉\s]/g, '')
    .toUpperCase();
}
