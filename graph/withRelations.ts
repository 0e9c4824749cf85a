import type { DocumentGraph, Evidence, RelationWithEvidence } from './model.js';

/** The graph with extra relations added; a relation it already has gains the extra evidence. */
export function withRelations(graph: DocumentGraph, extra: RelationWithEvidence[]): DocumentGraph {
  if (extra.length === 0) return graph;
  const byId = new Map(graph.relations.map((r) => [r.id, { ...r, evidence: [...r.evidence] }]));
  for (const relation of extra) {
    const known = byId.get(relation.id);
    if (!known) byId.set(relation.id, { ...relation, evidence: [...relation.evidence] });
    else for (const ev of relation.evidence) if (!known.evidence.some((e) => sameSpan(e, ev))) known.evidence.push(ev);
  }
  return { ...graph, relations: [...byId.values()] };
}

function sameSpan(a: Evidence, b: Evidence): boolean {
  return a.docId === b.docId && a.start === b.start && a.end === b.end;
}
