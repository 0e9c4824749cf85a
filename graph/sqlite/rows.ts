import type { ArticleRecord, EntityRecord, PassageRecord, RelationRecord } from '../model.js';

export interface EntityRow {
  id: string; type: string; name: string; key: string; level: string | null; kind: string | null;
  scope_doc_id: string | null; aliases: string; props: string;
}
export interface PassageRow {
  id: string; doc_id: string; article_id: string; idx: number; start: number; end: number;
  text: string; breadcrumb: string; tokens: string;
}
export interface RelationRow { id: string; type: string; src: string; dst: string; props: string }
export interface ArticleRow { id: string; doc_id: string; idx: number; title: string; byline: string | null; start: number; end: number }

export function toEntity(row: EntityRow): EntityRecord {
  return {
    id: row.id,
    type: row.type as EntityRecord['type'],
    name: row.name,
    key: row.key,
    ...(row.level ? { level: row.level as EntityRecord['level'] } : {}),
    ...(row.kind ? { kind: row.kind } : {}),
    ...(row.scope_doc_id ? { scopeDocId: row.scope_doc_id } : {}),
    aliases: JSON.parse(row.aliases),
    props: JSON.parse(row.props),
  };
}

export function toPassage(row: PassageRow): PassageRecord {
  return {
    id: row.id, docId: row.doc_id, articleId: row.article_id, index: row.idx, start: row.start, end: row.end,
    text: row.text, breadcrumb: JSON.parse(row.breadcrumb), tokens: row.tokens,
  };
}

export function toRelation(row: RelationRow): RelationRecord {
  return { id: row.id, type: row.type as RelationRecord['type'], from: row.src, to: row.dst, props: JSON.parse(row.props) };
}

export function toArticle(row: ArticleRow): ArticleRecord {
  return {
    id: row.id, docId: row.doc_id, index: row.idx, title: row.title,
    ...(row.byline ? { byline: row.byline } : {}), start: row.start, end: row.end,
  };
}
