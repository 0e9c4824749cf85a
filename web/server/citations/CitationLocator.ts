/**
 * Where a citation is, in a reader's terms: the document's title, the page (PDFs, and text that
 * still carries printed page footers) and the section title — instead of a file name and
 * character offsets. Responses keep docId/start/end; these fields are added beside them.
 */
import type { GraphStore } from '../../../graph/GraphStore.js';
import { pageAt, pageMap, type PageMap } from './pages.js';

export interface Location {
  title: string;
  page?: number;
  section?: string;
}

interface DocInfo {
  title: string;
  pages: PageMap | null;
  /** Passages in text order: their spans and section titles. */
  sections: { start: number; end: number; section?: string }[];
}

interface CitationLike {
  docId: string;
  start: number;
  end: number;
  text: string;
}

const isCitation = (value: object): value is CitationLike => {
  const v = value as Partial<CitationLike>;
  return typeof v.docId === 'string' && typeof v.start === 'number' && typeof v.end === 'number' && typeof v.text === 'string';
};

/** Document ids are content hashes: a cached entry never goes stale, it is only dropped for room. */
const CACHE_SIZE = 64;

export class CitationLocator {
  private readonly cache = new Map<string, Promise<DocInfo | null>>();

  constructor(private readonly store: GraphStore) {}

  private info(docId: string): Promise<DocInfo | null> {
    let entry = this.cache.get(docId);
    if (!entry) {
      entry = this.load(docId);
      this.cache.set(docId, entry);
      if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
      entry.catch(() => this.cache.delete(docId));
    }
    return entry;
  }

  private async load(docId: string): Promise<DocInfo | null> {
    const doc = await this.store.getDocument(docId);
    if (!doc) return null;
    const passages = await this.store.passagesOf(docId);
    const sections = passages
      .map((p) => {
        // The breadcrumb starts with the document (or article) title; the section is its deepest heading.
        const crumb = p.breadcrumb.filter((c) => c && c !== doc.title);
        return { start: p.start, end: p.end, section: crumb[crumb.length - 1] };
      })
      .sort((a, b) => a.start - b.start);
    return { title: doc.title || doc.path.split(/[\\/]/).pop() || docId, pages: pageMap(doc.text), sections };
  }

  async locate(c: { docId: string; start: number }): Promise<Location | null> {
    const info = await this.info(c.docId);
    if (!info) return null;
    const section = info.sections.find((s) => s.start <= c.start && c.start < s.end)?.section;
    return {
      title: info.title,
      ...(info.pages ? { page: pageAt(info.pages, c.start) } : {}),
      ...(section ? { section } : {}),
    };
  }

  /** A copy of `value` in which every citation-shaped object also carries title, page and section. */
  async decorate<T>(value: T): Promise<T> {
    const walk = async (v: unknown): Promise<unknown> => {
      if (Array.isArray(v)) return Promise.all(v.map(walk));
      if (!v || typeof v !== 'object') return v;
      const out: Record<string, unknown> = {};
      for (const [k, child] of Object.entries(v)) out[k] = await walk(child);
      if (isCitation(v)) {
        const where = await this.locate(v);
        if (where) Object.assign(out, where);
      }
      return out;
    };
    return (await walk(value)) as T;
  }
}
