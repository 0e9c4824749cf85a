/**
 * Role of each content segment (markdown heading, numbered heading, bare title line, byline,
 * closing line or body), decided from the line itself and its neighbours.
 */
import { isByline, isClosingLine, isOrgByline } from './bylines.js';
import { endsWithFinal, isStandaloneNumbered, looksLikeBareHeading } from './headings.js';
import { detectSoftWrapWidth, detectWrapWidth } from './lines.js';
import type { Seg } from './types.js';

const plainWidths = (segs: Seg[]): number[] => segs.filter((s) => s.mdLevel === 0 && !s.bold).map((s) => s.width);

/** Wrap width of the document's body lines (0 = not hard-wrapped). */
export function wrapWidthOf(segs: Seg[]): number {
  return detectWrapWidth(plainWidths(segs));
}

/** Is `s` a line whose text runs on into the next line? */
export function isFullLine(s: Seg, wrap: number): boolean {
  return wrap > 0 && s.width >= wrap - 3 && s.width <= wrap + 3;
}

/** A body (or numbered-heading) line that stops mid-sentence, so the next line continues it. */
function isCut(p: Seg, wrap: number, longLine: number): boolean {
  if (endsWithFinal(p.text)) return false;
  if (p.role === 'body') return wrap ? p.width >= wrap - 3 : p.width > longLine;
  if (p.role === 'heading' && p.mdLevel === 0 && !p.bold) return isFullLine(p, wrap);
  return false;
}

function firstClauseLength(text: string): number {
  const i = text.search(/[，。；：！？、,;:!?]/);
  return i < 0 ? Infinity : i;
}

const balanced = (t: string): boolean =>
  (t.match(/“/g)?.length ?? 0) === (t.match(/”/g)?.length ?? 0) && (t.match(/[（(]/g)?.length ?? 0) === (t.match(/[）)]/g)?.length ?? 0);

/**
 * A bare line with a comma (`以“矛盾处置闭环”聚焦基层治理“微循环”，不断强化…路径`) is a heading
 * only if the line before ended its sentence, its quotes are balanced, and the next line
 * does not look like the rest of a cut phrase (starting with a quote: `“一盘棋”架构，…`).
 */
function commaHeadingOk(s: Seg, p: Seg | undefined, n: Seg | undefined): boolean {
  if (p && p.role === 'body' && !endsWithFinal(p.text)) return false;
  if (!balanced(s.text)) return false;
  return !n || !/^[“"‘「]/.test(n.text);
}

/** Assign `role` to every segment in place (inline bylines already carry `byline`). */
export function assignRoles(segs: Seg[], wrap: number): void {
  const soft = wrap || detectSoftWrapWidth(plainWidths(segs));
  // pass 1: what each line looks like on its own
  let prev: Seg | undefined;
  for (const s of segs) {
    if (s.role === 'byline') {
      prev = s;
      continue;
    }
    if (s.mdLevel > 0) s.role = 'md';
    else if (s.bold && s.width <= 60) s.role = 'heading';
    else if (isByline(s.text)) s.role = 'byline';
    else if (isClosingLine(s.text)) s.role = 'closing';
    else {
      const n = isStandaloneNumbered(s.text);
      if (n && !(n.weak && prev && isCut(prev, wrap, 0))) s.role = 'heading';
      else if (!n && looksLikeBareHeading(s.text, s.width)) s.role = 'plain';
      else s.role = 'body';
    }
    prev = s;
  }
  // pass 2: bare lines need context — a wrapped tail (`不适应`) or a cut line is body
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i];
    const p = segs[i - 1];
    const n = segs[i + 1];
    if ((s.role === 'plain' || s.role === 'body') && p && (p.role === 'plain' || p.role === 'md') && isOrgByline(s.text)) {
      s.role = 'byline';
    } else if (s.role === 'plain') {
      const fullWrapped = wrap > 0 ? s.width >= wrap - 3 : soft > 0 && Math.abs(s.width - soft) <= 1;
      const afterCut = p !== undefined && isCut(p, wrap, 40);
      const beforeTail = n !== undefined && n.role === 'body' && firstClauseLength(n.text) <= 2;
      if (fullWrapped || afterCut || beforeTail || (s.text.includes('，') && !commaHeadingOk(s, p, n))) s.role = 'body';
    }
  }
}
