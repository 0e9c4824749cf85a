import type { GraphStore } from '../../graph/GraphStore.js';
import type { DocumentGraph, Evidence, EvidenceWithText } from '../../graph/model.js';

/** Everything a store answers about its contents, through the public interface only. */
export async function snapshot(store: GraphStore) {
  const entities = await store.findEntities({ limit: 100_000 });
  const documents = await store.listDocuments();
  return {
    stats: await store.stats(),
    documents,
    full: await Promise.all(documents.map((d) => store.getDocument(d.id))),
    articles: await Promise.all(documents.map((d) => store.getArticles(d.id))),
    passages: await store.allPassages(),
    entities,
    relations: await Promise.all(entities.map((e) => store.relationsOf(e.id, { direction: 'out' }))),
    evidence: await Promise.all(entities.map((e) => store.evidenceOf(e.id, 1_000))),
  };
}

/** SQLite's evidence order: doc_id, start, end. */
export function byDocStartEnd<T extends Evidence>(list: T[]): T[] {
  return [...list].sort((a, b) => cmp(a.docId, b.docId) || a.start - b.start || a.end - b.end);
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Expected cited evidence: each span's text is the slice of its document's text. */
export function cited(list: Evidence[], graphs: DocumentGraph[]): EvidenceWithText[] {
  const texts = new Map(graphs.map((g) => [g.document.id, g.document.text]));
  return byDocStartEnd(list).map((ev) => ({ ...ev, text: (texts.get(ev.docId) ?? '').slice(ev.start, ev.end) }));
}

export function find<T extends { name: string }>(list: T[], name: string): T {
  const found = list.find((item) => item.name === name);
  if (!found) throw new Error(`fixture has no ${name}`);
  return found;
}
