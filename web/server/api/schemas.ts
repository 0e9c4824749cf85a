/** Request schemas: every input of the API is validated here (and documented from here in openapi.ts). */
import { z } from 'zod';
import { ADMIN_LEVELS, ENTITY_TYPES } from '../../../graph/model.js';
import { citationSchema } from '../../../search/schema.js';
import { EXPORT_FORMATS } from '../../export/index.js';

const id = z.string().min(1).max(200);
const intParam = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

export const idParams = z.object({ id });

export const searchQuery = z.object({
  q: z.string().trim().min(1).max(200).meta({ description: 'The question, 1–200 characters' }),
  mode: z.enum(['hybrid', 'keyword', 'vector']).default('hybrid'),
  region: id.optional().meta({ description: 'Region entity id: only passages about it or places inside it' }),
  level: z.enum(ADMIN_LEVELS).optional(),
  doc: id.optional().meta({ description: 'Document id: only passages of this document' }),
});

export const entitiesQuery = z.object({
  type: z.enum(ENTITY_TYPES).optional(),
  level: z.enum(ADMIN_LEVELS).optional(),
  q: z.string().trim().min(1).max(200).optional().meta({ description: 'Substring of the name' }),
  limit: intParam(1, 200, 50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

export const graphQuery = z.object({
  depth: intParam(1, 2, 1).meta({ description: '1 or 2 hops' }),
  limit: intParam(1, 300, 100).meta({ description: 'Most nodes returned' }),
});

export const COMPARE_SEPARATOR = ',';
export const compareQuery = z.object({
  ids: z
    .string()
    .max(1000)
    .refine((value) => {
      const count = value.split(COMPARE_SEPARATOR).filter((s) => s.trim()).length;
      return count >= 2 && count <= 4;
    }, 'give 2 to 4 comma-separated entity ids')
    .meta({ description: '2–4 comma-separated organization or region ids' }),
  topic: z.string().max(200).optional().meta({ description: 'Words that narrow the cells, separated by spaces or commas' }),
});

const exportCitation = citationSchema;
const many = <T extends z.ZodType>(item: T) => z.array(item).max(2000);

export const exportBody = z.object({
  format: z.enum(EXPORT_FORMATS),
  title: z.string().max(500).optional(),
  query: z.string().max(500).optional(),
  summary: many(z.object({ group: z.string().max(500), text: z.string().max(20_000), citations: many(exportCitation) })).optional(),
  answers: many(
    z.object({
      id: z.string().optional(),
      name: z.string().max(500),
      type: z.string().optional(),
      level: z.string().optional(),
      detail: z.string().max(2000).optional(),
      citations: many(exportCitation),
    }),
  ).optional(),
  answerLine: z.object({ text: z.string().max(5000), citations: many(exportCitation) }).optional(),
  passages: many(
    exportCitation.extend({
      passageId: z.string().optional(),
      breadcrumb: z.array(z.string()).max(20).optional(),
      score: z.number().optional(),
    }),
  ).optional(),
  table: z
    .object({
      columns: z.array(z.string().max(500)).max(50),
      rows: many(
        z.object({
          entity: z.object({ id: z.string(), name: z.string().max(500) }),
          cells: z
            .array(
              z.object({
                values: z.array(z.string()),
                citations: many(exportCitation),
                items: z.array(z.object({ value: z.string().max(2000), citations: many(exportCitation) })).max(200).optional(),
              }),
            )
            .max(50),
        }),
      ),
    })
    .optional(),
});

export type ExportBody = z.infer<typeof exportBody>;
