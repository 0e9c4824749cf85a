/** Test helper: real corpus text, a temp directory for generated fixture files, deterministic noise. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CORPUS_FILE = fileURLToPath(new URL('../../../corpus/001_0f39f337b5ac33d8.txt', import.meta.url));

/** The whole of one real corpus report (UTF-8, LF line endings). */
export const corpusText: string = readFileSync(CORPUS_FILE, 'utf8');

/** The opening of the report: table of contents and first heading (~1,500 chars, with blank lines). */
export const corpusSample: string = corpusText.slice(0, 1500);

/** Non-empty lines of the report, trimmed. */
export const corpusLines: string[] = corpusText.split('\n').map((l) => l.trim()).filter((l) => l !== '');

export class TempDir {
  readonly dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-read-'));

  write(name: string, content: string | Uint8Array): string {
    const file = path.join(this.dir, name);
    writeFileSync(file, content);
    return file;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Deterministic pseudo-random bytes (mulberry32) in [min, max]. */
export function noiseBytes(length: number, seed: number, min = 0, max = 255): Uint8Array {
  let state = seed >>> 0;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const r = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    out[i] = min + Math.floor(r * (max - min + 1));
  }
  return out;
}
