/**
 * Page numbers of a document's offsets. A PDF's text layer has its pages separated by form feeds
 * (readPdf); text that went through a PDF before it reached us (the corpus .txt files) keeps the
 * printed page footers `— 3 —` / `第 3 页`, which close the page they number.
 */
import { isPageMarkerLine } from '../../export/quoteText.js';

export interface PageMap {
  /** Offsets where a page ends (exclusive), ascending, with the number of the page that ends there. */
  ends: { at: number; page: number }[];
  /** Number of the page after the last end. */
  lastPage: number;
}

const MARKER_NUMBER = /(\d{1,4})/;

/** Page ends from form feeds when the text has any, else from page-footer lines (at least two, numbers ascending). */
export function pageMap(text: string): PageMap | null {
  if (text.includes('\f')) {
    const ends: PageMap['ends'] = [];
    for (let at = text.indexOf('\f'); at >= 0; at = text.indexOf('\f', at + 1)) ends.push({ at, page: ends.length + 1 });
    return { ends, lastPage: ends.length + 1 };
  }
  const ends: PageMap['ends'] = [];
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(start, end);
    if (isPageMarkerLine(line)) {
      const n = MARKER_NUMBER.exec(line);
      const page = n ? Number(n[1]) : undefined;
      // A lone ★ or a number going backwards (a new article restarting its count) is not trusted.
      const last = ends[ends.length - 1];
      if (page !== undefined && (!last || page > last.page)) ends.push({ at: start, page });
    }
    if (nl < 0) break;
    start = nl + 1;
  }
  if (ends.length < 2) return null;
  return { ends, lastPage: (ends[ends.length - 1]?.page ?? 0) + 1 };
}

/** The page an offset is on. */
export function pageAt(map: PageMap, offset: number): number {
  let lo = 0;
  let hi = map.ends.length;
  // First end strictly after the offset.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((map.ends[mid]?.at ?? 0) > offset) hi = mid;
    else lo = mid + 1;
  }
  return map.ends[lo]?.page ?? map.lastPage;
}
