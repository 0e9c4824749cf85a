import { describe, expect, it } from 'vitest';
import type { DocumentGraph, EntityWithEvidence } from '../../graph/model.js';
import { buildDocumentGraph } from './buildDocumentGraph.js';

/** Invented reports (places of other provinces, invented people): region identity and chains from division codes. */
function graphOf(text: string, id = 'doc-test'): DocumentGraph {
  return buildDocumentGraph({ id, path: `${id}.txt`, text, format: 'txt', encoding: 'utf-8', ingestedAt: '2026-01-01T00:00:00Z' });
}

const regionsNamed = (g: DocumentGraph, name: string): EntityWithEvidence[] => g.entities.filter((e) => e.type === 'region' && e.name === name);

/** name(code) › parent(code) › … following LOCATED_IN edges of the given source (any source when null). */
function chain(g: DocumentGraph, name: string, source: string | null = 'division'): string {
  const byId = new Map(g.entities.map((e) => [e.id, e]));
  let entity: EntityWithEvidence | undefined = regionsNamed(g, name)[0];
  const out: string[] = [];
  while (entity && out.length < 8) {
    out.push(`${entity.name}(${entity.props.code ?? '-'})`);
    const up = g.relations.find((r) => r.type === 'LOCATED_IN' && r.from === entity!.id && (source === null || r.props.source === source));
    entity = up ? byId.get(up.to) : undefined;
  }
  return out.join(' › ');
}

describe('region chains from division codes', () => {
  it.each([
    {
      label: 'a corpus street: 酒泉路街道 › 城关区 › 兰州市 › 甘肃省',
      text: '甘肃省兰州市基层治理经验交流。酒泉路街道党工委坚持做实需求、资源、项目“三个清单”。城关区将经验推广到各街道。',
      name: '酒泉路街道',
      chain: '酒泉路街道(620102001) › 城关区(620102) › 兰州市(6201) › 甘肃省(62)',
    },
    {
      label: 'an invented sentence from Sichuan: 武侯区玉林街道',
      text: '四川省成都市基层治理观察：武侯区玉林街道推行“院落自治”，居民议事会每月召开一次。',
      name: '玉林街道',
      chain: '玉林街道(510107005) › 武侯区(510107) › 成都市(5101) › 四川省(51)',
    },
    {
      label: 'a street only the division list places (敦煌路街道 in 七里河区)',
      text: '敦煌路街道党工委书记王强介绍，街道今年新建了三个议事厅。',
      name: '敦煌路街道',
      chain: '敦煌路街道(620103004) › 七里河区(620103) › 兰州市(6201) › 甘肃省(62)',
    },
    {
      label: 'a residents’ committee written …社区居民委员会 in a report on its district',
      text: '山西省大同市平城区振华街道召开会议。永宁社区居民委员会换届选举顺利完成。',
      name: '永宁社区',
      chain: '永宁社区(140213054004) › 振华街道(140213054) › 平城区(140213) › 大同市(1402) › 山西省(14)',
    },
  ])('$label', ({ text, name, chain: expected }) => {
    const g = graphOf(text);
    expect(chain(g, name)).toBe(expected);
    // Chain links are cited with the place's own mention.
    const place = regionsNamed(g, name)[0];
    const link = g.relations.find((r) => r.type === 'LOCATED_IN' && r.from === place.id && r.props.source === 'division')!;
    expect(link.evidence.some((e) => text.slice(e.start, e.end).includes(name.slice(0, 2)))).toBe(true);
  });

  it('keeps a shared name unresolved and scoped to its document when nothing in it says which one (永宁社区 ×33)', () => {
    const g = graphOf('永宁社区党委书记李华介绍，社区今年办结群众诉求120件。');
    const [community] = regionsNamed(g, '永宁社区');
    expect(community.props.code).toBeUndefined();
    expect(community.scopeDocId).toBe('doc-test');
    expect(g.relations.filter((r) => r.type === 'LOCATED_IN' && r.from === community.id && r.props.source === 'division')).toEqual([]);
  });

  it('resolves a shared street name by a district the document names (新华街道 in 平城区), else scopes it', () => {
    const withDistrict = graphOf('平城区持续深化网格治理。新华街道党工委建立“街巷长”制度。');
    expect(regionsNamed(withDistrict, '新华街道')[0].props.code).toBe('140213062');
    const alone = graphOf('新华街道党工委建立“街巷长”制度。');
    expect(regionsNamed(alone, '新华街道')[0]).toMatchObject({ scopeDocId: 'doc-test' });
    expect(regionsNamed(alone, '新华街道')[0].props.code).toBeUndefined();
  });

  it('gives a resolved place a code-based identity: one place across documents, two 永宁社区 apart', () => {
    const a = graphOf('大同市平城区振华街道永宁社区开展“红色代办”。', 'doc-a');
    const b = graphOf('平城区振华街道永宁社区组织志愿者入户走访。', 'doc-b');
    const c = graphOf('宁夏回族自治区银川市兴庆区凤凰北街街道永宁社区推行议事协商。', 'doc-c');
    const [inA] = regionsNamed(a, '永宁社区');
    const [inB] = regionsNamed(b, '永宁社区');
    const [inC] = regionsNamed(c, '永宁社区');
    expect(inA.id).toBe(inB.id);
    expect(inA.key).toBe('gb2260:140213054004');
    expect(inA.scopeDocId).toBeUndefined();
    expect(inC.id).not.toBe(inA.id);
  });

  it('places a community named inside its street in that street, the district, the city and the province', () => {
    // The list's only 惠民苑社区 of 江岸区 lies in another street: the text wins, the community stays unresolved.
    const g = graphOf('江岸区四唯街道惠民苑社区探索“红色物业”，小区矛盾就地化解。');
    expect(chain(g, '惠民苑社区', null)).toBe('惠民苑社区(-) › 四唯街道(420102005) › 江岸区(420102) › 武汉市(4201) › 湖北省(42)');
    const [community] = regionsNamed(g, '惠民苑社区');
    const link = g.relations.find((r) => r.type === 'LOCATED_IN' && r.from === community.id)!;
    expect(link.props.source).not.toBe('division');
    expect(community.scopeDocId).toBe('doc-test');
  });

  it('resolves a community that lies in the street the text names (黉门街社区 in 玉林街道)', () => {
    const g = graphOf('成都市武侯区玉林街道黉门街社区居民李芳说，院坝议事会解决了停车难。');
    expect(chain(g, '黉门街社区')).toBe('黉门街社区(510107005008) › 玉林街道(510107005) › 武侯区(510107) › 成都市(5101) › 四川省(51)');
  });

  it('cites an ancestor where the document names it, else with the descendant’s mention (marked citedBy)', () => {
    const text = '成都市持续推进院落治理。武侯区玉林街道推行“院落自治”，居民议事会每月召开一次。';
    const g = graphOf(text);
    expect(chain(g, '玉林街道')).toBe('玉林街道(510107005) › 武侯区(510107) › 成都市(5101) › 四川省(51)');
    const [city] = regionsNamed(g, '成都市');
    expect(text.slice(city.evidence[0].start, city.evidence[0].end)).toBe('成都市');
    expect(city.props.citedBy).toBeUndefined();
    const [province] = regionsNamed(g, '四川省');
    expect(province.props.citedBy).toBe('descendant');
    expect(['成都市', '武侯区', '玉林街道']).toContain(text.slice(province.evidence[0].start, province.evidence[0].end));
  });

  it('keeps anonymised xx 街道 scoped, with no code', () => {
    const g = graphOf('xx 街道党工委推行“民情夜访”，收集问题86件。');
    const [street] = g.entities.filter((e) => e.type === 'region' && e.name === 'xx街道');
    expect(street).toMatchObject({ scopeDocId: 'doc-test' });
    expect(street.props.code).toBeUndefined();
  });

  it('reads a bare prefecture name as the town the same document writes in full (大同 in a report on 大同镇)', () => {
    const g = graphOf('永登县大同镇党委书记刘明介绍。着力打造中心乡镇大同样板，全镇群众满意。');
    expect(regionsNamed(g, '大同市')).toEqual([]);
    expect(regionsNamed(g, '大同镇')[0].props.code).toBe('620121109');
  });
});
