import { segment } from '../segment/index.js';
import { articleContext, documentContext, extractOrganizations, extractPeople, extractPlaces } from './places/index.js';
import {
  attachFollowingDefinitions, attachFollowingParts, extractMechanisms, extractMetrics, extractParts, linkSentence, mechanismKey, mechanismsSimilar,
} from './practices/index.js';
import type { ArticleContext, Extraction, Mention, RelationCandidate } from './types.js';

export { articleContext, attachFollowingDefinitions, attachFollowingParts, documentContext, mechanismKey, mechanismsSimilar };
export type { ArticleContext, Extraction, Mention, MentionRef, RelationCandidate } from './types.js';

/** Runs every rule on one cleaned sentence; offsets in the result are into `sentence`. */
export function extractSentence(sentence: string, context: ArticleContext): Extraction {
  const tokens = segment(sentence);
  const places = extractPlaces(sentence, tokens);
  const organizations = extractOrganizations(sentence, tokens, places.mentions);
  const people = extractPeople(sentence, context, { tokens, holders: [...places.mentions, ...organizations.mentions] });
  const mechanisms = extractMechanisms(sentence, tokens);
  const metrics = extractMetrics(sentence);
  const actors = [...places.mentions, ...organizations.mentions].filter((m) => m.type === 'region' || m.type === 'organization');
  const linked = linkSentence(sentence, actors, context.subject, { mechanisms, metrics });
  scopeMetricsToOwners(metrics, linked);
  // Parts are found after linking: a part is not adopted on its own, it belongs to its practice (HAS_PART).
  const parts = extractParts(sentence, mechanisms);
  return {
    mentions: [...places.mentions, ...organizations.mentions, ...people.mentions, ...mechanisms, ...parts.mentions, ...metrics],
    relations: [...places.relations, ...organizations.relations, ...people.relations, ...linked, ...parts.relations],
  };
}

/** A metric belongs to its organization: 满意率 97.4% of one street is not another's. */
function scopeMetricsToOwners(metrics: Mention[], relations: RelationCandidate[]): void {
  for (const relation of relations) {
    if (relation.type !== 'HAS_METRIC') continue;
    const metric = metrics.find((m) => m.key === relation.to.key);
    if (!metric) continue;
    const scopedKey = `${relation.from.key}|${metric.key}`;
    metric.key = scopedKey;
    relation.to = { type: 'metric', key: scopedKey };
  }
}
