/** What can be exported: the pieces of a search answer or a comparison, each cited in the original text. */

export interface ExportCitation {
  docId: string;
  file: string;
  /** Half-open [start, end) offsets into the document's original text. */
  start: number;
  end: number;
  /** The exact cited text. */
  text: string;
}

export interface ExportInput {
  title?: string;
  query?: string;
  /** One sentence over the answers; [n] in text refers to citations[n - 1]. */
  answerLine?: { text: string; citations: ExportCitation[] };
  summary?: { group: string; text: string; citations: ExportCitation[] }[];
  answers?: { id?: string; name: string; type?: string; level?: string; detail?: string; citations: ExportCitation[] }[];
  passages?: (ExportCitation & { passageId?: string; breadcrumb?: string[]; score?: number })[];
  table?: {
    columns: string[];
    rows: {
      entity: { id: string; name: string };
      /** `items` pairs each value with its own citations; without it the cell's citations follow the values. */
      cells: { values: string[]; citations: ExportCitation[]; items?: { value: string; citations: ExportCitation[] }[] }[];
    }[];
  };
}

/** A cited corpus document, as the reference list needs it. */
export interface DocumentInfo {
  id: string;
  title: string;
  path: string;
  /** Publication year estimated from the text (GB/T 7714-2015 8.4.1: shown in brackets), when one could be found. */
  estimatedYear?: number;
}

export const EXPORT_FORMATS = ['md', 'docx', 'ris', 'bibtex', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFile {
  body: Buffer;
  mimeType: string;
  extension: string;
}

export interface ExportContext {
  /** Cited documents by id; a citation of an unknown document falls back to its file path. */
  documents: ReadonlyMap<string, DocumentInfo>;
  /** Date of access, YYYY-MM-DD (GB/T 7714 引用日期, RIS Y2, BibTeX urldate). */
  accessed: string;
  /** Page and section of each cited span, by citationKey (footnotes name them instead of offsets). */
  locations?: ReadonlyMap<string, CitedPlace>;
}

/** Where a cited span is, in a reader's terms. */
export interface CitedPlace {
  page?: number;
  section?: string;
}
