/**
 * Drop exact repeats (extraction artefacts): a body line or paragraph of ≥ 20 clean chars
 * already seen anywhere earlier in the document, and a repeated heading whose content is
 * itself a repeat (`### 老年大学：聚焦需求提质量` printed twice with its paragraph).
 */
import type { Para, Seg } from './types.js';

export const MIN_DUP_CHARS = 20;

const key = (s: string): string => s.replace(/\s+/g, '');
const isBodyRole = (r: string): boolean => r === 'body' || r === 'closing';
const isHeadingRole = (r: string): boolean => r === 'md' || r === 'heading' || r === 'plain';

/** Line-level pass: catches repeats that would later be glued to different neighbours. */
export function dedupeSegs(segs: Seg[]): Seg[] {
  const seen = new Set<string>();
  const drop = new Uint8Array(segs.length);
  segs.forEach((s, i) => {
    if (!isBodyRole(s.role)) return;
    const k = key(s.text);
    if (k.length < MIN_DUP_CHARS) return;
    if (seen.has(k)) drop[i] = 1;
    else seen.add(k);
  });
  const headings = new Set<string>();
  segs.forEach((s, i) => {
    if (!isHeadingRole(s.role)) return;
    const k = key(s.text);
    if (headings.has(k) && i + 1 < segs.length && drop[i + 1]) drop[i] = 1;
    headings.add(k);
  });
  return segs.filter((_, i) => !drop[i]);
}

/** Paragraph-level pass over body paragraphs (same clean text seen earlier). */
export function dedupeParas(paras: Para[]): Para[] {
  const seen = new Set<string>();
  return paras.filter((p) => {
    if (!isBodyRole(p.role)) return true;
    const k = key(p.block.text);
    if (k.length < MIN_DUP_CHARS) return true;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
