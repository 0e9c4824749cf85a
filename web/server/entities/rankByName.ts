/**
 * Order of `/api/entities?q=` results: what the reader typed, exactly, comes first — a place named
 * 兰州市 before the metrics whose names merely contain 兰州市 — then names starting with it, then the
 * rest; places and organizations before mechanisms, people and metrics; shorter names first.
 */
import type { EntityRecord } from '../../../graph/model.js';

const TYPE_ORDER = ['region', 'organization', 'mechanism', 'person', 'metric'];

interface Named {
  name: string;
  type: EntityRecord['type'] | string;
  aliases?: string[];
}

function matchRank(entity: Named, q: string): number {
  if (entity.name === q || entity.aliases?.includes(q)) return 0;
  if (entity.name.startsWith(q)) return 1;
  return 2;
}

const typeRank = (type: string) => {
  const i = TYPE_ORDER.indexOf(type);
  return i < 0 ? TYPE_ORDER.length : i;
};

export function rankByName<T extends Named>(entities: T[], q: string): T[] {
  const query = q.trim();
  return entities
    .map((entity, i) => ({ entity, i, match: matchRank(entity, query), type: typeRank(entity.type) }))
    .sort((a, b) => a.match - b.match || a.type - b.type || a.entity.name.length - b.entity.name.length || a.i - b.i)
    .map((x) => x.entity);
}
