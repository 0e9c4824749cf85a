import type { Citation } from '../api/types.js';

export function citationKey(c: Citation): string {
  return `${c.docId}:${c.start}:${c.end}`;
}

/** Numbers citations in first-seen order so the same source keeps the same [n] on a page. */
export class CitationIndex {
  private readonly numbers = new Map<string, number>();
  readonly list: Citation[] = [];

  constructor(groups: Citation[][] = []) {
    for (const group of groups) for (const c of group) this.add(c);
  }

  add(c: Citation): number {
    const key = citationKey(c);
    let n = this.numbers.get(key);
    if (n === undefined) {
      this.list.push(c);
      n = this.list.length;
      this.numbers.set(key, n);
    }
    return n;
  }

  numberOf(c: Citation): number {
    return this.numbers.get(citationKey(c)) ?? this.add(c);
  }
}

export function fileName(path: string | undefined): string {
  if (!path) return '';
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

/** The document as readers know it: its title, the file name only when the server sent none. */
export function sourceTitle(c: Pick<Citation, 'title' | 'file' | 'docId'>): string {
  return c.title || fileName(c.file) || '未命名文档';
}

/** 第3页 · 一、基本做法 — where the span is; '' when the server did not say. */
export function placeLabel(c: Pick<Citation, 'page' | 'section'>): string {
  return [c.page === undefined ? '' : `第${c.page}页`, c.section ?? ''].filter(Boolean).join(' · ');
}
