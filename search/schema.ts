import { z } from 'zod';

export const citationSchema = z.object({
  docId: z.string(),
  file: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});

/** What a question expects back (see search/query/answerTypes.ts). */
export const ANSWER_TYPES = [
  'place', 'organization', 'person', 'role', 'practice', 'parts', 'number', 'region_chain', 'yes_no', 'compare', 'passages',
] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];

export const INTENTS = ['adopters', 'org_practices', 'metric', 'person', 'region', 'compare', 'passages'] as const;

const cellItemSchema = z.object({ value: z.string(), citations: z.array(citationSchema).min(1) });

export const answerSchema = z.object({
  query: z.string(),
  /** Coarse label kept for older clients; derived from answerType. */
  intent: z.enum(INTENTS),
  /** What the question expects back: place, organization, person, role, practice, parts, number, region_chain, yes_no, compare, passages. */
  answerType: z.enum(ANSWER_TYPES).optional().meta({ description: 'What the question expects back; `intent` is derived from it' }),
  /**
   * One sentence over the structured answers; each [n] marker refers to citations[n - 1]. When
   * nothing answers the question it says so (and only then).
   */
  answerLine: z
    .object({ text: z.string(), citations: z.array(citationSchema) })
    .optional()
    .meta({ description: 'One sentence over the answers; each [n] in text refers to citations[n - 1]; says "no answer" only when there is neither an answer nor a table' }),
  /** How the question was read: linked entities and filters, for the reader to check. */
  understanding: z.object({
    entities: z.array(z.object({ id: z.string(), name: z.string(), type: z.string() })),
    level: z.string().optional(),
    topic: z.array(z.string()),
    /** One per thing asked: `受理了多少件，办结率是多少` has two number slots. */
    slots: z
      .array(z.object({ answerType: z.enum(ANSWER_TYPES), text: z.string(), topic: z.array(z.string()), unit: z.string().optional(), role: z.string().optional(), subjects: z.array(z.string()) }))
      .optional(),
    /** Region the answers must lie in. */
    scope: z.object({ id: z.string(), name: z.string() }).optional(),
    year: z.number().int().optional(),
    period: z.string().optional(),
    /** Words worth marking in passages: entity names and specific topic words (not 街道, 网格, 体系). */
    highlight: z.array(z.string()).optional(),
  }),
  answers: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      type: z.string(),
      level: z.string().optional(),
      detail: z.string().optional(),
      /** Index into understanding.slots of the slot this answers. */
      slot: z.number().int().nonnegative().optional(),
      /** graph: a stored fact; text: read from a top retrieved sentence with the ingest's extractors. */
      source: z.enum(['graph', 'text']).optional(),
      /** The sub-place a rolled-up practice comes from. */
      group: z.string().optional(),
      score: z.number().optional(),
      citations: z.array(citationSchema).min(1),
    }),
  ),
  table: z
    .object({
      columns: z.array(z.string()),
      rows: z.array(
        z.object({
          entity: z.object({ id: z.string(), name: z.string() }),
          /** `items` pairs every value with its own citations; `values`/`citations` stay for older clients. */
          cells: z.array(z.object({ values: z.array(z.string()), citations: z.array(citationSchema), items: z.array(cellItemSchema).optional() })),
        }),
      ),
    })
    .optional(),
  passages: z.array(
    citationSchema.extend({
      passageId: z.string(),
      score: z.number(),
      breadcrumb: z.array(z.string()),
    }),
  ),
  summary: z.array(z.object({ group: z.string(), text: z.string(), citations: z.array(citationSchema).min(1) })),
  /** Set when the graph has no answer: the passages are the best that could be found. */
  note: z.string().optional(),
});

export type Citation = z.infer<typeof citationSchema>;
export type AnswerLine = NonNullable<Answer['answerLine']>;
export type Answer = z.infer<typeof answerSchema>;
export type Intent = (typeof INTENTS)[number];
