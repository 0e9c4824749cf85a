import type { RelationView } from '../../graph/GraphStore.js';
import type { EntityRecord } from '../../graph/model.js';
import { relationEnds } from '../../graph/relationEnds.js';
import type { PlaceFilter } from '../query/answerTypes.js';
import { LEVEL_RANK, matchesPlace, type GraphContext } from './answerItems.js';

export interface ChainStep {
  entity: EntityRecord;
  /** The LOCATED_IN (or PART_OF) edge that leads up to this entity, with its evidence. */
  via: RelationView;
}

const SOURCE_RANK: Record<string, number> = { division: 0, text: 1, 'article context': 2 };
const MAX_DEPTH = 8;

/** Of several parents, the one the division list vouches for, then the one the text states, then the nearest level. */
function bestParent(child: EntityRecord, options: { relation: RelationView; entity: EntityRecord }[]) {
  const rank = (o: { relation: RelationView; entity: EntityRecord }) => {
    const source = String(o.relation.props.source ?? (o.relation.props.inferred ? 'article context' : 'text'));
    const gap = (LEVEL_RANK[child.level ?? ''] ?? 6) - (LEVEL_RANK[o.entity.level ?? ''] ?? 0);
    return (SOURCE_RANK[source] ?? 1) * 10 + (gap > 0 ? gap : 9);
  };
  return [...options].sort((a, b) => rank(a) - rank(b) || b.relation.evidence.length - a.relation.evidence.length)[0];
}

/**
 * The parents of a place (or of an organization, through PART_OF to its place), nearest first,
 * each with the edge that proves it.
 */
export async function regionChain(ctx: GraphContext, start: EntityRecord): Promise<ChainStep[]> {
  const chain: ChainStep[] = [];
  const seen = new Set([start.id]);
  let current = start;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const types = current.type === 'organization' ? (['PART_OF', 'LOCATED_IN'] as const) : (['LOCATED_IN'] as const);
    const up = (await ctx.store.relationsOf(current.id, { types: [...types], direction: 'out' })).filter((r) => !seen.has(r.to));
    const parents = (await relationEnds(ctx.store, up, (r) => r.to)).filter((p) => p.entity.type === 'region' || p.entity.type === 'organization');
    if (parents.length === 0) break;
    const next = bestParent(current, parents);
    chain.push({ entity: next.entity, via: next.relation });
    seen.add(next.entity.id);
    current = next.entity;
  }
  return chain;
}

/** The ancestor of a place at the level asked for (a street's city), with the steps that lead there. */
export async function ancestorAt(ctx: GraphContext, start: EntityRecord, level: PlaceFilter): Promise<{ ancestor: EntityRecord; path: ChainStep[] } | null> {
  const chain = await regionChain(ctx, start);
  const index = chain.findIndex((s) => matchesPlace(s.entity, level));
  return index < 0 ? null : { ancestor: chain[index].entity, path: chain.slice(0, index + 1) };
}
