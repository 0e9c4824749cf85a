import type { EntityRecord } from '../../graph/model.js';
import { normalizeKey } from '../../text/segment/index.js';

export interface LinkedEntity {
  entity: EntityRecord;
  surface: string;
  start: number;
  end: number;
  /** False when the user typed a shortened name (兰州 for 兰州市). */
  exact: boolean;
}

const PLACE_SUFFIX = /(街道|社区|镇|乡|村|市|省|县|区|州)$/;
const LINKABLE = new Set(['region', 'organization', 'mechanism', 'person']);
const LEVEL_RANK: Record<string, number> = { province: 0, prefecture: 1, county: 2, township: 3, community: 4, grid: 5 };

/**
 * Finds entity names in a question: names, aliases, mechanism keys and, for places, the name
 * without its suffix (兰州 → 兰州市). Longest match wins; quotes, width and case are ignored.
 */
export class EntityLexicon {
  private readonly byFirstChar = new Map<string, { surface: string; entity: EntityRecord; exact: boolean }[]>();

  constructor(entities: EntityRecord[]) {
    for (const entity of entities) {
      if (!LINKABLE.has(entity.type)) continue;
      const surfaces = new Set([entity.name, entity.key, ...entity.aliases].map(normalizeKey).filter((s) => s.length >= 2));
      for (const surface of surfaces) this.addSurface(surface, entity, true);
      if (entity.type === 'region' && !entity.scopeDocId) {
        const short = normalizeKey(entity.name).replace(PLACE_SUFFIX, '');
        if (short.length >= 2 && short !== normalizeKey(entity.name)) this.addSurface(short, entity, false);
      }
    }
    for (const list of this.byFirstChar.values()) list.sort((a, b) => b.surface.length - a.surface.length);
  }

  private addSurface(surface: string, entity: EntityRecord, exact: boolean): void {
    const list = this.byFirstChar.get(surface[0]) ?? [];
    if (!list.some((e) => e.surface === surface && e.entity.id === entity.id)) list.push({ surface, entity, exact });
    this.byFirstChar.set(surface[0], list);
  }

  link(query: string): LinkedEntity[] {
    const text = normalizeKey(query);
    const found: LinkedEntity[] = [];
    let i = 0;
    while (i < text.length) {
      const candidates = (this.byFirstChar.get(text[i]) ?? []).filter((c) => text.startsWith(c.surface, i));
      if (candidates.length === 0) {
        i++;
        continue;
      }
      const longest = candidates[0].surface.length;
      const best = candidates.filter((c) => c.surface.length === longest);
      // An exact name beats a shortened one; among shortened ones (大同 → 大同市/大同镇) the wider place wins.
      const exact = best.filter((c) => c.exact);
      const chosen = exact.length
        ? exact
        : [...best].sort((a, b) => (LEVEL_RANK[a.entity.level ?? ''] ?? 9) - (LEVEL_RANK[b.entity.level ?? ''] ?? 9)).slice(0, 1);
      for (const c of chosen) found.push({ entity: c.entity, surface: c.surface, start: i, end: i + longest, exact: c.exact });
      i += longest;
    }
    return found;
  }
}
