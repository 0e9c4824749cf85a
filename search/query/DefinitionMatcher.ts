import type { EntityRecord } from '../../graph/model.js';
import { normalizeWidth } from '../../text/segment/index.js';

const CJK_RUN = /[\u4e00-\u9fff]+/g;
/** Share of the question's character pairs a definition must contain, and the least absolute overlap. */
const MIN_COVERAGE = 0.4;
const MIN_SHARED = 6;

function bigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (const run of normalizeWidth(text).match(CJK_RUN) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) grams.add(run.slice(i, i + 2));
  }
  return grams;
}

/**
 * Finds the mechanism a question describes without naming it (哪个街道让每个网格配一名专职、三名兼职…
 * → 1+3+X) by character-pair overlap with mechanisms' definitions. Strict thresholds: a weak
 * match must leave the question to passage search.
 */
export class DefinitionMatcher {
  private readonly definitions: { entity: EntityRecord; grams: Set<string> }[];

  constructor(mechanisms: EntityRecord[]) {
    this.definitions = mechanisms
      .filter((m) => typeof m.props.definition === 'string' && m.props.definition.length >= 8)
      .map((entity) => ({ entity, grams: bigrams(`${entity.name}${entity.props.definition}`) }));
  }

  match(description: string): EntityRecord | null {
    const asked = bigrams(description);
    if (asked.size === 0) return null;
    let best: { entity: EntityRecord; shared: number } | null = null;
    for (const { entity, grams } of this.definitions) {
      let shared = 0;
      for (const gram of asked) if (grams.has(gram)) shared++;
      if (!best || shared > best.shared) best = { entity, shared };
    }
    if (!best || best.shared < MIN_SHARED || best.shared / asked.size < MIN_COVERAGE) return null;
    return best.entity;
  }
}
