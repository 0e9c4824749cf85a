import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AdminLevel } from '../../../graph/model.js';

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

const LEVEL_BY_SUFFIX: [RegExp, AdminLevel][] = [
  [/(省|自治区)$/, 'province'],
  [/(社区|村)$/, 'community'],
  [/(街道|镇|乡)$/, 'township'],
  [/(区|县|旗)$/, 'county'],
  [/(市|州)$/, 'prefecture'],
];

/** The level a table row's place name reads as by its suffix (rows give places, the place rules are not under test). */
export function levelBySuffix(name: string): AdminLevel | undefined {
  return LEVEL_BY_SUFFIX.find(([re]) => re.test(name))?.[1];
}
