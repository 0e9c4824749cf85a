export { ingestPaths } from './ingestFiles.js';
export type { FileOutcome, IngestHooks, IngestOptions } from './ingestFiles.js';
export { buildDocumentGraph } from './buildDocumentGraph.js';
