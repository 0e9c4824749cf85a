import { describe, expect, it } from 'vitest';
import { normalizeKey, normalizeWidth } from '../../segment/index.js';
import type { Mention } from '../types.js';
import { extractOrganizations, extractPlaces } from './index.js';
import { inCorpus, levelBySuffix } from './testing.js';

/**
 * Organizations by head word and context. The places of a sentence come from the place rules; the rows
 * give them (`places`) so that this table tests the organization rules alone.
 */
interface Row {
  sentence: string;
  from: 'corpus' | 'invented';
  places?: string[];
  /** name:kind (name with * when anonymised, (g) when generic: one per article). */
  organizations: string[];
  /** PART_OF pairs part>whole (keys). */
  partOf?: string[];
  absent?: string[];
}

function place(sentence: string, name: string): Mention {
  const start = normalizeWidth(sentence).indexOf(name);
  if (start < 0) throw new Error(`${name} is not in the row's sentence`);
  const level = levelBySuffix(name);
  return { type: 'region', name, key: normalizeKey(name), start, end: start + name.length, ...(level ? { level } : {}) };
}

/** Every occurrence of a place in the sentence (青羊区人民法院、青羊区人民检察院). */
function everyPlace(sentence: string, name: string): Mention[] {
  const first = place(sentence, name);
  const out = [first];
  const text = normalizeWidth(sentence);
  for (let at = text.indexOf(name, first.end); at >= 0; at = text.indexOf(name, at + 1)) out.push({ ...first, start: at, end: at + name.length });
  return out;
}

const rows: Row[] = [
  // Companies, universities, media: a legal or company head word after a proper name
  { sentence: '由宝石花物业医院项目部承接街道综合养老服务中心，开展健康管理、托养护理、休闲娱乐等服务', from: 'corpus', organizations: ['宝石花物业:company', '街道综合养老服务中心(g):social'] },
  { sentence: '积极推动庄浪西路等社区党组织与宝石花兰州石化地区公司党委“双向进入、交叉任职”', from: 'corpus', organizations: ['宝石花兰州石化地区公司:company'] },
  { sentence: '抓科技赋能，与京东科技签订长期战略合作协议，加力推进“甘味树屏”10平方公里产业发展规划编制', from: 'corpus', organizations: ['京东科技:company'] },
  { sentence: '建立结对互助机制，10个社区与甘肃农业大学17个基层党组织携手结对', from: 'corpus', organizations: ['甘肃农业大学:university'] },
  {
    sentence: '中国石油天然气股份有限公司 xx 油田分公司（以下简称：xx 油田）聚焦“打造千万吨当量综合能源公司”战略目标，突出战略执行、工程建设、大抓基层导向',
    from: 'corpus',
    organizations: ['中国石油天然气股份有限公司xx油田分公司*:company', '中国石油天然气股份有限公司:company', 'xx油田*:company'],
    partOf: ['XX油田>中国石油天然气股份有限公司'],
    absent: ['综合能源公司'],
  },
  { sentence: '聚焦“一老一小”群体，社区引进百善康养颐养院有限责任公司，对老年人日间照料中心服务功能进行优化提升', from: 'corpus', organizations: ['百善康养颐养院有限责任公司:company'] },
  { sentence: '这一做法被《农民日报》内参刊发', from: 'corpus', organizations: ['农民日报:media'] },
  { sentence: '街道引入成都蓉邻家政服务有限公司，为双职工家庭提供课后托管服务', from: 'invented', organizations: ['成都蓉邻家政服务有限公司:company'] },
  { sentence: '与重庆三峡银行签订合作协议，设立社区微治理基金', from: 'invented', organizations: ['重庆三峡银行:company'] },
  // Names in a list before a noun that makes them organizations
  { sentence: '引导13个社区党组织统筹辖区65个小微企业和社会组织，并将石化大学、宝石花物业等54家单位纳为共建单位，构建起了“1+13+N”的党建共同体', from: 'corpus', organizations: ['石化大学:university', '宝石花物业:company'] },
  { sentence: '发挥众创城食品产业园、中食净化、广东雪印3家企业独特优势，将“科技+营销+区位+资源”的组合优势快速转化为市场竞争优势', from: 'corpus', organizations: ['中食净化:company', '广东雪印:company'] },
  { sentence: '引进深圳自然之星等农业产业化龙头企业，建设羽衣甘蓝、麒麟瓜等有机果蔬种植大棚1330座', from: 'corpus', organizations: ['深圳自然之星:company'] },
  { sentence: '吸纳驻区的华润万家、永辉超市等12家企业加入联盟', from: 'invented', organizations: ['华润万家:company', '永辉超市:company'] },
  { sentence: '聚焦“三不管”楼院存在的突出问题，联结聪颖、云翔等23家物业公司组成“红色物业联盟”', from: 'corpus', organizations: ['云翔:company', '红色物业联盟:coalition'], absent: ['物业公司'] },
  // Social bodies: a quoted name, a place or a bare level word before the head
  {
    sentence: '用心服务辖区企事业单位和居民群众，打造了畅家巷社区“畅大妈”志愿服务队、杨家园社区“小院议事会”等各具特色的居民协商议事平台',
    from: 'corpus',
    places: ['畅家巷社区', '杨家园社区'],
    organizations: ['畅大妈志愿服务队:social', '小院议事会:social'],
    partOf: ['畅大妈志愿服务队>畅家巷社区'],
  },
  { sentence: '水泊寺街道建立了街道首个农村老年大学——石家寨村老年大学，并致力强化三个质量', from: 'corpus', places: ['水泊寺街道', '石家寨村'], organizations: ['石家寨村老年大学:social'], partOf: ['石家寨村老年大学>石家寨村'], absent: ['老年大学'] },
  { sentence: '由老党员组成的“老娘舅”调解队每月走访一次', from: 'invented', organizations: ['老娘舅调解队:social'] },
  { sentence: '社区成立了“银龄议事团”，定期商量小区事务', from: 'invented', organizations: ['银龄议事团:social'] },
  { sentence: '区综治中心主任林涛介绍，平台上线以来共流转事件8.7万件', from: 'invented', organizations: ['区综治中心(g):government'] },
  { sentence: '长清区文昌街道社区卫生服务中心开展义诊活动', from: 'invented', places: ['长清区', '文昌街道'], organizations: ['长清区文昌街道社区卫生服务中心:social'], partOf: ['长清区文昌街道社区卫生服务中心>文昌街道'] },
  { sentence: '吸纳70名辖区企事业单位党组织书记担任街道“大工委”、社区“大党委”兼职委员', from: 'corpus', organizations: ['大工委(g):coalition', '大党委(g):coalition'] },
  { sentence: '制定了《大同市平城区创建“城市基层党建联盟”工作方案》', from: 'corpus', places: ['大同市', '平城区'], organizations: ['城市基层党建联盟:coalition'] },
  // Government departments and the party committees of counties and wider places
  { sentence: '通过协调平城区老干局、社会组织等8名讲师，建立起“老年课堂师资库”，强化优质师资力量', from: 'corpus', places: ['平城区'], organizations: ['平城区老干局:government'], partOf: ['平城区老干局>平城区'] },
  { sentence: '“干部下沉，群众实现了有话有地方说、有困难有人帮、有问题有人管、民生有人问，还能在紧急情况下，迅速将各方力量汇集起来快速响应，切实提高网格平时管理和应急处突的能力。”遵义市委组织部有关负责人表示', from: 'corpus', places: ['遵义市'], organizations: ['遵义市委组织部:government'], partOf: ['遵义市委组织部>遵义市'] },
  { sentence: '记者从城阳区委社会工作部了解到，全区已建成网格1200个', from: 'invented', places: ['城阳区'], organizations: ['城阳区委社会工作部:government'], partOf: ['城阳区委社会工作部>城阳区'] },
  { sentence: '中共临夏县委办公室印发了实施方案', from: 'invented', places: ['临夏县'], organizations: ['中共临夏县委办公室:government'], partOf: ['中共临夏县委办公室>临夏县'] },
  { sentence: '区委政研室组成课题组，先后深入8个镇调研', from: 'invented', organizations: ['区委政研室(g):government'] },
  { sentence: '青羊区人民法院、青羊区人民检察院联合发布典型案例', from: 'invented', places: ['青羊区'], organizations: ['青羊区人民法院:government', '青羊区人民检察院:government'] },
  { sentence: '东关社区居民委员会主任刘芳介绍，议事会每月开一次', from: 'invented', places: ['东关社区'], organizations: [], absent: ['东关社区居民委员会'] },
  { sentence: '近年来，通渭县委把村级组织建设作为重点', from: 'invented', places: ['通渭县'], organizations: ['通渭县委:party_committee'], partOf: ['通渭县委>通渭县'] },
  { sentence: '永登县委副书记、树屏镇党委书记 贾锐', from: 'corpus', places: ['永登县', '树屏镇'], organizations: ['永登县委:party_committee'] },
  // Not organizations: generic heads, practices in quotes, a township's party committee (the place itself)
  { sentence: '扎实开展辖区供热“冬病夏治”行动，与住建部门、施工单位、热力公司建立联席机制', from: 'corpus', organizations: [], absent: ['热力公司'] },
  { sentence: '鼓励临近机场的4个村成立村级联合公司， 带动群众就近就地就业300户', from: 'corpus', organizations: [] },
  { sentence: '与住建部门、物业企业等单位建立联席机制', from: 'invented', organizations: [] },
  { sentence: '“邻里议事会”制度运行以来，议定事项46件', from: 'invented', organizations: [] },
  { sentence: '西固区福利路街道党工委书记 牟辉', from: 'corpus', places: ['西固区', '福利路街道'], organizations: [], absent: ['福利路街道党工委'] },
  { sentence: '本报讯（记者 臧力卿）平城区新旺街道党工委立足街道实际，以“双百工程”为牵引', from: 'corpus', places: ['平城区', '新旺街道'], organizations: [] },
  { sentence: '敦煌路街道党工委书记王强介绍，街道今年新建了3个驿站', from: 'invented', places: ['敦煌路街道'], organizations: [] },
];

describe('extractOrganizations', () => {
  it.each(rows)('$sentence', (row) => {
    expect(inCorpus(row.sentence)).toBe(row.from === 'corpus');
    const places = (row.places ?? []).flatMap((name) => everyPlace(row.sentence, name));
    const { mentions, relations } = extractOrganizations(row.sentence, undefined, places);
    expect(mentions.map((m) => `${m.name}${m.anonymised ? '*' : ''}${m.props?.generic ? '(g)' : ''}:${m.kind}`)).toEqual(row.organizations);
    for (const name of row.absent ?? []) expect(mentions.map((m) => m.name)).not.toContain(name);
    for (const pair of row.partOf ?? []) {
      const [part, whole] = pair.split('>');
      expect(relations.some((r) => r.type === 'PART_OF' && r.from.key === part && r.to.key === whole), pair).toBe(true);
    }
  });
});

describe('extractOrganizations details', () => {
  it('the branch and its short name share one key (xx 油田)', () => {
    const { mentions } = extractOrganizations('中国石油天然气股份有限公司 xx 油田分公司（以下简称：xx 油田）聚焦');
    const branch = mentions.find((m) => m.name.endsWith('分公司'))!;
    const short = mentions.find((m) => m.name === 'xx油田')!;
    expect(branch.key).toBe(short.key);
    expect(branch.aliases).toEqual(['xx油田分公司']);
  });

  it('marks bare coalition words as generic (scoped by the article)', () => {
    const [body] = extractOrganizations('吸纳70名辖区企事业单位党组织书记担任街道“大工委”兼职委员').mentions;
    expect(body.props).toEqual({ generic: true });
  });

  it('keeps 中共 in the name and the name without it as an alias', () => {
    const sentence = '中共临夏县委办公室印发了实施方案';
    const [office] = extractOrganizations(sentence, undefined, [place(sentence, '临夏县')]).mentions;
    expect(office).toMatchObject({ name: '中共临夏县委办公室', aliases: ['临夏县委办公室'] });
  });

  it('places inside a company, university or newspaper name are part of the name, not places', () => {
    for (const [sentence, hidden] of [
      ['街道引入成都蓉邻家政服务有限公司提供托管服务', '成都'],
      ['建立结对互助机制，10个社区与甘肃农业大学17个基层党组织携手结对', '甘肃'],
      ['——摘自《山西日报》', '山西'],
    ]) {
      expect(extractPlaces(sentence).mentions.map((m) => m.name).filter((n) => n.startsWith(hidden)), sentence).toEqual([]);
    }
  });

  it('finds the places itself when the caller gives none', () => {
    const { mentions } = extractOrganizations('通过协调平城区老干局、社会组织等8名讲师');
    expect(mentions.map((m) => m.name)).toEqual(['平城区老干局']);
  });
});
