import { hashId } from '../../graph/ids.js';
import type { ArticleRecord, DocumentGraph, DocumentRecord, EntityRecord, Evidence, PassageRecord } from '../../graph/model.js';
import {
  articleContext, attachFollowingDefinitions, attachFollowingParts, documentContext, extractSentence, mechanismsSimilar, type ArticleContext, type Mention,
} from '../../text/extract/index.js';
import { tokenize } from '../../text/segment/index.js';
import { buildPassages, structureDocument, toOriginalSpan, type PassageDraft, type StructuredArticle } from '../structure/index.js';
import { GraphAssembler } from './GraphAssembler.js';
import { ancestors, documentScope, enterDocumentScope } from '../../text/extract/places/index.js';
import { resolveDocumentRegions } from './regionChains.js';

export interface SourceDocument extends Omit<DocumentRecord, 'title'> {
  title?: string;
}

const SENTENCE_CITED = new Set(['ADOPTS', 'HAS_METRIC']);

interface Located {
  passage: PassageRecord;
  draft: PassageDraft;
}

/**
 * Turns a decoded document into everything it contributes to the graph. Pure apart from the
 * list of mechanisms already in the store, which SIMILAR_TO links reach out to.
 */
export function buildDocumentGraph(source: SourceDocument, existingMechanisms: EntityRecord[] = []): DocumentGraph {
  const structured = structureDocument(source.text, { fallbackTitle: source.title ?? source.path });
  const document: DocumentRecord = { ...source, title: structured.title };
  const drafts = buildPassages(structured);
  const articles: ArticleRecord[] = structured.articles.map((a) => ({
    id: hashId('art', source.id, a.index),
    docId: source.id,
    index: a.index,
    title: a.title,
    ...(a.byline ? { byline: a.byline } : {}),
    start: a.start,
    end: a.end,
  }));
  const located: Located[] = drafts.map((draft, index) => ({
    draft,
    passage: {
      id: hashId('psg', source.id, index),
      docId: source.id,
      articleId: articles[draft.articleIndex].id,
      index,
      start: draft.start,
      end: draft.end,
      text: draft.text,
      breadcrumb: draft.breadcrumb,
      tokens: tokenize(draft.text).join(' '),
    },
  }));

  const assembler = new GraphAssembler(source.id);
  // The document's own districts make their communities known to the place rules (see documentScope).
  const scope = documentScope(source.text);
  const leaveScope = enterDocumentScope(scope);
  const articleRegions: { context: ArticleContext; regions: Map<string, { mention: Mention; evidence: Evidence }> }[] = [];
  const docContext = documentContext(structured.title, source.text.slice(0, 600));
  // Passages grouped by article once: filtering all of them per article made 50k headings quadratic.
  const byArticle = groupByArticle(located);
  for (const article of structured.articles) {
    const inArticle = byArticle.get(article.index) ?? [];
    if (inArticle.length === 0) continue;
    const context = contextFor(article, structured.title, docContext);
    addContextFacts(assembler, context, article, inArticle, source);
    const regions = new Map<string, { mention: Mention; evidence: Evidence }>();
    const recent: Mention[][] = [];
    for (const { draft, passage } of inArticle) extractPassage(assembler, draft, passage, context, regions, recent);
    articleRegions.push({ context, regions });
  }
  leaveScope();
  const passageOf = (start: number): string | undefined => located.find((l) => l.passage.start <= start && start < l.passage.end)?.passage.id;
  resolveDocumentRegions(assembler, scope, source.text, passageOf);
  for (const { context, regions } of articleRegions) inferParentsFromContext(assembler, context, regions);
  linkSimilarMechanisms(assembler, existingMechanisms);
  const { entities, relations } = assembler.result();
  return { document, articles, passages: located.map((l) => l.passage), entities, relations };
}

function groupByArticle(located: Located[]): Map<number, Located[]> {
  const groups = new Map<number, Located[]>();
  for (const l of located) {
    const list = groups.get(l.draft.articleIndex);
    if (list) list.push(l);
    else groups.set(l.draft.articleIndex, [l]);
  }
  return groups;
}

function contextFor(article: StructuredArticle, docTitle: string, docContext: ArticleContext): ArticleContext {
  const leadText = article.paragraphs.filter((p) => p.kind === 'body').slice(0, 3).map((p) => p.text).join('\n').slice(0, 300);
  return articleContext({ docTitle, articleTitle: article.title, byline: article.byline, leadText, docContext });
}

/** How many sentences back a role that names only a level looks for its place (ArticleContext.recent). */
const RECENT_SENTENCES = 3;

function extractPassage(
  assembler: GraphAssembler,
  draft: PassageDraft,
  passage: PassageRecord,
  context: ArticleContext,
  regions: Map<string, { mention: Mention; evidence: Evidence }>,
  recent: Mention[][],
): void {
  const spans = draft.sentences.filter((span) => draft.text.slice(span.start, span.end).trim().length >= 2);
  const sentences = spans.map((span) => draft.text.slice(span.start, span.end));
  // Roles that name only a level (社区党委书记) may mean a place one of the last sentences named.
  const extractions = sentences.map((sentence) => {
    const extraction = extractSentence(sentence, { ...context, recent: recent.slice(-RECENT_SENTENCES).flat() });
    recent.push(extraction.mentions.filter((m) => m.type === 'region'));
    return extraction;
  });
  // A practice named in a short lead sentence is defined by the sentence after it.
  const mentionLists = attachFollowingDefinitions(sentences, extractions.map((e) => e.mentions));
  // A practice announced in one sentence may list its parts (一是…二是…) in the next ones.
  const followingParts = attachFollowingParts(sentences, mentionLists);
  spans.forEach((sentenceSpan, i) => {
    const sentence = sentences[i];
    const mentions = [...mentionLists[i], ...followingParts[i].mentions];
    const relations = [...extractions[i].relations, ...followingParts[i].relations];
    const evidenceAt = (start: number, end: number): Evidence => ({
      docId: passage.docId,
      passageId: passage.id,
      ...toOriginalSpan(draft, sentenceSpan.start + start, sentenceSpan.start + end),
    });
    for (const mention of mentions) {
      const evidence = evidenceAt(mention.start, mention.end);
      assembler.addMention(mention, evidence);
      if (mention.type === 'region' && !regions.has(mention.key)) regions.set(mention.key, { mention, evidence });
    }
    for (const relation of relations) {
      // The article subject may be a relation's end without being named in the sentence; it already
      // has evidence from the byline or title (addContextFacts), else the relation is not recorded.
      // Adoption and metric facts are cited with their whole sentence, which carries the definition or the period.
      const [start, end] = SENTENCE_CITED.has(relation.type) ? [0, sentence.length] : [relation.start, relation.end];
      assembler.addRelation(relation.type, relation.from, relation.to, evidenceAt(start, end), relation.props ?? {});
    }
  });
}

/** Region chain and subject from the byline/title: cited where the name occurs in the article, else in the document. */
function addContextFacts(
  assembler: GraphAssembler,
  context: ArticleContext,
  article: StructuredArticle,
  inArticle: Located[],
  source: SourceDocument,
): void {
  const cite = (mention: Mention): Evidence | undefined => {
    const names = [mention.name, ...(mention.aliases ?? [])];
    for (const [from, to] of [[article.start, article.end], [0, source.text.length]]) {
      for (const name of names) {
        // Reports space names unevenly (中国石油天然气股份有限公司 xx 油田分公司), so whitespace may fall anywhere.
        const pattern = new RegExp([...name.replace(/\s+/g, '')].map(escapeRegExp).join('\\s*'), 'g');
        pattern.lastIndex = from;
        const match = pattern.exec(source.text);
        if (!match || match.index + match[0].length > to) continue;
        const start = match.index;
        const holder = inArticle.find((l) => l.passage.start <= start && start < l.passage.end) ?? inArticle[0];
        return { docId: source.id, passageId: holder.passage.id, start, end: start + match[0].length };
      }
    }
    return undefined;
  };
  const chain = context.regions;
  for (const mention of [...chain, ...(context.subject ? [context.subject] : [])]) {
    const evidence = cite(mention);
    if (evidence) assembler.addMention(mention, evidence);
  }
  for (let i = 1; i < chain.length; i++) {
    const evidence = cite(chain[i - 1]);
    if (evidence) assembler.addRelation('LOCATED_IN', chain[i], chain[i - 1], evidence, { source: 'article context' });
  }
}

const LEVEL_RANK: Record<string, number> = { province: 0, prefecture: 1, county: 2, township: 3, community: 4, grid: 5 };

/**
 * A street or community named in an article about 平城区 without its own parent lies in the
 * article's region: link it to the narrowest context region one or two levels up. Runs after
 * resolveDocumentRegions, so places with a division chain are skipped and the rest (unresolved or
 * not in the list) get a parent the text supports; a parent the division list knows is used only
 * when the article's context names it too.
 */
function inferParentsFromContext(
  assembler: GraphAssembler,
  context: ArticleContext,
  regions: Map<string, { mention: Mention; evidence: Evidence }>,
): void {
  for (const { mention, evidence } of regions.values()) {
    const rank = LEVEL_RANK[mention.level ?? ''];
    if (mention.anonymised || rank === undefined || assembler.hasRelationFrom(mention, 'LOCATED_IN')) continue;
    const known = ancestors(mention.name)[1];
    const candidates = context.regions.filter((r) => r.key !== mention.key && LEVEL_RANK[r.level ?? ''] < rank && LEVEL_RANK[r.level ?? ''] >= rank - 2);
    const parent = known ? candidates.find((r) => r.name === known.name) : candidates[candidates.length - 1];
    if (parent) assembler.addRelation('LOCATED_IN', mention, parent, evidence, { source: 'article context' });
  }
}

/** Only formulas of three or more terms can be SIMILAR_TO (see mechanismsSimilar): skip the rest cheaply. */
export const FORMULA_KEY = /\+.*\+/;

function linkSimilarMechanisms(assembler: GraphAssembler, existing: EntityRecord[]): void {
  const own = assembler.mentionsOfType('mechanism').filter((m) => FORMULA_KEY.test(m.key));
  const known = new Map<string, EntityRecord>(existing.filter((e) => FORMULA_KEY.test(e.key)).map((e) => [e.id, e]));
  for (const mechanism of own) known.set(mechanism.id, mechanism);
  for (const mechanism of own) {
    for (const other of known.values()) {
      if (other.id === mechanism.id || !mechanismsSimilar(mechanism.key, other.key)) continue;
      const [from, to] = mechanism.id < other.id ? [mechanism.id, other.id] : [other.id, mechanism.id];
      assembler.addRelationById('SIMILAR_TO', from, to, mechanism.evidence[0]);
    }
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
