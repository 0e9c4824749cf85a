import { describe, expect, it } from 'vitest';
import type { Mention } from '../types.js';
import { extractMechanisms, extractMetrics, linkSentence } from './index.js';
import { inCorpus } from './testCorpus.js';

/** An organization/region mention as the places rule would give it. */
function org(sentence: string, name: string, type: 'region' | 'organization' = 'organization'): Mention {
  const start = sentence.indexOf(name);
  if (start < 0) throw new Error(`${name} not in sentence`);
  return { type, name, key: name, start, end: start + name.length };
}

const subject = (name: string): Mention => ({ type: 'organization', name, key: name, start: 0, end: 0 });

function link(sentence: string, orgNames: string[], subjectName?: string) {
  const orgs = orgNames.map((n) => org(sentence, n));
  const found = { mechanisms: extractMechanisms(sentence), metrics: extractMetrics(sentence) };
  return { found, relations: linkSentence(sentence, orgs, subjectName ? subject(subjectName) : undefined, found) };
}

describe('linkSentence', () => {
  it('takes the organization before the adopt verb in the same clause', () => {
    const s = '如振华街道创新在职党员分类管理方法解决党员管理松散问题；清远街道创新“1+4+X”工作法解决基层治理力量单薄等均取得了较好的整改效果';
    expect(inCorpus(s)).toBe(true);
    const { relations } = link(s, ['振华街道', '清远街道'], '平城区');
    const adopts = relations.filter((r) => r.type === 'ADOPTS');
    expect(adopts).toHaveLength(1);
    expect(adopts[0]).toMatchObject({ from: { key: '清远街道' }, to: { type: 'mechanism', key: '1+4+X' }, props: { via: 'clause', verb: '创新' } });
    expect(s.slice(adopts[0].start, adopts[0].end)).toContain('清远街道创新“1+4+X”工作法');
  });

  it('takes the organization that opens the sentence across commas', () => {
    const s = '平城区在抓党建促基层治理能力提升专项行动推进中，形成了“两化三三三”工作法';
    const { relations } = link(s, ['平城区'], '大同市');
    expect(relations).toEqual([
      expect.objectContaining({ type: 'ADOPTS', from: { type: 'organization', key: '平城区' }, to: { type: 'mechanism', key: '两化三三三' }, start: 0, end: s.length }),
    ]);
    expect(relations[0].props).toMatchObject({ via: 'sentence', verb: '形成' });
  });

  it('falls back to the article subject, with the clause as evidence', () => {
    const s = '壮大网格工作力量，建立“1+3+X”网格力量体系，每个网格由1名专职网格员+3名兼职网格员+X名辅助网格员组成，每天不间断走访巡查并公布联系方式';
    const { relations } = link(s, [], '酒泉路街道');
    expect(relations).toHaveLength(1);
    expect(relations[0]).toMatchObject({ type: 'ADOPTS', from: { key: '酒泉路街道' }, to: { key: '1+3+X' }, props: { via: 'article' } });
    expect(s.slice(relations[0].start, relations[0].end)).toBe('建立“1+3+X”网格力量体系');
  });

  it('links metrics to the subject (HAS_METRIC)', () => {
    const s = '上半年共解决各类问题2944件，满意率达97.4%，5月至8月，街道12345投诉案件数量环比下降30.8%，顺利将2个红色网格降为黄色网格';
    const { relations, found } = link(s, [], '酒泉路街道');
    const hasMetric = relations.filter((r) => r.type === 'HAS_METRIC');
    expect(hasMetric).toHaveLength(found.metrics.length);
    expect(hasMetric.every((r) => r.from.key === '酒泉路街道' && r.to.type === 'metric')).toBe(true);
  });

  it('skips an organization that is the object of 与 (a partner, not the subject)', () => {
    const s = '建立结对互助机制，10个社区与甘肃农业大学17个基层党组织携手结对';
    expect(inCorpus(s)).toBe(true);
    const { relations } = link(s, ['甘肃农业大学'], '银滩路街道');
    const seventeen = relations.find((r) => r.type === 'HAS_METRIC' && r.to.key.includes('|17个'));
    expect(seventeen?.from.key).toBe('银滩路街道');
  });

  it('prefers the nearest organization of the clause (凯里市, not 黔东南州)', () => {
    const sentence = '例如黔东南州凯里市积极探索“社区红管家”治理服务模式，建立社区党组织领导下的红色业委会、红色物业、红色服务队“三方共议”小区议事机制，推行业主委员会、物业公司党员负责人与社区“两委”成员“双向进入、交叉任职”';
    const orgs = [org(sentence, '黔东南州', 'region'), org(sentence, '凯里市', 'region')];
    const found = { mechanisms: extractMechanisms(sentence), metrics: [] };
    const relations = linkSentence(sentence, orgs, subject('贵州省'), found);
    const redSteward = relations.find((r) => r.to.key === '社区红管家');
    expect(redSteward).toMatchObject({ from: { type: 'region', key: '凯里市' }, props: { verb: '探索' } });
    // The second clause has no organization of its own: the sentence opens with the stacked name
    // 黔东南州凯里市, whose narrowest part is the subject.
    expect(relations.find((r) => r.to.key === '三方共议')).toMatchObject({ from: { key: '凯里市' }, props: { via: 'sentence' } });
  });

  // Practices found by the list, run, formula and verb-phrase rules are adopted by the sentence's
  // subject, not by a place named inside the object (庄浪西路 is the object of 推动).
  it.each([
    {
      sentence: '积极推动庄浪西路等社区党组织与宝石花兰州石化地区公司党委“双向进入、交叉任职”，使社区、物业从“两家人”变成“一家亲”',
      orgs: ['庄浪西路', '宝石花兰州石化地区公司党委'],
      subject: '福利路街道',
      key: '双向进入、交叉任职',
      from: '福利路街道',
      via: 'article',
    },
    {
      sentence: '探索实施自管一批、托管一批、整合一批、运营一批物业管理模式，以优质成熟小区与“三不管”楼院高低搭配、捆绑招标的方式解决“三不管”楼院无人管、物业管理水平低等问题',
      orgs: [],
      subject: '福利路街道',
      key: '自管一批、托管一批、整合一批、运营一批',
      from: '福利路街道',
      via: 'article',
    },
    {
      sentence: '积极做实“物业＋为老服务”，由宝石花物业医院项目部承接街道综合养老服务中心，开展健康管理、托养护理、休闲娱乐等服务，切实解决为老服务碎片化、低水平、重复化问题',
      orgs: ['宝石花物业'],
      subject: '福利路街道',
      key: '物业+为老服务',
      from: '福利路街道',
      via: 'article',
    },
    {
      sentence: '通过“老书记工作室”“居民会客厅”“小板凳议事”“民情面对面”等方式，收集解决冬季供暖、物业管理、安全隐患等83个群众关注的问题',
      orgs: [],
      subject: '银滩路街道',
      key: '小板凳议事',
      from: '银滩路街道',
      via: 'article',
    },
    {
      sentence: '本报讯（记者 臧力卿）平城区新旺街道党工委立足街道实际，以“双百工程”为牵引，创新实施村（经济组织）社党组织结对共建，扬长补短，共同发力，全街党组织建设、基层治理和经济发展均保持良好发展势头',
      orgs: ['平城区', '新旺街道'],
      subject: '平城区',
      key: '结对共建',
      from: '新旺街道',
      via: 'sentence',
    },
  ])('$key is adopted by $from', ({ sentence, orgs, subject: subjectName, key, from, via }) => {
    expect(inCorpus(sentence)).toBe(true);
    const { relations } = link(sentence, orgs, subjectName);
    const adopts = relations.filter((r) => r.type === 'ADOPTS' && r.to.key === key);
    expect(adopts).toHaveLength(1);
    expect(adopts[0]).toMatchObject({ from: { key: from }, props: { via } });
  });

  it('returns nothing without an organization or a subject', () => {
    const s = '平城区在抓党建促基层治理能力提升专项行动推进中，形成了“两化三三三”工作法';
    expect(linkSentence(s, [], undefined, { mechanisms: extractMechanisms(s), metrics: [] })).toEqual([]);
  });
});
