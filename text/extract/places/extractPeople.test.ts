import { describe, expect, it } from 'vitest';
import { normalizeKey, normalizeWidth } from '../../segment/index.js';
import type { ArticleContext, Mention } from '../types.js';
import { extractPeople } from './index.js';
import { inCorpus, levelBySuffix } from './testing.js';

/**
 * extractPeople reads people and roles; the places and organizations a role leads are found by the
 * place and organization rules and handed over by extractSentence. The rows give those holders
 * (`r:福利路街道`, `o:林业站`) so that this table tests the people rules alone.
 */
interface Row {
  sentence: string;
  from: 'corpus' | 'invented';
  /** Places (r:) and organizations (o:) written in the sentence. */
  holders?: string[];
  /** The article's region chain (widest first), for roles that name only a level (县委书记). */
  context?: string[];
  /** Places of the passage's earlier sentences. */
  recent?: string[];
  /** name:role@holder (holder empty when none). */
  people: string[];
  /** LEADS person>holder:role; omitted = not checked. */
  leads?: string[];
}

function holder(sentence: string, spec: string, inSentence = true): Mention {
  const [kind, name] = spec.includes(':') ? spec.split(':') : ['r', spec];
  const start = inSentence ? normalizeWidth(sentence).indexOf(name) : 0;
  if (inSentence && start < 0) throw new Error(`${name} is not in the row's sentence`);
  const type = kind === 'o' ? 'organization' : 'region';
  const level = type === 'region' ? levelBySuffix(name) : undefined;
  return { type, name, key: normalizeKey(name), start: inSentence ? start : 0, end: inSentence ? start + name.length : 0, ...(level ? { level } : {}) };
}

const rows: Row[] = [
  // Bylines
  { sentence: '西固区福利路街道党工委书记 牟辉', from: 'corpus', holders: ['西固区', '福利路街道'], people: ['牟辉:党工委书记@福利路街道'], leads: ['牟辉>福利路街道:党工委书记'] },
  { sentence: '1．西固区福利路街道党工委书记牟辉：', from: 'corpus', holders: ['西固区', '福利路街道'], people: ['牟辉:党工委书记@福利路街道'], leads: ['牟辉>福利路街道:党工委书记'] },
  { sentence: '兰州新区中川镇党委书记 施承岩', from: 'corpus', holders: ['兰州新区', '中川镇'], people: ['施承岩:党委书记@中川镇'], leads: ['施承岩>中川镇:党委书记'] },
  {
    sentence: '永登县委副书记、树屏镇党委书记 贾锐',
    from: 'corpus',
    holders: ['永登县', '树屏镇'],
    people: ['贾锐:党委书记@树屏镇'],
    leads: ['贾锐>永登县:县委副书记', '贾锐>树屏镇:党委书记'],
  },
  { sentence: '鄂尔多斯市康巴什区青春山街道党工委书记 白永刚', from: 'invented', holders: ['鄂尔多斯市', '康巴什区', '青春山街道'], people: ['白永刚:党工委书记@青春山街道'], leads: ['白永刚>青春山街道:党工委书记'] },
  // Role then name in running text: two- and three-character names, the verb after them left out
  { sentence: '敦煌路街道党工委书记王强介绍，街道今年新建了3个驿站', from: 'invented', holders: ['敦煌路街道'], people: ['王强:党工委书记@敦煌路街道'], leads: ['王强>敦煌路街道:党工委书记'] },
  { sentence: '武侯区玉林街道党工委书记刘晓梅表示，要把服务送到楼栋', from: 'invented', holders: ['武侯区', '玉林街道'], people: ['刘晓梅:党工委书记@玉林街道'], leads: ['刘晓梅>玉林街道:党工委书记'] },
  { sentence: '县委书记李文涛带队调研乡村振兴工作', from: 'invented', context: ['定西市', '通渭县'], people: ['李文涛:县委书记@通渭县'], leads: ['李文涛>通渭县:县委书记'] },
  { sentence: '县委书记李文涛带队调研乡村振兴工作', from: 'invented', people: ['李文涛:县委书记@'], leads: [] },
  { sentence: '社区党委书记赵丽华介绍，活动室每天开放到晚上九点', from: 'invented', people: ['赵丽华:党委书记@'], leads: [] },
  { sentence: '在龙泉社区，社区党委书记赵丽华带领党员逐户走访', from: 'invented', holders: ['龙泉社区'], people: ['赵丽华:党委书记@龙泉社区'], leads: ['赵丽华>龙泉社区:党委书记'] },
  { sentence: '社区党委副书记何静介绍，报修响应时间缩短了一半', from: 'invented', context: ['宁波市', '鄞州区', '潘火街道'], recent: ['桂花社区'], people: ['何静:党委副书记@桂花社区'], leads: ['何静>桂花社区:党委副书记'] },
  { sentence: '区长马立新在调研时强调，要把矛盾化解在基层', from: 'invented', context: ['西安市', '莲湖区'], people: ['马立新:区长@莲湖区'], leads: ['马立新>莲湖区:区长'] },
  { sentence: '白云镇党委副书记、镇长郑晓光主持召开会议', from: 'invented', holders: ['白云镇'], people: ['郑晓光:镇长@白云镇'], leads: ['郑晓光>白云镇:党委副书记', '郑晓光>白云镇:镇长'] },
  { sentence: '红旗社区党总支书记秦玉兰对记者说，居民的事就是社区的事', from: 'invented', holders: ['红旗社区'], people: ['秦玉兰:党总支书记@红旗社区'], leads: ['秦玉兰>红旗社区:党总支书记'] },
  { sentence: '新华社区居委会副主任孙丽娟介绍了议事会的流程', from: 'invented', holders: ['新华社区'], people: ['孙丽娟:居委会副主任@新华社区'], leads: ['孙丽娟>新华社区:居委会副主任'] },
  { sentence: '“有事找网格，网格马上办。”东湖社区网格长柳青青说', from: 'invented', holders: ['东湖社区'], people: ['柳青青:网格长@东湖社区'], leads: ['柳青青>东湖社区:网格长'] },
  { sentence: '林业站站长石磊介绍，今年新造林3000亩', from: 'invented', holders: ['o:林业站'], people: ['石磊:站长@林业站'], leads: ['石磊>林业站:站长'] },
  { sentence: '镇长欧阳明辉主持会议并讲话', from: 'invented', context: ['赣州市', '于都县', '罗坳镇'], people: ['欧阳明辉:镇长@罗坳镇'], leads: ['欧阳明辉>罗坳镇:镇长'] },
  { sentence: '驻村第一书记司马文在村部接待群众', from: 'invented', context: ['黔南州', '瓮安县', '坪上村'], people: ['司马文:第一书记@坪上村'], leads: ['司马文>坪上村:第一书记'] },
  { sentence: '网格员张建国每天巡查辖区', from: 'invented', people: ['张建国:网格员@'], leads: [] },
  { sentence: '驻村干部韦国强每周入户走访两次', from: 'invented', people: ['韦国强:驻村干部@'], leads: [] },
  // A second role after the name
  {
    sentence: '由镇党委委员刘洋兼任新村社区党委第一书记，负责社区筹建',
    from: 'invented',
    holders: ['新村社区'],
    people: ['刘洋:党委第一书记@新村社区'],
    leads: ['刘洋>新村社区:党委第一书记'],
  },
  // 姓名（职务）
  {
    sentence: '座谈中，刘海燕（石门村党支部书记）、陈志远（驻村干部）先后发言',
    from: 'invented',
    holders: ['石门村'],
    people: ['刘海燕:党支部书记@石门村', '陈志远:驻村干部@'],
    leads: ['刘海燕>石门村:党支部书记'],
  },
  { sentence: '活动当天，李卫东（副县长）为志愿者授旗', from: 'invented', context: ['吕梁市', '岚县'], people: ['李卫东:副县长@岚县'], leads: ['李卫东>岚县:副县长'] },
  // 姓名同志, speakers
  { sentence: '王强同志长期扎根基层，带头为群众办实事', from: 'invented', people: ['王强:@'] },
  { sentence: '”张本珍说', from: 'corpus', people: ['张本珍:@'] },
  { sentence: '“我们把问题解决在小区里。”居民李秀英说', from: 'invented', people: ['李秀英:居民@'] },
  {
    sentence: '2月23日，金元社区党总支书记、居委会主任袁琴对记者介绍',
    from: 'corpus',
    holders: ['金元社区'],
    people: ['袁琴:居委会主任@金元社区'],
    leads: ['袁琴>金元社区:党总支书记', '袁琴>金元社区:居委会主任'],
  },
  { sentence: '金元社区居民席灿明对记者说：“我和我夫人退休了，感觉到最困难就是吃住行方面的问题', from: 'corpus', holders: ['金元社区'], people: ['席灿明:居民@金元社区'], leads: [] },
  {
    sentence: '如今，只要有时间，家住凯里市城西街道未来城社区的居民张本珍大姐都会约上好姐妹一起到社区颐养院，共享退休后的快乐时光',
    from: 'corpus',
    holders: ['凯里市', '城西街道', '未来城社区'],
    people: ['张本珍:居民@未来城社区'],
    leads: [],
  },
  // Reporters and credits
  { sentence: '本报记者 邱东芳', from: 'corpus', people: ['邱东芳:记者@'] },
  { sentence: '邱东芳摄', from: 'corpus', people: ['邱东芳:摄影@'] },
  { sentence: '本报讯（记者 董芳）全省抓党建促基层治理能力提升专项行动开展以来，平城区坚持以党建为统领', from: 'corpus', people: ['董芳:记者@'] },
  { sentence: '(执笔：王贵森)', from: 'corpus', people: ['王贵森:执笔@'] },
  { sentence: '本报记者 何文静 通讯员 赵国梁', from: 'invented', people: ['何文静:记者@', '赵国梁:通讯员@'] },
  { sentence: '（执笔：周建华 吴晓丽）', from: 'invented', people: ['周建华:执笔@', '吴晓丽:执笔@'] },
  { sentence: '本报讯（记者 马晓燕 实习生 刘畅）今年以来，城东街道推行网格化服务', from: 'invented', people: ['马晓燕:记者@', '刘畅:实习生@'] },
  { sentence: '（责任编辑：潘云）', from: 'invented', people: ['潘云:责任编辑@'] },
  // Not people: kinship and address terms, verbs, shops and streets, a credit without a surname
  { sentence: '正在晒被子的居民周阿姨笑着说，院子干净多了', from: 'invented', people: [] },
  { sentence: '村里的王大爷告诉记者，路修好了出门方便', from: 'invented', people: [] },
  { sentence: '面馆老板李师傅说，街坊们吃碗面的工夫就把事情说了', from: 'invented', people: [] },
  { sentence: '老党员张大妈和网格员一起走访独居老人', from: 'invented', people: [] },
  { sentence: '小区退休职工赵姐说：“有事在楼道里喊一声就有人应。”', from: 'invented', people: [] },
  { sentence: '东关社区居民委员会主任刘芳介绍，议事会每月开一次', from: 'invented', holders: ['东关社区'], people: ['刘芳:居民委员会主任@东关社区'], leads: ['刘芳>东关社区:居民委员会主任'] },
  { sentence: '“小区就是我的家。”退休教师刘桂兰笑着说', from: 'invented', people: ['刘桂兰:教师@'] },
  { sentence: '对排查出的矛盾纠纷，由村党支部书记包案化解，限期办结', from: 'invented', people: [] },
  { sentence: '社区主任林荫路小区改造的事一直放在心上', from: 'invented', people: [] },
  { sentence: '网格员走访了李记超市和王家饭店', from: 'invented', people: [] },
  { sentence: '书记向群众宣讲政策', from: 'invented', people: [] },
  { sentence: '2023年，全省人民群众安全感和对政法机关的满意度持续稳步提升', from: 'corpus', people: [] },
  { sentence: '本报讯（记者 丰曼）“菜篮子”超市、社区老年餐厅', from: 'corpus', people: ['丰曼:记者@'] },
  { sentence: '本报讯（记者 锦秀）抓党建促基层治理能力提升专项行动开展以来，小南头街道把党的政治和组织优势转化为基层治理优势', from: 'corpus', people: [] },
  // Role words without a name
  { sentence: '区委组建工作专班研究落实具体事宜，区委书记亲自带队调研和推动改革工作，实现了顶层设计、指挥协调的有机统一', from: 'corpus', people: [] },
  { sentence: '在辖区设置“红黄绿”网格54个，由社区书记和“两委”成员分别担任红黄网格网格长', from: 'corpus', people: [] },
  { sentence: '习近平总书记指出，要把服务群众、造福群众作为基层治理的出发点和落脚点', from: 'corpus', people: [] },
  { sentence: '选优配强安置地社区党组织书记和居委会主任，优先配齐安置地社区专职网格员，持续向安置地社区选派第一书记和工作队', from: 'corpus', people: [] },
  { sentence: '先后选任致富带头人村支书3人、专业化管理的村支书4人、兵支书3人', from: 'corpus', people: [] },
];

const describePerson = (m: Mention): string => `${m.name}:${m.props?.role ?? ''}@${m.props?.organization ?? ''}`;

function contextOf(row: Row): ArticleContext | undefined {
  if (!row.context && !row.recent) return undefined;
  const regions = (row.context ?? []).map((name) => holder(row.sentence, name, false));
  return { regions, subject: regions[regions.length - 1], recent: (row.recent ?? []).map((name) => holder(row.sentence, name, false)) };
}

describe('extractPeople', () => {
  it.each(rows)('$sentence', (row) => {
    expect(inCorpus(row.sentence)).toBe(row.from === 'corpus');
    const holders = (row.holders ?? []).map((spec) => holder(row.sentence, spec));
    const { mentions, relations } = extractPeople(row.sentence, contextOf(row), { holders });
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
    const [leads] = extractPeople(sentence, undefined, { holders: [holder(sentence, '西固区'), holder(sentence, '福利路街道')] }).relations;
    expect(leads).toMatchObject({ type: 'LEADS', from: { type: 'person', key: '牟辉' }, to: { type: 'region', key: '福利路街道' }, props: { role: '党工委书记' } });
    expect(sentence.slice(leads.start, leads.end)).toBe('西固区福利路街道党工委书记 牟辉');
  });

  it('lists every role of a person', () => {
    const sentence = '永登县委副书记、树屏镇党委书记贾锐';
    const [person] = extractPeople(sentence, undefined, { holders: [holder(sentence, '永登县'), holder(sentence, '树屏镇')] }).mentions;
    expect(person.props).toMatchObject({ role: '党委书记', organization: '树屏镇', roles: '县委副书记、党委书记' });
  });

  it('a party body without a written place leads the article subject', () => {
    const subject = { type: 'region' as const, name: '新旺街道', key: '新旺街道', start: 0, end: 4, level: 'township' as const };
    const { relations } = extractPeople('街道党工委书记 张明介绍', { regions: [subject], subject }, { holders: [] });
    expect(relations.map((r) => `${r.to.key}:${r.props?.role}`)).toEqual(['新旺街道:党工委书记']);
  });

  it('a bracketed role is cited with the name and the brackets', () => {
    const sentence = '座谈中，刘海燕（石门村党支部书记）先后发言';
    const [leads] = extractPeople(sentence, undefined, { holders: [holder(sentence, '石门村')] }).relations;
    expect(sentence.slice(leads.start, leads.end)).toBe('刘海燕（石门村党支部书记）');
  });

  it('finds its own places and organizations when the caller gives none', () => {
    const { mentions } = extractPeople('本报记者 邱东芳');
    expect(mentions.map((m) => m.name)).toEqual(['邱东芳']);
  });
});
