/** Test helper: the seed reports under corpus/ (read once). */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { CleanBlock } from './types.js';

const dir = fileURLToPath(new URL('../../corpus/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
const cache = new Map<string, string>();

export const corpusFiles: string[] = files;

/** Text of the corpus file whose name starts with `prefix` (`'001'`). */
export function corpusText(prefix: string): string {
  const name = files.find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no corpus file ${prefix}`);
  let t = cache.get(name);
  if (t === undefined) {
    t = readFileSync(dir + name, 'utf8');
    cache.set(name, t);
  }
  return t;
}

const isWs = (c: string): boolean => /\s/.test(c);

/** Every non-whitespace clean char equals the original char it maps to; map strictly increases. */
export function expectRoundTrip(original: string, b: CleanBlock, strict = true): void {
  expect(b.map.length).toBe(b.text.length);
  for (let i = 0; i < b.text.length; i++) {
    if (!isWs(b.text[i]) && original[b.map[i]] !== b.text[i]) throw new Error(`char ${i} of "${b.text.slice(0, 30)}": ${b.text[i]} ≠ ${original[b.map[i]]}`);
    if (i && (strict ? b.map[i] <= b.map[i - 1] : b.map[i] < b.map[i - 1])) throw new Error(`map not monotonic at ${i}`);
    if (b.map[i] < b.start || b.map[i] >= b.end) throw new Error(`map outside [start,end) at ${i}`);
  }
}

