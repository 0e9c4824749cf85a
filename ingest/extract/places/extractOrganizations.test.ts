import { describe, expect, it } from 'vitest';
import { extractOrganizations } from './index.js';
import { inCorpus } from './testing.js';

interface Row {
  sentence: string;
  /** name:kind (name with * when anonymised). */
  organizations: string[];
  /** PART_OF pairs part>whole (keys). */
  partOf?: string[];
  absent?: string[];
}

const rows: Row[] = [
  { sentence: '由宝石花物业医院项目部承接街道综合养老服务中心，开展健康管理、托养护理、休闲娱乐等服务', organizations: ['宝石花物业:company'] },
  { sentence: '积极推动庄浪西路等社区党组织与宝石花兰州石化地区公司党委“双向进入、交叉任职”', organizations: ['宝石花兰州石化地区公司:company'] },
  { sentence: '抓科技赋能，与京东科技签订长期战略合作协议，加力推进“甘味树屏”10平方公里产业发展规划编制', organizations: ['京东科技:company'] },
  { sentence: '建立结对互助机制，10个社区与甘肃农业大学17个基层党组织携手结对', organizations: ['甘肃农业大学:university'] },
  { sentence: '引导13个社区党组织统筹辖区65个小微企业和社会组织，并将石化大学、宝石花物业等54家单位纳为共建单位，构建起了“1+13+N”的党建共同体', organizations: ['石化大学:university', '宝石花物业:company'] },
  {
    sentence: '中国石油天然气股份有限公司 xx 油田分公司（以下简称：xx 油田）聚焦“打造千万吨当量综合能源公司”战略目标，突出战略执行、工程建设、大抓基层导向',
    organizations: ['中国石油天然气股份有限公司xx油田分公司*:company', '中国石油天然气股份有限公司:company', 'xx油田*:company'],
    partOf: ['XX油田>中国石油天然气股份有限公司'],
    absent: ['综合能源公司'],
  },
  { sentence: 'xx 油田各单位、部门围绕发展战略目标，育好“领头雁”，强化责任意识，增强干事创业动力', organizations: ['xx油田*:company'] },
  { sentence: '聚焦“一老一小”群体，社区引进百善康养颐养院有限责任公司，对老年人日间照料中心服务功能进行优化提升', organizations: ['百善康养颐养院有限责任公司:company'] },
  { sentence: '聚焦“三不管”楼院存在的突出问题，联结聪颖、云翔等23家物业公司组成“红色物业联盟”', organizations: ['红色物业联盟:coalition'], absent: ['物业公司'] },
  { sentence: '用心服务辖区企事业单位和居民群众，打造了畅家巷社区“畅大妈”志愿服务队、杨家园社区“小院议事会”等各具特色的居民协商议事平台', organizations: ['畅大妈志愿服务队:social'], partOf: ['畅大妈志愿服务队>畅家巷社区'] },
  { sentence: '吸纳70名辖区企事业单位党组织书记担任街道“大工委”、社区“大党委”兼职委员', organizations: ['大工委:coalition', '大党委:coalition'] },
  { sentence: '制定了《大同市平城区创建“城市基层党建联盟”工作方案》', organizations: ['城市基层党建联盟:coalition'] },
  { sentence: '这一做法被《农民日报》内参刊发', organizations: ['农民日报:media'] },
  { sentence: '——摘自《山西日报》', organizations: ['山西日报:media'] },
  { sentence: '通过协调平城区老干局、社会组织等8名讲师，建立起“老年课堂师资库”，强化优质师资力量', organizations: ['平城区老干局:government'], partOf: ['平城区老干局>平城区'] },
  { sentence: '水泊寺街道建立了街道首个农村老年大学——石家寨村老年大学，并致力强化三个质量', organizations: ['石家寨村老年大学:social'], absent: ['老年大学'] },
  { sentence: '发挥众创城食品产业园、中食净化、广东雪印3家企业独特优势，将“科技+营销+区位+资源”的组合优势快速转化为市场竞争优势', organizations: ['中食净化:company', '广东雪印:company'] },
  // Negative rows: generic heads are not names; a place's party committee is the place
  { sentence: '扎实开展辖区供热“冬病夏治”行动，与住建部门、施工单位、热力公司建立联席机制', organizations: [], absent: ['热力公司'] },
  { sentence: '鼓励临近机场的4个村成立村级联合公司， 带动群众就近就地就业300户', organizations: [] },
  { sentence: '西固区福利路街道党工委书记 牟辉', organizations: [], absent: ['福利路街道党工委'] },
  { sentence: '本报讯（记者 臧力卿）平城区新旺街道党工委立足街道实际，以“双百工程”为牵引', organizations: [] },
];

describe('extractOrganizations on corpus sentences', () => {
  it.each(rows)('$sentence', (row) => {
    expect(inCorpus(row.sentence)).toBe(true);
    const { mentions, relations } = extractOrganizations(row.sentence);
    expect(mentions.map((m) => `${m.name}${m.anonymised ? '*' : ''}:${m.kind}`)).toEqual(row.organizations);
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
});
