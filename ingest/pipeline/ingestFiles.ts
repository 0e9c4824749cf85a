import path from 'node:path';
import { documentIdFor } from '../../graph/ids.js';
import { isAppError } from '../../graph/errors.js';
import type { GraphStore } from '../../graph/GraphStore.js';
import type { DocumentGraph } from '../../graph/model.js';
import { readDocumentFile, SUPPORTED_EXTENSIONS } from '../read/index.js';
import { buildDocumentGraph } from './buildDocumentGraph.js';
import { collectFiles } from './collectFiles.js';
import { SIMILAR_MECHANISMS } from './linkSimilar.js';

export interface FileOutcome {
  file: string;
  status: 'inserted' | 'unchanged' | 'replaced' | 'failed';
  docId?: string;
  replacedDocId?: string;
  passages?: number;
  error?: string;
  /** AppError code of a failure (FILE_EMPTY, FILE_CORRUPT, ...). */
  code?: string;
}

export interface IngestHooks {
  onFileStart?(file: string, index: number, total: number): void;
  onFileDone?(outcome: FileOutcome): void;
  /** Called after a document's graph is stored, e.g. to update the vector index. */
  afterStore?(graph: DocumentGraph, outcome: FileOutcome): Promise<void>;
}

export interface IngestOptions {
  maxFileBytes: number;
  /** Paths are stored relative to this directory when they lie inside it. */
  baseDir?: string;
}

function storedPath(file: string, baseDir: string): string {
  const relative = path.relative(baseDir, path.resolve(file));
  return relative.startsWith('..') || path.isAbsolute(relative) ? path.resolve(file) : relative;
}

/** Ingests files one at a time, each in its own transaction; one bad file never stops the others. */
export async function ingestPaths(inputs: string[], store: GraphStore, options: IngestOptions, hooks: IngestHooks = {}): Promise<FileOutcome[]> {
  const { files, errors } = collectFiles(inputs, SUPPORTED_EXTENSIONS);
  const outcomes: FileOutcome[] = errors.map((error) => ({ file: error.file, status: 'failed', error: error.message, code: error.code }));
  const baseDir = options.baseDir ?? process.cwd();
  for (const [index, file] of files.entries()) {
    hooks.onFileStart?.(file, index, files.length);
    const shownPath = storedPath(file, baseDir);
    let outcome: FileOutcome;
    try {
      const read = await readDocumentFile(file, { maxBytes: options.maxFileBytes });
      const docId = documentIdFor(read.text);
      if (await store.hasDocument(docId)) {
        outcome = { file: shownPath, status: 'unchanged', docId };
      } else {
        const graph = buildDocumentGraph(
          { id: docId, path: shownPath, title: read.title, format: read.format, encoding: read.encoding, text: read.text, ingestedAt: new Date().toISOString() },
        );
        // Links to stored mechanisms are made inside the write transaction, where a concurrent ingest's are visible.
        const stored = await store.upsertDocument(graph, { links: SIMILAR_MECHANISMS });
        outcome = {
          file: shownPath,
          status: stored.status,
          docId,
          passages: graph.passages.length,
          ...(stored.status === 'replaced' ? { replacedDocId: stored.replacedDocId } : {}),
        };
        if (stored.status !== 'unchanged') await hooks.afterStore?.(graph, outcome);
      }
    } catch (error) {
      const message = isAppError(error) ? error.message : `${shownPath}: ${(error as Error).message}`;
      outcome = { file: shownPath, status: 'failed', error: message.replace(/\s*\n\s*/g, ' '), code: isAppError(error) ? error.code : 'INTERNAL' };
    }
    outcomes.push(outcome);
    hooks.onFileDone?.(outcome);
  }
  return outcomes;
}
