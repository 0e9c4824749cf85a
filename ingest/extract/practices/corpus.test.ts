import { describe, expect, it } from 'vitest';
import { extractMechanisms, extractMetrics } from './index.js';
import { corpusFiles, sentencesOf } from './testCorpus.js';

describe('whole corpus', () => {
  const byKey = new Map<string, { count: number; files: Set<string> }>();
  let metrics = 0;
  for (const file of corpusFiles) {
    for (const sentence of sentencesOf(file.text)) {
      for (const m of extractMechanisms(sentence)) {
        const entry = byKey.get(m.key) ?? { count: 0, files: new Set<string>() };
        entry.count++;
        entry.files.add(file.name.slice(0, 3));
        byKey.set(m.key, entry);
      }
      metrics += extractMetrics(sentence).length;
    }
  }

  it('finds the named practices of the five reports', () => {
    const listing = [...byKey].sort((a, b) => b[1].count - a[1].count).map(([k, v]) => `${k}:${v.count}`);
    console.log(`mechanism keys (${byKey.size}): ${listing.join('  ')}\nmetrics: ${metrics}`);
    for (const key of ['1+3+X', '1+3+N', '1+4+X', '两化三三三', '五个融合', '六位一体', '一网两访三为', '枫桥经验']) {
      expect(byKey.has(key), key).toBe(true);
    }
  });

  it('never takes slogans, metaphors or problems for practices', () => {
    for (const key of ['领头雁', '最后一公里', '急难愁盼', '三不管', '两家人', '一家亲', '干什么', '两委']) {
      expect(byKey.has(key), key).toBe(false);
    }
  });

  it('finds 1+3+X only in the 酒泉路街道 speech (file 001)', () => {
    expect([...byKey.get('1+3+X')!.files]).toEqual(['001']);
  });

  it('finds metrics', () => {
    expect(metrics).toBeGreaterThan(150);
  });
});
