/** The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. */
import { OpenApiGeneratorV31, OpenAPIRegistry, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { answerSchema } from '../../search/schema.js';
import { compareQuery, entitiesQuery, exportBody, graphQuery, idParams, searchQuery } from './api/schemas.js';
import * as out from './api/responseSchemas.js';
import { JSON_BODY_LIMIT } from './http/security.js';

const answer = answerSchema.meta({ id: 'Answer' });
const compareTable = answerSchema.shape.table.unwrap().meta({ id: 'CompareTable' });

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const problem = (description: string) => json(out.errorSchema, description);

const EXPORT_TYPES = {
  'text/markdown': 'md',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/x-research-info-systems': 'ris',
  'application/x-bibtex': 'bibtex',
  'text/csv': 'csv',
} as const;

const PATHS: RouteConfig[] = [
  { method: 'get', path: '/api/health', summary: 'Liveness, active embedder and graph backend', responses: { 200: json(out.healthSchema, 'OK') } },
  {
    method: 'get',
    path: '/api/search',
    summary: `Answer a question with citations (rate limited per client: SEARCH_RATE_PER_MIN, default 600/min)`,
    request: { query: searchQuery },
    responses: { 200: json(answer, 'The answer'), 400: problem('Invalid parameter'), 404: problem('Unknown region or document'), 429: problem('Rate limited') },
  },
  {
    method: 'get',
    path: '/api/entities',
    summary: 'List entities by type, level and name',
    request: { query: entitiesQuery },
    responses: { 200: json(z.object({ total: z.number().int(), items: z.array(out.entitySchema) }), 'One page'), 400: problem('Invalid parameter') },
  },
  {
    method: 'get',
    path: '/api/entities/{id}',
    summary: 'An entity with its region chain, links and evidence; for mechanisms adopters by region and similar mechanisms',
    request: { params: idParams },
    responses: { 200: json(out.entityDetailSchema, 'The entity'), 404: problem('Unknown entity') },
  },
  {
    method: 'get',
    path: '/api/entities/{id}/graph',
    summary: 'Neighbourhood of an entity',
    request: { params: idParams, query: graphQuery },
    responses: { 200: json(out.neighbourhoodSchema, 'Nodes and edges'), 400: problem('Invalid parameter'), 404: problem('Unknown entity') },
  },
  {
    method: 'get',
    path: '/api/compare',
    summary: `Compare 2–4 organizations or regions side by side (rate limited per client: SEARCH_RATE_PER_MIN, default 600/min)`,
    request: { query: compareQuery },
    responses: { 200: json(compareTable, 'The table'), 400: problem('Invalid parameter'), 404: problem('Unknown entity') },
  },
  { method: 'get', path: '/api/documents', summary: 'Every document', responses: { 200: json(z.array(out.documentSummarySchema), 'Documents') } },
  {
    method: 'post',
    path: '/api/documents',
    summary: `Upload a report (.txt .md .docx .pdf .html .htm) to ingest in the background (rate limited per client: UPLOAD_RATE_PER_MIN, default 30/min)`,
    request: {
      body: {
        required: true,
        content: { 'multipart/form-data': { schema: z.object({ file: z.string().meta({ contentMediaType: 'application/octet-stream' }) }) } },
      },
    },
    responses: {
      202: json(z.object({ jobId: z.string() }), 'Queued; poll /api/jobs/{id}'),
      400: problem('No file'),
      413: problem('Over the size limit (MAX_FILE_MB)'),
      415: problem('Unsupported file type'),
      429: problem('Rate limited'),
    },
  },
  {
    method: 'get',
    path: '/api/documents/{id}',
    summary: 'A document with its text, articles, passages and entity mentions',
    request: { params: idParams },
    responses: { 200: json(out.documentDetailSchema, 'The document'), 404: problem('Unknown document') },
  },
  {
    method: 'delete',
    path: '/api/documents/{id}',
    summary: 'Delete a document and whatever only it supported',
    request: { params: idParams },
    responses: { 200: json(out.deleteOutcomeSchema, 'What was removed'), 404: problem('Unknown document') },
  },
  {
    method: 'get',
    path: '/api/jobs/{id}',
    summary: 'An ingest job',
    request: { params: idParams },
    responses: { 200: json(out.jobSchema, 'The job'), 404: problem('Unknown job') },
  },
  {
    method: 'post',
    path: '/api/export',
    summary: `Export answers, passages or a table with citations (JSON body up to ${JSON_BODY_LIMIT})`,
    request: { body: { required: true, content: { 'application/json': { schema: exportBody } } } },
    responses: {
      200: {
        description: 'The file, as an attachment (md, docx, ris, bib or csv)',
        content: Object.fromEntries(
          Object.entries(EXPORT_TYPES).map(([type, format]) => [type, { schema: z.string().meta({ description: `format=${format}`, contentMediaType: type }) }]),
        ),
      },
      400: problem('Invalid body'),
      413: problem('Body too large'),
    },
  },
  { method: 'get', path: '/api/openapi.json', summary: 'This document', responses: { 200: json(z.object({}).passthrough(), 'OpenAPI 3.1') } },
];

export function buildOpenApiDocument() {
  const registry = new OpenAPIRegistry();
  for (const path of PATHS) registry.registerPath({ ...path, responses: { ...path.responses, 500: problem('Internal error (no details)') } });
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Practice Atlas API',
      version: '0.1.0',
      description: 'Knowledge graph and semantic search over Chinese governance reports. Errors are {error: {code, message}}.',
    },
    servers: [{ url: '/' }],
  });
}

