import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Test helpers: the corpus text, so table rows can prove they are real sentences. */
export const CORPUS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'corpus');

let squeezed: string | undefined;
const squeeze = (s: string): string => s.replace(/\s+/g, '');

/** Whether a sentence occurs in the corpus (whitespace and hard line breaks ignored). */
export function inCorpus(sentence: string): boolean {
  squeezed ??= fs
    .readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => squeeze(fs.readFileSync(path.join(CORPUS_DIR, f), 'utf8')))
    .join('\n');
  return squeezed.includes(squeeze(sentence));
}
