/**
 * Structure stage: original text → cleaned paragraphs, articles, sections and passages,
 * every clean char keeping its original offset (see CleanBlock.map).
 */
import { planArticles, matchToc } from './articles.js';
import { normalizeSpaces } from './block.js';
import { dedupeParas, dedupeSegs } from './dedupe.js';
import { buildParagraphs } from './paragraphs.js';
import { assignRoles, wrapWidthOf } from './roles.js';
import { buildArticles } from './sections.js';
import { segmentLines } from './segments.js';
import type { Para, StructuredDocument } from './types.js';

export type { CleanBlock, PassageDraft, StructuredArticle, StructuredDocument, StructuredParagraph, ParagraphKind } from './types.js';
export { toOriginalSpan } from './block.js';
export { buildPassages } from './passages.js';
export { splitSentences } from './sentences.js';
export { isCaption, isPageMarker, isSpam, isTocLine } from './noise.js';
export { headingLevel } from './headings.js';

const MAX_TITLE = 80;

/**
 * Document title: the first `#` line, else the first non-noise line, else fallbackTitle.
 * A first line longer than 80 chars is body text, not a title: fallbackTitle (or its first 80 chars).
 */
function documentTitle(paras: Para[], fallback: string | undefined): string {
  const md1 = paras.find((p) => p.mdLevel === 1);
  const first = md1 ?? paras[0];
  const t = first ? normalizeSpaces(first.block.text, 'title').replace(/\s*[*＊]+$/, '') : '';
  if (t.length > MAX_TITLE) return fallback || t.slice(0, MAX_TITLE);
  return t || fallback || '';
}

export function structureDocument(originalText: string, opts: { fallbackTitle?: string } = {}): StructuredDocument {
  const { segs, toc } = segmentLines(originalText);
  const wrap = wrapWidthOf(segs);
  assignRoles(segs, wrap);
  const paras = dedupeParas(matchToc(buildParagraphs(dedupeSegs(segs), wrap), toc));
  const title = documentTitle(paras, opts.fallbackTitle);
  return { title, articles: buildArticles(paras, planArticles(paras, title)) };
}
