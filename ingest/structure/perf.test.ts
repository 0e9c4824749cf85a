import { describe, expect, it } from 'vitest';
import { buildPassages, structureDocument } from './index.js';
import { corpusFiles, corpusText } from './testCorpus.js';

const prefixes = corpusFiles.map((f) => f.slice(0, 3));

/** Best-of-`batches` mean time of `reps` runs (robust to GC pauses and a busy machine). */
function time(fn: () => void, reps: number, batches: number): number {
  let best = Infinity;
  for (let b = 0; b < batches; b++) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) fn();
    best = Math.min(best, (performance.now() - t0) / reps);
  }
  return best;
}

/** k copies of the corpus; `varied` makes every copy's sentences distinct so nothing is deduplicated. */
function concatenated(k: number, varied: boolean): string {
  const base = prefixes.map(corpusText).join('\n');
  const parts: string[] = [];
  for (let i = 0; i < k; i++) parts.push(varied ? base.replace(/。/g, `${i}。`) : base);
  return parts.join('\n');
}

describe('performance', () => {
  it('structures each seed file in a few ms', () => {
    for (let i = 0; i < 20; i++) for (const p of prefixes) buildPassages(structureDocument(corpusText(p))); // JIT warm-up
    for (const p of prefixes) {
      const t = corpusText(p);
      const ms = time(() => buildPassages(structureDocument(t)), 10, 5);
      console.log(`${p}: ${t.length} chars, ${ms.toFixed(2)} ms (structure + passages)`);
      expect(ms).toBeLessThan(50);
    }
  });

  it.each([false, true])('is linear in document size (100× concatenated corpus, varied=%s)', (varied) => {
    const small = concatenated(10, varied);
    const big = concatenated(100, varied);
    const tSmall = time(() => buildPassages(structureDocument(small)), 1, 4);
    const tBig = time(() => buildPassages(structureDocument(big)), 1, 2);
    console.log(
      `varied=${varied}: 10× ${small.length} chars ${tSmall.toFixed(0)} ms; 100× ${big.length} chars ${tBig.toFixed(0)} ms; ratio ${(tBig / tSmall).toFixed(1)}`,
    );
    expect(tBig).toBeLessThan(8000);
    expect(tBig / tSmall).toBeLessThan(40); // 10× the input: linear ≈ 10, quadratic ≈ 100
  });
});
