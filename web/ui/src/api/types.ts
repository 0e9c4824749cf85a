/** The API's JSON shapes, as the UI reads them (mirrors search/schema.ts and web/server). */

export type Props = Record<string, string | number | boolean | null>;

export interface Citation {
  docId: string;
  file?: string;
  start: number;
  end: number;
  text: string;
  /** Added by the server: the document's title, the page (PDFs) and the section title of the span. */
  title?: string;
  page?: number;
  section?: string;
}

export interface AnswerItem {
  id: string;
  name: string;
  type: string;
  level?: string;
  detail?: string;
  /** Index of the question slot this answers (multi-part questions). */
  slot?: number;
  /** graph: a stored fact; text: read from a retrieved sentence. */
  source?: 'graph' | 'text';
  /** Sub-place a rolled-up practice comes from. */
  group?: string;
  citations: Citation[];
}

/** One value of a compare cell with its own citations, as the API pairs them. */
export interface TableItem {
  value: string;
  citations: Citation[];
}

export interface TableCell {
  values: string[];
  citations: Citation[];
  items?: TableItem[];
}

/** One sentence over the answers; [n] refers to citations[n - 1]. */
export interface AnswerLine {
  text: string;
  citations: Citation[];
}

export interface CompareTable {
  columns: string[];
  rows: { entity: { id: string; name: string }; cells: TableCell[] }[];
}

export interface Passage extends Citation {
  passageId: string;
  score: number;
  breadcrumb: string[];
}

export interface SummaryItem {
  group: string;
  text: string;
  citations: Citation[];
}

export interface Answer {
  query: string;
  intent: string;
  answerType?: string;
  answerLine?: AnswerLine;
  understanding: {
    entities: { id: string; name: string; type: string }[];
    level?: string;
    topic: string[];
    slots?: { answerType: string; text: string; topic: string[]; unit?: string; role?: string; subjects: string[] }[];
    scope?: { id: string; name: string };
    year?: number;
    period?: string;
    highlight?: string[];
  };
  answers: AnswerItem[];
  table?: CompareTable;
  passages: Passage[];
  summary: SummaryItem[];
  note?: string;
}

export interface Entity {
  id: string;
  type: string;
  name: string;
  key?: string;
  level?: string;
  kind?: string;
  aliases?: string[];
  scopeDocId?: string;
  props: Props;
}

export interface EntityLink {
  relation: string;
  direction: 'out' | 'in';
  entity: Entity;
  props: Props;
  evidence: Citation[];
}

// The API's own response types: type-only, so nothing of the server reaches the bundle.
import type { AdopterGroup, SimilarMechanism } from '../../../server/entities/entityDetail.js';
export type { AdopterGroup, SimilarMechanism };

export interface EntityDetail {
  entity: Entity;
  regionChain: Entity[];
  links: EntityLink[];
  mentions: Citation[];
  adoptersByRegion?: AdopterGroup[];
  similar?: SimilarMechanism[];
}

export interface GraphData {
  nodes: Entity[];
  edges: { id: string; type: string; from: string; to: string }[];
  truncated: boolean;
}

export interface DocumentSummary {
  id: string;
  path: string;
  title: string;
  format: string;
  articles: number;
  passages: number;
  ingestedAt?: string;
}

export interface DocumentView {
  document: { id: string; title: string; path: string; format: string; text: string };
  articles: { id: string; index?: number; title: string; start: number; end: number }[];
  passages: { id: string; start: number; end: number; breadcrumb: string[] }[];
  mentions: { entityId: string; entityName: string; entityType: string; start: number; end: number }[];
}

export interface Job {
  status: 'queued' | 'running' | 'done' | 'failed';
  progress?: number;
  error?: string | { code?: string; message?: string };
  /** unchanged: the same text was already stored (a duplicate upload). */
  outcome?: { status: 'inserted' | 'unchanged' | 'replaced' | 'failed'; docId?: string };
}

export type ExportFormat = 'md' | 'docx' | 'ris' | 'bibtex' | 'csv';
