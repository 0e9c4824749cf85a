import { documentIdFor, hashId } from '../../graph/ids.js';
import type {
  AdminLevel, ArticleRecord, DocumentGraph, EntityType, EntityWithEvidence, Evidence, PassageRecord, RelationType,
  RelationWithEvidence,
} from '../../graph/model.js';

type Scalar = string | number | boolean | null;

export interface EntitySpec {
  type: EntityType;
  name: string;
  key?: string;
  level?: AdminLevel;
  kind?: string;
  aliases?: string[];
  props?: Record<string, Scalar>;
  /** Anonymised entity: id scoped to this document. */
  scoped?: boolean;
}

/**
 * Builds a DocumentGraph by hand over a real text, with ids made the way the ingest pipeline makes
 * them and every offset found with indexOf in that text (so evidence always cites real characters).
 */
export class GraphBuilder {
  readonly docId: string;
  private readonly articles: ArticleRecord[] = [];
  private readonly passages: PassageRecord[] = [];
  private readonly entities: EntityWithEvidence[] = [];
  private readonly relations: RelationWithEvidence[] = [];

  constructor(readonly text: string, private readonly meta: { path: string; title: string }) {
    this.docId = documentIdFor(text);
  }

  /** Offsets of `needle` in the text, searching from the first occurrence of `after` (if given). */
  span(needle: string, after?: string): { start: number; end: number } {
    const from = after === undefined ? 0 : this.text.indexOf(after);
    if (from < 0) throw new Error(`fixture: anchor not in text: ${after}`);
    const start = this.text.indexOf(needle, from);
    if (start < 0) throw new Error(`fixture: not in text: ${needle}`);
    return { start, end: start + needle.length };
  }

  article(title: string, byline: string | undefined, startNeedle: string, endNeedle: string): ArticleRecord {
    const index = this.articles.length;
    const start = this.span(startNeedle).start;
    const end = this.span(endNeedle, startNeedle).end;
    const article: ArticleRecord = {
      id: hashId('art', this.docId, index), docId: this.docId, index, title, ...(byline ? { byline } : {}), start, end,
    };
    this.articles.push(article);
    return article;
  }

  /** A passage from `from` through `to`; its text is the original with hard line breaks joined. */
  passage(article: ArticleRecord, from: string, to: string, tokens: string[]): PassageRecord {
    const index = this.passages.length;
    const start = this.span(from).start;
    const end = this.span(to, from).end;
    const passage: PassageRecord = {
      id: hashId('psg', this.docId, index), docId: this.docId, articleId: article.id, index, start, end,
      text: this.text.slice(start, end).replace(/\n+/g, ''),
      breadcrumb: [this.meta.title, article.title], tokens: tokens.join(' '),
    };
    this.passages.push(passage);
    return passage;
  }

  evidence(passage: PassageRecord, needle: string, after?: string): Evidence {
    return { docId: this.docId, passageId: passage.id, ...this.span(needle, after) };
  }

  entity(spec: EntitySpec, evidence: Evidence[]): EntityWithEvidence {
    const key = spec.key ?? spec.name;
    const entity: EntityWithEvidence = {
      id: entityId(spec.type, key, spec.scoped ? this.docId : ''),
      type: spec.type, name: spec.name, key,
      ...(spec.level ? { level: spec.level } : {}),
      ...(spec.kind ? { kind: spec.kind } : {}),
      ...(spec.scoped ? { scopeDocId: this.docId } : {}),
      aliases: spec.aliases ?? [], props: spec.props ?? {}, evidence,
    };
    this.entities.push(entity);
    return entity;
  }

  relation(
    type: RelationType, from: { id: string }, to: { id: string }, evidence: Evidence[], props: Record<string, Scalar> = {},
  ): RelationWithEvidence {
    const relation: RelationWithEvidence = { id: relationId(type, from.id, to.id), type, from: from.id, to: to.id, props, evidence };
    this.relations.push(relation);
    return relation;
  }

  build(): DocumentGraph {
    return {
      document: {
        id: this.docId, path: this.meta.path, title: this.meta.title, format: 'txt', encoding: 'utf-8', text: this.text,
        ingestedAt: '2024-05-01T08:00:00.000Z',
      },
      articles: [...this.articles], passages: [...this.passages],
      entities: [...this.entities], relations: [...this.relations],
    };
  }
}

export function entityId(type: EntityType, key: string, scope = ''): string {
  return hashId('ent', type, key, scope);
}

export function relationId(type: RelationType, from: string, to: string): string {
  return hashId('rel', type, from, to, '');
}
