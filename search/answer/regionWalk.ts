import type { RelationView } from '../../graph/GraphStore.js';
import type { EntityRecord } from '../../graph/model.js';
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
  return (await regionChains(ctx, [start])).get(start.id) ?? [];
}

/** regionChain of many places from one read of everything above them; the walk itself runs in memory. */
export async function regionChains(ctx: GraphContext, starts: EntityRecord[]): Promise<Map<string, ChainStep[]>> {
  if (starts.length === 0) return new Map();
  const walk = await ctx.store.reachable(starts.map((s) => s.id), { types: ['PART_OF', 'LOCATED_IN'], direction: 'out', maxDepth: MAX_DEPTH, withEvidence: true });
  const entities = new Map(walk.entities.map((e) => [e.id, e]));
  const outOf = new Map<string, RelationView[]>();
  for (const rel of walk.relations) outOf.set(rel.from, [...(outOf.get(rel.from) ?? []), rel]);
  const chains = new Map<string, ChainStep[]>();
  for (const start of starts) {
    const chain: ChainStep[] = [];
    const seen = new Set([start.id]);
    let current = start;
    for (let depth = 0; depth < MAX_DEPTH; depth++) {
      const types: readonly string[] = current.type === 'organization' ? ['PART_OF', 'LOCATED_IN'] : ['LOCATED_IN'];
      const parents = (outOf.get(current.id) ?? [])
        .filter((r) => types.includes(r.type) && !seen.has(r.to))
        .flatMap((relation) => {
          const entity = entities.get(relation.to);
          return entity && (entity.type === 'region' || entity.type === 'organization') ? [{ relation, entity }] : [];
        });
      if (parents.length === 0) break;
      const next = bestParent(current, parents);
      chain.push({ entity: next.entity, via: next.relation });
      seen.add(next.entity.id);
      current = next.entity;
    }
    chains.set(start.id, chain);
  }
  return chains;
}

type Ancestor = { ancestor: EntityRecord; path: ChainStep[] };

function ancestorIn(chain: ChainStep[], level: PlaceFilter): Ancestor | null {
  const index = chain.findIndex((s) => matchesPlace(s.entity, level));
  return index < 0 ? null : { ancestor: chain[index].entity, path: chain.slice(0, index + 1) };
}

/** The ancestor of a place at the level asked for (a street's city), with the steps that lead there. */
export async function ancestorAt(ctx: GraphContext, start: EntityRecord, level: PlaceFilter): Promise<Ancestor | null> {
  return ancestorIn(await regionChain(ctx, start), level);
}

/** ancestorAt for many places in one read, by place id. */
export async function ancestorsAt(ctx: GraphContext, starts: EntityRecord[], level: PlaceFilter): Promise<Map<string, Ancestor | null>> {
  const unique = [...new Map(starts.map((s) => [s.id, s])).values()];
  const chains = await regionChains(ctx, unique);
  return new Map(unique.map((s) => [s.id, ancestorIn(chains.get(s.id) ?? [], level)]));
}
