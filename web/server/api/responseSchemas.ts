/** Response shapes, for the OpenAPI document only (responses are built from typed store/engine values). */
import { z } from 'zod';
import { ADMIN_LEVELS, ENTITY_TYPES, RELATION_TYPES } from '../../../graph/model.js';
import { citationSchema } from '../../../search/schema.js';

const props = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

export const errorSchema = z
  .object({ error: z.object({ code: z.string().meta({ example: 'BAD_REQUEST' }), message: z.string().meta({ example: 'q: Too small' }) }) })
  .meta({ id: 'Error' });

export const entitySchema = z
  .object({
    id: z.string(),
    type: z.enum(ENTITY_TYPES),
    name: z.string(),
    key: z.string(),
    level: z.enum(ADMIN_LEVELS).optional(),
    kind: z.string().optional(),
    aliases: z.array(z.string()),
    scopeDocId: z.string().optional(),
    props,
  })
  .meta({ id: 'Entity' });

export const relationSchema = z
  .object({ id: z.string(), type: z.enum(RELATION_TYPES), from: z.string(), to: z.string(), props })
  .meta({ id: 'Relation' });

export const evidenceSchema = z
  .object({ docId: z.string(), passageId: z.string(), start: z.number().int(), end: z.number().int(), text: z.string(), file: z.string() })
  .meta({ id: 'Evidence' });

const adopterSchema = z.object({ id: z.string(), name: z.string(), type: z.string(), level: z.string().optional(), citations: z.array(citationSchema) });

export const entityDetailSchema = z
  .object({
    entity: entitySchema,
    regionChain: z.array(entitySchema).meta({ description: 'Enclosing regions, widest first' }),
    links: z.array(
      z.object({
        relation: z.enum(RELATION_TYPES),
        direction: z.enum(['out', 'in']),
        entity: entitySchema,
        props,
        evidence: z.array(evidenceSchema),
      }),
    ),
    mentions: z.array(evidenceSchema),
    adoptersByRegion: z
      .array(
        z.object({
          region: z.object({ id: z.string(), name: z.string(), level: z.string().optional() }).nullable(),
          chain: z.array(z.object({ id: z.string(), name: z.string() })),
          organizations: z.array(adopterSchema),
        }),
      )
      .optional()
      .meta({ description: 'Mechanisms only' }),
    similar: z
      .array(z.object({ id: z.string(), name: z.string(), aliases: z.array(z.string()), props, citations: z.array(citationSchema) }))
      .optional()
      .meta({ description: 'Mechanisms only: SIMILAR_TO neighbours' }),
  })
  .meta({ id: 'EntityDetail' });

export const neighbourhoodSchema = z
  .object({ nodes: z.array(entitySchema), edges: z.array(relationSchema), truncated: z.boolean() })
  .meta({ id: 'Neighbourhood' });

export const documentSummarySchema = z
  .object({
    id: z.string(),
    path: z.string(),
    title: z.string(),
    format: z.enum(['txt', 'md', 'docx', 'pdf', 'html']),
    encoding: z.string(),
    ingestedAt: z.string(),
    articles: z.number().int(),
    passages: z.number().int(),
  })
  .meta({ id: 'DocumentSummary' });

export const documentDetailSchema = z
  .object({
    document: z.object({ id: z.string(), title: z.string(), path: z.string(), format: z.string(), encoding: z.string(), ingestedAt: z.string(), text: z.string() }),
    articles: z.array(z.object({ id: z.string(), docId: z.string(), index: z.number().int(), title: z.string(), byline: z.string().optional(), start: z.number().int(), end: z.number().int() })),
    passages: z.array(z.object({ id: z.string(), articleId: z.string(), index: z.number().int(), start: z.number().int(), end: z.number().int(), breadcrumb: z.array(z.string()) })),
    mentions: z.array(
      z.object({ entityId: z.string(), entityName: z.string(), entityType: z.enum(ENTITY_TYPES), passageId: z.string(), start: z.number().int(), end: z.number().int() }),
    ),
  })
  .meta({ id: 'DocumentDetail' });

export const deleteOutcomeSchema = z
  .object({ docId: z.string(), passages: z.number().int(), evidence: z.number().int(), entities: z.number().int(), relations: z.number().int() })
  .meta({ id: 'DeleteOutcome' });

export const jobSchema = z
  .object({
    id: z.string(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    file: z.string(),
    progress: z.number().min(0).max(1),
    outcome: z
      .object({
        file: z.string(),
        status: z.enum(['inserted', 'unchanged', 'replaced', 'failed']),
        docId: z.string().optional(),
        replacedDocId: z.string().optional(),
        passages: z.number().int().optional(),
        error: z.string().optional(),
      })
      .optional(),
    error: z.string().optional().meta({ description: 'One-line reason when status is failed' }),
    createdAt: z.string(),
    finishedAt: z.string().optional(),
  })
  .meta({ id: 'Job' });

export const healthSchema = z
  .object({
    ok: z.boolean(),
    embedder: z.string(),
    backend: z.enum(['sqlite', 'neo4j']),
    /** Passages with a vector of all passages; 'embedding' while the background work is going on. */
    vectors: z.object({ state: z.enum(['ready', 'embedding', 'failed']), embedded: z.number().int(), total: z.number().int() }).optional(),
  })
  .meta({ id: 'Health' });
