import type { ExistingLinks } from '../../graph/GraphStore.js';
import { hashId } from '../../graph/ids.js';
import type { DocumentGraph, EntityRecord, RelationWithEvidence } from '../../graph/model.js';
import { mechanismsSimilar } from '../../text/extract/index.js';
import { FORMULA_KEY } from './buildDocumentGraph.js';

/**
 * SIMILAR_TO from the document's formula mechanisms (1+3+X) to stored ones of the same shape
 * (1+3+N), cited where the document names its own. Pairs inside the document are made by
 * buildDocumentGraph; the same relation ids result either way.
 */
export function similarToStored(graph: DocumentGraph, stored: EntityRecord[]): RelationWithEvidence[] {
  const own = graph.entities.filter((e) => e.type === 'mechanism' && FORMULA_KEY.test(e.key) && e.evidence.length > 0);
  const ownIds = new Set(own.map((e) => e.id));
  const others = stored.filter((e) => e.type === 'mechanism' && FORMULA_KEY.test(e.key) && !ownIds.has(e.id));
  const relations: RelationWithEvidence[] = [];
  for (const mechanism of own) {
    for (const other of others) {
      if (!mechanismsSimilar(mechanism.key, other.key)) continue;
      const [from, to] = mechanism.id < other.id ? [mechanism.id, other.id] : [other.id, mechanism.id];
      relations.push({ id: hashId('rel', 'SIMILAR_TO', from, to, ''), type: 'SIMILAR_TO', from, to, props: {}, evidence: [mechanism.evidence[0]] });
    }
  }
  return relations;
}

/** Only formula names (1+3+X) can be SIMILAR_TO another document's mechanism. */
export const SIMILAR_MECHANISMS: ExistingLinks = {
  query: { type: 'mechanism', nameContains: '+', limit: 1_000_000 },
  link: similarToStored,
};
