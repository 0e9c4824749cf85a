import type { Division } from './divisionIndex.js';

export interface NamedPlace {
  id: string;
  /** Every division the name can be. */
  candidates: Division[];
  /** Ids of places the text writes this one inside (四唯街道 for 四唯街道惠民苑社区): a candidate must lie under them once they are resolved. */
  within?: string[];
}

/** `a` lies above `b`: GB/T 2260 codes extend their ancestors' codes (62 › 6201 › 620102 › 620102001). */
export const isAncestorCode = (a: string, b: string): boolean => a !== b && b.startsWith(a);

/**
 * A prefecture-level city without districts is listed twice under one name (嘉峪关市 › 嘉峪关市):
 * that is one place, the outer one. Duplicate codes collapse too.
 */
function outermost(candidates: Division[]): Division[] {
  const unique = [...new Map(candidates.map((c) => [c.code, c])).values()];
  return unique.filter((c) => !unique.some((o) => o.displayName === c.displayName && isAncestorCode(o.code, c.code)));
}

/**
 * Which division each name of one document is. A name with one candidate is that division; a
 * shared name (新华街道, 永宁社区, 城关区) is the candidate with the most support from the places
 * already resolved: one of its ancestors resolved counts 2 (平城区 for 新华街道), one of its
 * descendants 1 (酒泉路街道 for 城关区). A tie or no support leaves the name unresolved — never
 * an arbitrary candidate. Rounds repeat while they resolve more names.
 */
export function resolveDivisions(input: NamedPlace[]): Map<string, Division> {
  const places = input.map((p) => ({ id: p.id, candidates: outermost(p.candidates), within: p.within ?? [] }));
  const resolved = new Map<string, Division>();
  for (const place of places) {
    if (place.candidates.length === 1) resolved.set(place.id, place.candidates[0]);
  }
  for (let round = 0; round < 4; round++) {
    const known = [...new Set([...resolved.values()].map((d) => d.code))];
    let changed = false;
    for (const place of places) {
      if (resolved.has(place.id) || place.candidates.length < 2) continue;
      const scored = place.candidates.map((candidate) => ({
        candidate,
        score: known.reduce(
          (sum, code) => sum + (isAncestorCode(code, candidate.code) ? 2 : isAncestorCode(candidate.code, code) ? 1 : 0),
          0,
        ),
      }));
      scored.sort((a, b) => b.score - a.score);
      const [best, second] = scored;
      if (best.score > 0 && (!second || best.score > second.score)) {
        resolved.set(place.id, best.candidate);
        changed = true;
      }
    }
    if (!changed) break;
  }
  // The text outranks the list: a place written inside a resolved parent that is not its ancestor
  // in the list is another place of the same name (a new community, or the list is out of date).
  for (let changed = true; changed; ) {
    changed = false;
    for (const place of places) {
      const division = resolved.get(place.id);
      if (!division) continue;
      const parents = place.within.map((id) => resolved.get(id)).filter((d): d is Division => d !== undefined);
      if (parents.some((p) => !isAncestorCode(p.code, division.code))) {
        resolved.delete(place.id);
        changed = true;
      }
    }
  }
  return resolved;
}
