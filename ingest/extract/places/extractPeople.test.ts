import { describe, expect, it } from 'vitest';
import type { ArticleContext } from '../types.js';
import { extractPeople } from './index.js';
import { inCorpus } from './testing.js';

interface Row {
  sentence: string;
  /** name:role@organization (organization empty when none). */
  people: string[];
  /** LEADS person>holder:role. */
  leads?: string[];
}

const rows: Row[] = [
  { sentence: '西固区福利路街道党工委书记 牟辉', people: ['牟辉:党工委书记@福利路街道'], leads: ['牟辉>福利路街道:党工委书记'] },
  { sentence: '1．西固区福利路街道党工委书记牟辉：', people: ['牟辉:党工委书记@福利路街道'], leads: ['牟辉>福利路街道:党工委书记'] },
  { sentence: '兰州新区中川镇党委书记 施承岩', people: ['施承岩:党委书记@中川镇'], leads: ['施承岩>中川镇:党委书记'] },
  { sentence: '酒泉路街道党工委书记 马竞', people: ['马竞:党工委书记@酒泉路街道'], leads: ['马竞>酒泉路街道:党工委书记'] },
  {
    sentence: '永登县委副书记、树屏镇党委书记 贾锐',
    people: ['贾锐:党委书记@树屏镇'],
    leads: ['贾锐>永登县:县委副书记', '贾锐>树屏镇:党委书记'],
  },
  { sentence: '安宁区银滩路街道党工委书记 李录', people: ['李录:党工委书记@银滩路街道'], leads: ['李录>银滩路街道:党工委书记'] },
  { sentence: '红古区海石湾镇党委书记 张斌', people: ['张斌:党委书记@海石湾镇'], leads: ['张斌>海石湾镇:党委书记'] },
  { sentence: '永登县大同镇党委书记 刘万明', people: ['刘万明:党委书记@大同镇'], leads: ['刘万明>大同镇:党委书记'] },
  { sentence: '本报记者 邱东芳', people: ['邱东芳:记者@'] },
  { sentence: '邱东芳摄', people: ['邱东芳:摄影@'] },
  { sentence: '本报讯（记者 董芳）全省抓党建促基层治理能力提升专项行动开展以来，平城区坚持以党建为统领', people: ['董芳:记者@'] },
  { sentence: '本报讯（记者 臧力卿）平城区新旺街道党工委立足街道实际，以“双百工程”为牵引', people: ['臧力卿:记者@'] },
  { sentence: '(执笔：王贵森)', people: ['王贵森:执笔@'] },
  {
    sentence: '2月23日，金元社区党总支书记、居委会主任袁琴对记者介绍',
    people: ['袁琴:居委会主任@金元社区'],
    leads: ['袁琴>金元社区:党总支书记', '袁琴>金元社区:居委会主任'],
  },
  {
    sentence: '“我们细化调整了7个网格，整合下沉党员干部、无职党员、网格员、志愿者等力量组建‘名城先锋·帮帮团’，让服务更精准、成效更显著。”遵义市汇川区洗马路街道汇川社区党总支书记、居委会主任马旺萍说',
    people: ['马旺萍:居委会主任@汇川社区'],
    leads: ['马旺萍>汇川社区:党总支书记', '马旺萍>汇川社区:居委会主任'],
  },
  { sentence: '金元社区居民席灿明对记者说：“我和我夫人退休了，感觉到最困难就是吃住行方面的问题', people: ['席灿明:居民@金元社区'], leads: [] },
  { sentence: '如今，只要有时间，家住凯里市城西街道未来城社区的居民张本珍大姐都会约上好姐妹一起到社区颐养院，共享退休后的快乐时光', people: ['张本珍:居民@未来城社区'], leads: [] },
  { sentence: '“子女都在外地，我们便来社区颐养院唱唱歌、跳跳舞，这里还可以就餐，很合适居家养老', people: [] },
  { sentence: '”张本珍说', people: ['张本珍:@'] },
  // Negative rows: role words without a name
  { sentence: '“干部下沉，群众实现了有话有地方说、有困难有人帮、有问题有人管、民生有人问，还能在紧急情况下，迅速将各方力量汇集起来快速响应，切实提高网格平时管理和应急处突的能力。”遵义市委组织部有关负责人表示', people: [] },
  { sentence: '区委组建工作专班研究落实具体事宜，区委书记亲自带队调研和推动改革工作，实现了顶层设计、指挥协调的有机统一', people: [] },
  { sentence: '以“晒”书记项目、“亮”工作实绩方式，高标准推进基层党组织书记年度党建项目', people: [] },
  { sentence: '在辖区设置“红黄绿”网格54个，由社区书记和“两委”成员分别担任红黄网格网格长', people: [] },
  { sentence: '习近平总书记指出，要把服务群众、造福群众作为基层治理的出发点和落脚点', people: [] },
  { sentence: '选优配强安置地社区党组织书记和居委会主任，优先配齐安置地社区专职网格员，持续向安置地社区选派第一书记和工作队', people: [] },
  { sentence: '先后选任致富带头人村支书3人、专业化管理的村支书4人、兵支书3人', people: [] },
];

const describePerson = (m: { name: string; props?: Record<string, unknown> }): string => `${m.name}:${m.props?.role ?? ''}@${m.props?.organization ?? ''}`;

describe('extractPeople on corpus sentences', () => {
  it.each(rows)('$sentence', (row) => {
    expect(inCorpus(row.sentence)).toBe(true);
    const { mentions, relations } = extractPeople(row.sentence);
    expect(mentions.map(describePerson)).toEqual(row.people);
    for (const m of mentions) expect(row.sentence.slice(m.start, m.end)).toBe(m.name);
    if (row.leads) {
      expect(relations.map((r) => `${r.from.key}>${r.to.key}:${r.props?.role}`)).toEqual(row.leads);
      for (const r of relations) expect(r.type).toBe('LEADS');
    }
  });
});

describe('extractPeople details', () => {
  it('LEADS points at the region (the party committee is the place) with the byline as evidence', () => {
    const sentence = '西固区福利路街道党工委书记 牟辉';
    const [leads] = extractPeople(sentence).relations;
    expect(leads).toMatchObject({ type: 'LEADS', from: { type: 'person', key: '牟辉' }, to: { type: 'region', key: '福利路街道' }, props: { role: '党工委书记' } });
    expect(sentence.slice(leads.start, leads.end)).toBe('西固区福利路街道党工委书记 牟辉');
  });

  it('lists every role of a person', () => {
    const [person] = extractPeople('永登县委副书记、树屏镇党委书记贾锐').mentions;
    expect(person.props).toMatchObject({ role: '党委书记', organization: '树屏镇', roles: '县委副书记、党委书记' });
  });

  it('a party body without a written place leads the article subject', () => {
    const subject = { type: 'region' as const, name: '新旺街道', key: '新旺街道', start: 0, end: 4, level: 'township' as const };
    const ctx: ArticleContext = { regions: [subject], subject };
    const { relations } = extractPeople('街道党工委书记 张明介绍', ctx);
    expect(relations.map((r) => `${r.to.key}:${r.props?.role}`)).toEqual(['新旺街道:党工委书记']);
  });
});
