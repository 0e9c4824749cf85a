import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AppError } from './errors.js';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const configSchema = z.object({
  DATA_DIR: z.string().min(1).default('data'),
  MAX_FILE_MB: z.coerce.number().positive().max(10_000).default(50),
  GRAPH_BACKEND: z.enum(['sqlite', 'neo4j']).default('sqlite'),
  NEO4J_URI: z.string().regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\//, 'must start with bolt:// or neo4j://').optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default('neo4j'),
  NEO4J_DATABASE: z.string().default('neo4j'),
  EMBEDDER: z.enum(['auto', 'transformers', 'corpus']).default('auto'),
  EMBEDDING_MODEL: z.string().default('Xenova/bge-small-zh-v1.5'),
  EMBEDDING_MODEL_PATH: z.string().optional(),
  MODELS_DIR: z.string().min(1).optional(),
  HF_ENDPOINT: z.string().url().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SEARCH_RATE_PER_MIN: positiveInt(600),
  UPLOAD_RATE_PER_MIN: positiveInt(30),
  INGEST_TIMEOUT_SECONDS: positiveInt(300),
  INGEST_MEMORY_MB: positiveInt(2048),
});

/** The project root (graph/..): models/ lives there whatever the working directory. */
const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export type ConfigInput = z.input<typeof configSchema>;

export interface Config {
  readonly dataDir: string;
  readonly maxFileBytes: number;
  readonly graphBackend: 'sqlite' | 'neo4j';
  readonly neo4j: { readonly uri?: string; readonly user: string; readonly password: string; readonly database: string };
  readonly embedder: 'auto' | 'transformers' | 'corpus';
  readonly embeddingModel: string;
  /** Where `npm run models` puts models (transformers.js layout); default <project root>/models. */
  readonly modelsDir: string;
  /** The folder searched for local models: EMBEDDING_MODEL_PATH, else modelsDir. */
  readonly embeddingModelPath: string;
  readonly hfEndpoint?: string;
  readonly port: number;
  /** Requests per minute and client allowed on search/compare and on upload. */
  readonly rateLimits: { readonly search: number; readonly upload: number };
  /** Budget of one uploaded file's ingest, which runs in a worker process: wall time and V8 heap. */
  readonly ingestBudget: { readonly seconds: number; readonly memoryMb: number };
}

/** Parses the environment once; a bad value fails with the variable's name and the reason. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const relevant = Object.fromEntries(
    Object.keys(configSchema.shape)
      .filter((key) => env[key] !== undefined && env[key] !== '')
      .map((key) => [key, env[key]]),
  );
  const parsed = configSchema.safeParse(relevant);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new AppError('CONFIG_INVALID', `Invalid configuration: ${problems.join('; ')}`, { problems });
  }
  const c = parsed.data;
  if (c.GRAPH_BACKEND === 'neo4j' && !c.NEO4J_URI) {
    throw new AppError('CONFIG_INVALID', 'Invalid configuration: NEO4J_URI: required when GRAPH_BACKEND=neo4j', {
      problems: ['NEO4J_URI: required when GRAPH_BACKEND=neo4j'],
    });
  }
  const modelsDir = c.MODELS_DIR ? path.resolve(c.MODELS_DIR) : path.join(PROJECT_ROOT, 'models');
  return Object.freeze({
    dataDir: path.resolve(c.DATA_DIR),
    maxFileBytes: Math.round(c.MAX_FILE_MB * 1024 * 1024),
    graphBackend: c.GRAPH_BACKEND,
    neo4j: Object.freeze({ uri: c.NEO4J_URI, user: c.NEO4J_USER, password: c.NEO4J_PASSWORD, database: c.NEO4J_DATABASE }),
    embedder: c.EMBEDDER,
    embeddingModel: c.EMBEDDING_MODEL,
    modelsDir,
    embeddingModelPath: c.EMBEDDING_MODEL_PATH ? path.resolve(c.EMBEDDING_MODEL_PATH) : modelsDir,
    hfEndpoint: c.HF_ENDPOINT,
    port: c.PORT,
    rateLimits: Object.freeze({ search: c.SEARCH_RATE_PER_MIN, upload: c.UPLOAD_RATE_PER_MIN }),
    ingestBudget: Object.freeze({ seconds: c.INGEST_TIMEOUT_SECONDS, memoryMb: c.INGEST_MEMORY_MB }),
  });
}
