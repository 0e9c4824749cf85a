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

  it('finds runs, whole lists, word formulas and descriptive names', () => {
    for (const key of [
      '老书记工作室', '居民会客厅', '小板凳议事', '七一工作室', '小院议事', '三评一创', '五方共治',
      '双向进入、交叉任职', '穿街吹哨、部门报到', '自管一批、托管一批、整合一批、运营一批',
      '物业+为老服务', '党建+社区+业主+物业+志愿者', '网格化+管理+服务+N', '党支部+合作社', '结对共建', '微网实格',
    ]) {
      expect(byKey.has(key), key).toBe(true);
    }
    // Activities, ways, coalitions and objects of a build verb that does not close its clause.
    for (const key of ['我为党旗添光彩', '人员延展', '社区+商圈+驻地单位+商户', '幸福管家', '庭院帮帮队', '村超', '共驻共建']) {
      expect(byKey.has(key), key).toBe(false);
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
