import type { GraphStore, RelationView } from '../../graph/GraphStore.js';
import type { EntityRecord } from '../../graph/model.js';
import type { PlaceFilter } from '../query/answerTypes.js';
import type { Answer, Citation } from '../schema.js';
import { toCitation, uniqueCitations, type FileOf } from './citations.js';

export type AnswerItem = Answer['answers'][number];

export interface GraphContext {
  store: GraphStore;
  fileOf: FileOf;
}

export function item(entity: EntityRecord, citations: Citation[], detail?: string, extra: Partial<AnswerItem> = {}): AnswerItem {
  return {
    id: entity.id,
    name: entity.name,
    type: entity.type,
    ...(entity.level ? { level: entity.level } : {}),
    ...(detail ? { detail } : {}),
    ...extra,
    citations: uniqueCitations(citations),
  };
}

/** Adds an answer, merging citations when the same entity is reached twice. */
export function collect(into: Map<string, AnswerItem>, next: AnswerItem): void {
  const existing = into.get(next.id);
  if (!existing) into.set(next.id, next);
  else existing.citations = uniqueCitations([...existing.citations, ...next.citations]);
}

export function cite(ctx: GraphContext, relation: RelationView): Citation[] {
  return relation.evidence.map((e) => toCitation(e, ctx.fileOf));
}

export const LEVEL_RANK: Record<string, number> = { province: 0, prefecture: 1, county: 2, township: 3, community: 4, grid: 5 };

export function matchesPlace(entity: EntityRecord, place: PlaceFilter): boolean {
  return entity.level === place.level && place.suffixes.some((suffix) => entity.name.endsWith(suffix));
}
