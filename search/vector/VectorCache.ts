import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../graph/errors.js';

/** The cache key of a passage: its text's hash, so a re-ingested, replaced or moved passage hits the cache. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 32);
}

/**
 * Vectors already computed, by embedder id and content hash, in one SQLite file. Every batch is committed
 * as it is embedded, so a killed process keeps what it finished and the next run embeds only the rest;
 * re-ingest, replace and index rebuilds never re-embed unchanged text.
 */
export class VectorCache {
  private readonly select: Database.Statement<[string, string], { vector: Buffer }>;
  private readonly insert: Database.Statement<[string, string, Buffer]>;

  private constructor(private readonly db: Database.Database, readonly file: string) {
    this.select = db.prepare('SELECT vector FROM vectors WHERE embedder = ? AND hash = ?');
    this.insert = db.prepare('INSERT OR REPLACE INTO vectors (embedder, hash, vector) VALUES (?, ?, ?)');
  }

  static open(file: string): VectorCache {
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      const db = new Database(file);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('busy_timeout = 10000'); // the CLI and a running server may write at once
      db.exec('CREATE TABLE IF NOT EXISTS vectors (embedder TEXT NOT NULL, hash TEXT NOT NULL, vector BLOB NOT NULL, PRIMARY KEY (embedder, hash)) WITHOUT ROWID');
      return new VectorCache(db, file);
    } catch (error) {
      throw new AppError('INDEX_INVALID', `${file}: vector cache unusable (${(error as Error).message})`, { file }, { cause: error });
    }
  }

  /** The cached vectors among `hashes` (of the given dimension; others are treated as absent). */
  getMany(embedderId: string, hashes: readonly string[], dimension: number): Map<string, Float32Array> {
    const found = new Map<string, Float32Array>();
    for (const hash of hashes) {
      if (found.has(hash)) continue;
      const row = this.select.get(embedderId, hash);
      if (!row || row.vector.byteLength !== dimension * 4) continue;
      // Copy: the Buffer may be a view into a pool and not 4-byte aligned.
      found.set(hash, new Float32Array(new Uint8Array(row.vector).buffer));
    }
    return found;
  }

  /** Stores vectors in one transaction. */
  putMany(embedderId: string, entries: ReadonlyArray<readonly [string, Float32Array]>): void {
    const write = this.db.transaction(() => {
      for (const [hash, vector] of entries) this.insert.run(embedderId, hash, Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength));
    });
    write();
  }

  count(embedderId: string): number {
    return (this.db.prepare('SELECT count(*) AS n FROM vectors WHERE embedder = ?').get(embedderId) as { n: number }).n;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
