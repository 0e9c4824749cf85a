/**
 * Public and internal types of the structure stage.
 * All offsets are JavaScript string indices (UTF-16 code units) into the ORIGINAL text.
 */

/** map[i] = offset in the ORIGINAL text of clean text[i]; start/end = original [start,end) */
export interface CleanBlock {
  text: string;
  map: Int32Array;
  start: number;
  end: number;
}

export type ParagraphKind = 'title' | 'byline' | 'heading' | 'body';

export interface StructuredParagraph extends CleanBlock {
  kind: ParagraphKind;
  /** Enclosing headings, outermost first. A heading paragraph's path ends with itself. */
  sectionPath: string[];
}

export interface StructuredArticle {
  index: number;
  title: string;
  byline?: string;
  start: number;
  end: number;
  paragraphs: StructuredParagraph[];
}

export interface StructuredDocument {
  title: string;
  articles: StructuredArticle[];
}

export interface PassageDraft extends CleanBlock {
  articleIndex: number;
  /** Position of the passage in the whole document (0-based, document order). */
  index: number;
  breadcrumb: string[];
  /** Clean offsets within `text`. */
  sentences: { start: number; end: number }[];
}

/** How a heading numbers itself; `family` + `rank` drive the section stack. */
export interface HeadingInfo {
  style: string;
  family: 'num' | 'md' | 'other';
  rank: number;
  /** Heading text as shown in a breadcrumb (marker kept, final punctuation dropped). */
  text: string;
}

export type SegRole = 'md' | 'heading' | 'plain' | 'byline' | 'closing' | 'body';

/** One logical line of content after noise removal (a raw line may yield two segs). */
export interface Seg {
  text: string;
  offs: Int32Array;
  line: number;
  /** Visual width: CJK = 1, ASCII = 0.5. */
  width: number;
  role: SegRole;
  mdLevel: number;
  /** A whole line wrapped in **bold**. */
  bold: boolean;
}

/** A paragraph under construction / before article assignment. */
export interface Para {
  block: CleanBlock;
  role: SegRole | 'title';
  mdLevel: number;
  heading: HeadingInfo | null;
  /** Body paragraph whose lead phrase (list marker … 。) opens a section. */
  lead: HeadingInfo | null;
  /** Set when the paragraph was matched to a table-of-contents entry: the entry's title. */
  tocTitle?: string;
}
