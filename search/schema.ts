import { z } from 'zod';

export const citationSchema = z.object({
  docId: z.string(),
  file: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});

export const INTENTS = ['adopters', 'org_practices', 'metric', 'person', 'region', 'compare', 'passages'] as const;

export const answerSchema = z.object({
  query: z.string(),
  intent: z.enum(INTENTS),
  /** How the question was read: linked entities and filters, for the reader to check. */
  understanding: z.object({
    entities: z.array(z.object({ id: z.string(), name: z.string(), type: z.string() })),
    level: z.string().optional(),
    topic: z.array(z.string()),
  }),
  answers: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      type: z.string(),
      level: z.string().optional(),
      detail: z.string().optional(),
      citations: z.array(citationSchema).min(1),
    }),
  ),
  table: z
    .object({
      columns: z.array(z.string()),
      rows: z.array(
        z.object({
          entity: z.object({ id: z.string(), name: z.string() }),
          cells: z.array(z.object({ values: z.array(z.string()), citations: z.array(citationSchema) })),
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
export type Answer = z.infer<typeof answerSchema>;
export type Intent = (typeof INTENTS)[number];
