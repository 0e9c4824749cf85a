import type { QuestionAnalysis, Slot } from '../query/answerTypes.js';
import type { AnswerItem, GraphContext } from './answerItems.js';
import { placeMetrics } from './metricAnswers.js';
import { practiceParts } from './partsAnswers.js';
import { leaders, personPosts } from './personAnswers.js';
import { adopters, adoptsCheck, mechanismsOnTopic, placePractices } from './practiceAnswers.js';
import { regionMembers, regionParents } from './regionAnswers.js';

/** Slot types the top sentences can answer when the graph holds no fact. */
export const TEXT_ANSWERABLE = new Set(['place', 'organization', 'person', 'role', 'practice', 'number', 'parts']);

/** The graph's facts for one slot, by the direction the question asks in. */
export async function graphSlot(ctx: GraphContext, a: QuestionAnalysis, slot: Slot, index: number): Promise<AnswerItem[]> {
  const mechanisms = a.entities.filter((e) => e.entity.type === 'mechanism').map((e) => e.entity);
  const hasPerson = slot.subjects.some((s) => s.entity.type === 'person');
  let found: AnswerItem[];
  switch (slot.answerType) {
    case 'place':
    case 'organization':
      if (hasPerson) found = await personPosts(ctx, slot, index);
      else if (mechanisms.length) found = await adopters(ctx, a, slot, mechanisms);
      else if (slot.subjects.some((s) => s.entity.type === 'region') && slot.level && !a.quoted.length) found = await regionMembers(ctx, slot);
      else found = await adopters(ctx, a, slot, await mechanismsOnTopic(ctx, slot.topic));
      break;
    case 'person':
      found = await leaders(ctx, slot, index);
      break;
    case 'role':
      found = await personPosts(ctx, slot, index);
      break;
    case 'practice':
      found = await placePractices(ctx, a, slot);
      break;
    case 'number':
      found = await placeMetrics(ctx, slot, a.constraints, index);
      break;
    case 'region_chain':
      found = await regionParents(ctx, slot);
      break;
    case 'parts':
      {
        const places = slot.subjects.filter((s) => s.entity.type === 'region' || s.entity.type === 'organization').map((s) => s.entity.id);
        found = (await Promise.all(mechanisms.map((m) => practiceParts(ctx, m, index, places)))).flat();
      }
      break;
    case 'yes_no':
      found = await adoptsCheck(ctx, a);
      break;
    default:
      found = [];
  }
  return found.map((f) => ({ ...f, source: 'graph' as const, ...(a.slots.length > 1 && f.slot === undefined ? { slot: index } : {}) }));
}
