import { describe, expect, it } from 'vitest';
import { corpusRegions } from './corpusRegions.js';
import { CORPUS_DIR } from './testing.js';

/** Every region mention of the five corpus files (sentences split on 。！？ and newlines). */
const regions = corpusRegions(CORPUS_DIR);
const byName = new Map(regions.map((r) => [r.name, r]));

describe('regions over the whole corpus', () => {
  it.each([
    ['福利路街道', 'township'],
    ['西固区', 'county'],
    ['兰州市', 'prefecture'],
    ['酒泉路街道', 'township'],
    ['银滩路街道', 'township'],
    ['先锋路街道', 'township'],
    ['中川镇', 'township'],
    ['树屏镇', 'township'],
    ['海石湾镇', 'township'],
    ['大同镇', 'township'],
    ['永登县', 'county'],
    ['平城区', 'county'],
    ['大同市', 'prefecture'],
    ['清远街道', 'township'],
    ['振华街道', 'township'],
    ['桥西社区', 'community'],
    ['金元社区', 'community'],
    ['金阳街道', 'township'],
    ['观山湖区', 'county'],
    ['贵阳市', 'prefecture'],
    ['巴中市', 'prefecture'],
    ['贵州省', 'province'],
    ['西水磨村', 'community'],
    ['兰州新区', 'county'],
    ['福泉市', 'county'],
    ['xx街道', 'township'],
  ])('finds %s as %s', (name, level) => {
    expect(byName.get(name)?.level).toBe(level);
  });

  it('finds none of the known false candidates', () => {
    const falseCandidates = [
      '党建引领城市', '城市', '个社区', '让社区', '基层社区', '部分县', '在强省', '强省', '城乡', '全区', '全市', '全省', '辖区', '街道社区',
      '各社区', '该区', '示范镇', '和美镇', '新城镇', '城镇', '乡镇', '乡镇街道', '文明村', '生态村', '主城区', '城区', '首善之区',
      '中部地区', '成渝地区', '市州', '县区', '专属网格', '大同', '山村', '乡村', '农村', '积极探索党建引领城市',
    ];
    const names = regions.map((r) => r.name);
    for (const name of falseCandidates) expect(names, name).not.toContain(name);
  });

  it('every name outside the division list is a reviewed rule hit (a new one is a precision change to check)', () => {
    // With each file's own districts in scope, its listed communities (重熙社区, 畅家巷社区) come from the list too.
    const reviewed = ['三南村', '石家寨村', '西水磨村', '狮山新村', '福桃街道', '迎宾馆街道'];
    const byRule = regions.filter((r) => !r.anonymised && !r.sources.includes('division')).map((r) => r.name);
    expect(byRule.sort()).toEqual([...reviewed].sort());
  });

  it('finds the listed places of the corpus from the division list, not from a corpus word list', () => {
    for (const name of ['福利路街道', '酒泉路街道', '水泊寺街道', '小南头街道', '金元社区', '永宁社区', '畅家巷社区', '重熙社区', '郭家墩村', '海石湾镇', '中川镇']) {
      expect(byName.get(name)?.sources, name).toContain('division');
    }
  });

  it('anonymised names are only xx + suffix', () => {
    for (const r of regions.filter((x) => x.anonymised)) expect(r.name).toMatch(/^xx[\u4e00-\u9fff]{0,2}(省|市|区|街道|社区|地区|开发区)$/);
  });
});
