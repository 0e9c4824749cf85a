import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import nodejieba from 'nodejieba';

/** Test support: the real corpus cut into ~size-character chunks along line breaks. */
export interface CorpusChunk {
  readonly id: string;
  readonly text: string;
}

export const CORPUS_DIR = path.resolve(import.meta.dirname, '../../../corpus');

export function loadCorpusChunks(size = 300, dir = CORPUS_DIR): CorpusChunk[] {
  const chunks: CorpusChunk[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const lines = readFileSync(path.join(dir, file), 'utf8')
      .split(/\n+/)
      .map((line) => line.trim())
      .filter((line) => line.length > 0);
    let current = '';
    const flush = () => {
      if (current.length > 0) chunks.push({ id: `${file.slice(0, 3)}#${chunks.length}`, text: current });
      current = '';
    };
    for (const line of lines) {
      if (current.length > 0 && current.length + line.length > size) flush();
      current += (current ? '\n' : '') + line;
    }
    flush();
  }
  return chunks;
}

/** Jieba words straight from nodejieba (the project's text/segment tokenizer is not used here). */
export function jiebaTokenize(text: string): string[] {
  return nodejieba.cut(text);
}
