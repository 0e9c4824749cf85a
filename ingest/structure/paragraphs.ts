/** Content segments → paragraphs, undoing hard line breaks inside sentences. */
import { BlockBuilder, isAsciiAlnum } from './block.js';
import { endsWithFinal, headingInfoOf, leadPhrase, numbering } from './headings.js';
import { isFullLine } from './roles.js';
import type { Para, Seg } from './types.js';

/**
 * May `next` continue the paragraph whose last line is `last`?
 * Unwrapped text: when `last` does not end with sentence-final punctuation.
 * Hard-wrapped text (wrap > 0): when `last` fills the wrap width (even after `。`, since the
 * paragraph ends on a short line), or when an over-long line stops mid-sentence.
 * A numbered heading that fills the wrap width takes its tail (`…作用有效发` + `挥`).
 */
export function canJoin(role: Para['role'], last: Seg, next: Seg, wrap: number): boolean {
  if (next.role !== 'body') return false;
  const n = numbering(next.text);
  if (n && !n.weak) return false;
  if (role === 'body') {
    if (!wrap) return !endsWithFinal(last.text);
    if (isFullLine(last, wrap)) return true;
    return last.width > wrap + 3 && !endsWithFinal(last.text);
  }
  if (role === 'heading' && last.mdLevel === 0 && !last.bold) return isFullLine(last, wrap) && !endsWithFinal(last.text);
  return false;
}

function finish(b: BlockBuilder, first: Seg, role: Para['role']): Para {
  const block = b.build();
  const isHead = role === 'md' || role === 'heading' || role === 'plain';
  return {
    block,
    role,
    mdLevel: first.mdLevel,
    heading: isHead ? headingInfoOf(block.text, first.mdLevel, first.bold) : null,
    lead: role === 'body' ? leadPhrase(block.text) : null,
  };
}

export function buildParagraphs(segs: Seg[], wrap: number): Para[] {
  const out: Para[] = [];
  let b: BlockBuilder | null = null;
  let first: Seg | null = null;
  let last: Seg | null = null;
  let role: Para['role'] = 'body';
  const mode = (r: Para['role']) => (r === 'body' || r === 'closing' ? 'body' : 'title');
  for (const s of segs) {
    if (b && last && canJoin(role, last, s, wrap)) {
      // Chinese needs no space at a line join; two ASCII words do (synthetic space).
      if (isAsciiAlnum(b.lastChar()) && isAsciiAlnum(s.text[0])) b.push(' ', b.lastOffset() + 1);
      b.append(s.text, s.offs, mode(role));
      last = s;
      continue;
    }
    if (b && first && last && b.length) out.push(finish(b, first, role));
    b = new BlockBuilder();
    first = last = s;
    role = s.role;
    b.append(s.text, s.offs, mode(role));
  }
  if (b && first && last && b.length) out.push(finish(b, first, role));
  return out;
}
