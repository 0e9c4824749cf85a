import { describe, expect, it } from 'vitest';
import type { AdminLevel } from '../../../graph/model.js';
import { segment, type Token } from '../../segment/index.js';
import { documentScope, extractPlaces, withDocumentScope } from './index.js';
import { inCorpus } from './testing.js';

interface Row {
  sentence: string;
  /** Every region expected, in order: name:level (name with * when anonymised). */
  regions: string[];
  /** Names that must not be found (false candidates of the suffix table). */
  absent?: string[];
  /** LOCATED_IN pairs inner>outer, with the stacked span as evidence. */
  located?: { pair: string; span: string }[];
  /** Text joined across a PDF page break (not one line of the corpus). */
  joined?: boolean;
  /** A sentence written for this test, with places from other provinces (not from corpus/). */
  invented?: boolean;
}

const rows: Row[] = [
  // Stacked names and chains
  { sentence: '西固区福利路街道党工委书记 牟辉', regions: ['西固区:county', '福利路街道:township'], located: [{ pair: '福利路街道>西固区', span: '西固区福利路街道' }] },
  {
    sentence: '例如贵阳市观山湖区金阳街道金元社区始终牢记习近平总书记的殷切嘱托',
    regions: ['贵阳市:prefecture', '观山湖区:county', '金阳街道:township', '金元社区:community'],
    located: [
      { pair: '观山湖区>贵阳市', span: '贵阳市观山湖区金阳街道金元社区' },
      { pair: '金阳街道>观山湖区', span: '贵阳市观山湖区金阳街道金元社区' },
      { pair: '金元社区>金阳街道', span: '贵阳市观山湖区金阳街道金元社区' },
    ],
  },
  { sentence: '例如铜仁市万山区丹都街道旺家社区以高质量党建引领易地扶贫搬迁群众共建安居、业安、身安、心安“四安家园”', regions: ['铜仁市:prefecture', '万山区:county', '丹都街道:township', '旺家社区:community'] },
  { sentence: '与青海省民和县川口镇签订友好乡镇合作共建协议', regions: ['青海省:province', '民和县:county', '川口镇:township'], absent: ['乡镇'], located: [{ pair: '川口镇>民和县', span: '青海省民和县川口镇' }] },
  { sentence: '如今，只要有时间，家住凯里市城西街道未来城社区的居民张本珍大姐都会约上好姐妹一起到社区颐养院', regions: ['凯里市:county', '城西街道:township', '未来城社区:community'], located: [{ pair: '城西街道>凯里市', span: '凯里市城西街道未来城社区' }] },
  { sentence: '例如黔南州福泉市以打造绿色宜居人文城市为目标', regions: ['黔南州:prefecture', '福泉市:county'], absent: ['人文城市', '城市'] },
  { sentence: '例如黔东南州凯里市积极探索“社区红管家”治理服务模式', regions: ['黔东南州:prefecture', '凯里市:county'] },
  { sentence: '“我们细化调整了7个网格，整合下沉党员干部、无职党员、网格员、志愿者等力量组建‘名城先锋·帮帮团’，让服务更精准、成效更显著。”遵义市汇川区洗马路街道汇川社区党总支书记、居委会主任马旺萍说', regions: ['遵义市:prefecture', '汇川区:county', '洗马路街道:township', '汇川社区:community'], absent: ['个网格'] },
  { sentence: '制定了《大同市平城区创建“城市基层党建联盟”工作方案》', regions: ['大同市:prefecture', '平城区:county'], located: [{ pair: '平城区>大同市', span: '大同市平城区' }] },
  { sentence: '本报讯（记者 何楠）近年来，振华街道永宁社区抓党建促基层治理', regions: ['振华街道:township', '永宁社区:community'] },
  // Same name, different place; aliases
  { sentence: '永登县大同镇党委书记 刘万明', regions: ['永登县:county', '大同镇:township'], absent: ['大同市'] },
  { sentence: '在强省会行动中着力打造中心乡镇大同样板', regions: [], absent: ['大同市', '大同镇', '在强省', '强省'] },
  { sentence: '着力打造平城区党建新高地、基层治理新引擎，奋力谱写现代化大同“首善之区”建设新篇章', regions: ['平城区:county'], absent: ['大同市', '首善之区'] },
  { sentence: '新时代巴中党建引领基层治理路径研究*', regions: ['巴中市:prefecture'] },
  { sentence: '关键词：巴中；党建引领；基层治理；路径', regions: ['巴中市:prefecture'] },
  { sentence: '高党在巴中全市基层的组织覆盖和工作覆盖质量，以党建强助推', regions: ['巴中市:prefecture'], absent: ['全市'] },
  { sentence: '近年来，贵州坚持抓基层、强基础、固根本，深入推进抓党建促脱贫攻坚、抓党建促乡村振兴', regions: ['贵州省:province'] },
  { sentence: '全省公路网规模适中，配置欠佳，中部地区路网密度偏低，兰州、天水、庆阳、嘉峪关等市的公路网水平与经济社会发展地位不匹配', regions: ['兰州市:prefecture', '天水市:prefecture', '庆阳市:prefecture', '嘉峪关市:prefecture'], absent: ['中部地区', '等市', '全省'] },
  { sentence: '全方位强化基层治理能力提升创新探索，平城区委自抓党建促基层治理能力提升专项行动开展以来', regions: ['平城区:county'] },
  { sentence: '永登县委副书记、树屏镇党委书记 贾锐', regions: ['永登县:county', '树屏镇:township'] },
  { sentence: '村集体先后获得山西省依法治理先进单位、山西省文明村、山西省生态村、大同市社会治安综合治理先进单位、平城区先进基层党组织等荣誉称号', regions: ['山西省:province', '山西省:province', '山西省:province', '大同市:prefecture', '平城区:county'], absent: ['文明村', '生态村'] },
  // Lists, numeral heads
  { sentence: '廖家槽村、元山村、赖家坡村分别被命名为“全国村级议事协商创新实验试点村”', regions: ['廖家槽村:community', '元山村:community', '赖家坡村:community'], absent: ['试点村', '全国村级议事协商创新实验试点村'], joined: true },
  { sentence: '例如街道辖区内的三南村就着眼乡村基层治理的实际需求', regions: ['三南村:community'], absent: ['辖区', '乡村'] },
  { sentence: '一方面，社区建制调整没有完全跟进城市人口增长和发展建设', regions: [] },
  // Anonymised
  { sentence: 'xx 市 xx 区是张謇故里，是宜居之城', regions: ['xx市*:prefecture', 'xx区*:county'], located: [{ pair: 'xx区>xx市', span: 'xx 市 xx 区' }] },
  { sentence: '202x 年，xx 开发区与 xx 街道实行“区街分设”一体化运行', regions: ['xx开发区*:county', 'xx街道*:township'] },
  { sentence: 'xx 街道作为 xx 区主城区，是该区党建引领城市治理创新探索的主战场', regions: ['xx街道*:township', 'xx区*:county'], absent: ['该区', '主城区', '城区'] },
  { sentence: '同时，xx 路社区还将智慧管理模式融入社区管理，网格员各司其职，网格化管理精细有质', regions: ['xx路社区*:community'] },
  { sentence: '随着全面建成社会主义现代化强国和交通强国目标的深入推进，对照高质量发展、建设人民满意交通等要求，xx省交通运输需求扩大和有效供给不足的困难和问题仍然突出', regions: ['xx省*:province'] },
  // Negative rows: the suffix table's false hits
  { sentence: '以党建引领城市基层治理助力强省会', regions: [], absent: ['党建引领城市', '城市', '强省'] },
  { sentence: '调整优化4个社区服务范围，建设2个党群服务中心，设立“新业态劳动者驿站”，打造一刻钟便民服务生活圈', regions: [], absent: ['个社区'] },
  { sentence: '在强省会行动中打造新食品产业新高地', regions: [], absent: ['在强省'] },
  { sentence: '没有跟上城市化的步子，部分县（区）街道设置不完善', regions: [], absent: ['部分县'] },
  { sentence: '理思路，最终让社区成为矛盾解决的“终点站”', regions: [], absent: ['让社区'] },
  { sentence: '习近平总书记深刻指出，基层社区事务很多很繁杂，单靠政府是干不了、也干不好的', regions: [], absent: ['基层社区'] },
  { sentence: '推行领题示范整改，全区各级主要领导干部主动领题201个', regions: [], absent: ['全区'] },
  { sentence: '街道社区统筹协调功能有效提升', regions: [], absent: ['街道社区'] },
  { sentence: '各市（州）始终以增强基层党组织政治功能和组织功能为切入点，强化街道社区党组织在辖区内的领导作用', regions: [], absent: ['各市', '辖区', '街道社区'] },
  { sentence: '向开放，社区便民服务一门式提供、一站式办理，城乡社区“十', regions: [], absent: ['城乡', '城乡社区'] },
  { sentence: '二、聚焦“乡村美”，打造“最美航道”和美镇', regions: [], absent: ['和美镇'] },
  { sentence: '加快建设和美乡村打造乡村振兴示范镇', regions: [], absent: ['示范镇', '振兴示范镇'] },
  { sentence: '水泊寺街道依托辖区优质教育资源，在全街7个社区2个村挂牌成立“家长学校”', regions: ['水泊寺街道:township'], absent: ['辖区', '个社区', '个村'] },
  { sentence: '将13个社区划为39个楼院网格和7个专属网格，组建网格党支部46个', regions: [], absent: ['专属网格', '楼院网格', '个社区'] },
  { sentence: '理科技支撑能力。以建设成渝地区大数据产业基地为契机，加快', regions: [], absent: ['成渝地区'] },
  { sentence: '二、聚焦民生优服务。回应民生关切。推动实施独立高中、农贸市场改造等6个民生工程建设，打通海石湾滨河路、川海大桥连接道路等5条城区断头路', regions: [], absent: ['城区'] },
  { sentence: '兰州市乡镇街道党（工）委书记工作交流会发言材料汇编', regions: ['兰州市:prefecture'], absent: ['乡镇街道', '乡镇'] },
  { sentence: '发挥众创城食品产业园、中食净化、广东雪印3家企业独特优势', regions: [], absent: ['广东省'] },
  { sentence: '建立结对互助机制，10个社区与甘肃农业大学17个基层党组织携手结对', regions: [], absent: ['甘肃省', '个社区'] },
  // Invented sentences: places of other provinces, found from the division list or by pattern, never from a corpus list
  { invented: true, sentence: '敦煌路街道党工委书记王强介绍，街道今年新建了三个议事厅', regions: ['敦煌路街道:township'] },
  { invented: true, sentence: '武侯区玉林街道推行“院落自治”', regions: ['武侯区:county', '玉林街道:township'], located: [{ pair: '玉林街道>武侯区', span: '武侯区玉林街道' }] },
  {
    invented: true,
    sentence: '江岸区四唯街道惠民苑社区探索“红色物业”',
    regions: ['江岸区:county', '四唯街道:township', '惠民苑社区:community'],
    located: [
      { pair: '四唯街道>江岸区', span: '江岸区四唯街道惠民苑社区' },
      { pair: '惠民苑社区>四唯街道', span: '江岸区四唯街道惠民苑社区' },
    ],
  },
  { invented: true, sentence: '成都市武侯区玉林街道黉门街社区居民李芳说', regions: ['成都市:prefecture', '武侯区:county', '玉林街道:township', '黉门街社区:community'] },
  { invented: true, sentence: '经选举产生了青年路社区居民委员会', regions: ['青年路社区:community'], absent: ['青年路社区居民委员会'] },
  { invented: true, sentence: '家住幸福里社区的居民赵大爷说', regions: ['幸福里社区:community'] },
  { invented: true, sentence: '近年来，天府新区党工委探索“一核三治”', regions: ['天府新区:county'] },
  { invented: true, sentence: '滨江片区党委书记带队走访', regions: ['滨江片区:township'] },
  { invented: true, sentence: 'xx 街道 xx 社区通过“三事分流”化解矛盾', regions: ['xx街道*:township', 'xx社区*:community'], located: [{ pair: 'xx社区>xx街道', span: 'xx 街道 xx 社区' }] },
  { invented: true, sentence: '山西大同是一座历史文化名城', regions: ['山西省:province', '大同市:prefecture'] },
  { invented: true, sentence: '在兰州召开现场推进会', regions: ['兰州市:prefecture'] },
  { invented: true, sentence: '甘肃各地积极推广这一做法', regions: ['甘肃省:province'] },
  { invented: true, sentence: '黔东南苗族侗族自治州凯里市开展试点', regions: ['黔东南苗族侗族自治州:prefecture', '凯里市:county'] },
  { invented: true, sentence: '在东坝片区先行试点“楼栋议事”', regions: ['东坝片区:township'] },
  { invented: true, sentence: '街道位于苏州东部新城北侧', regions: ['苏州市:prefecture', '东部新城:township'], located: [{ pair: '东部新城>苏州市', span: '苏州东部新城' }] },
  { invented: true, sentence: '2023年，青石村村集体收入突破50万元', regions: ['青石村:community'], absent: ['青石村村'] },
  { invented: true, sentence: '区委在滨河科创园区设立了党群服务站', regions: ['滨河科创园区:county'] },
  { invented: true, sentence: '古城镇鹿鸣村开展“院坝会”', regions: ['古城镇:township', '鹿鸣村:community'], located: [{ pair: '鹿鸣村>古城镇', span: '古城镇鹿鸣村' }] },
  { invented: true, sentence: '在白塔镇白塔村，网格员每天巡查', regions: ['白塔镇:township', '白塔村:community'] },
  // Invented negatives: common words before a suffix, verbs named like streets
  { invented: true, sentence: '与周边一些先进街道相比，我们还有差距', regions: [], absent: ['先进街道'] },
  { invented: true, sentence: '推进智慧社区建设，细化社区干部管理', regions: [], absent: ['智慧社区', '细化社区'] },
  { invented: true, sentence: '针对不同类型社区，近年来社区党委普遍设立了议事会', regions: [], absent: ['不同类型社区', '类型社区', '近年来社区'] },
  { invented: true, sentence: '祝愿大家幸福安康，朝阳产业蓬勃发展', regions: [], absent: ['安康市', '朝阳市'] },
  { invented: true, sentence: '加快建设街道综合养老服务中心', regions: [], absent: ['建设街道'] },
  { invented: true, sentence: '各地大力发展食品园区和文化街区', regions: [], absent: ['食品园区', '文化街区'] },
];

const describeRegion = (m: { name: string; anonymised?: boolean; level?: AdminLevel }): string => `${m.name}${m.anonymised ? '*' : ''}:${m.level}`;

describe('extractPlaces on corpus and invented sentences', () => {
  it.each(rows)('$sentence', (row) => {
    // Corpus rows must be real corpus text; invented rows must not be, so they test generality.
    if (!row.joined) expect(inCorpus(row.sentence)).toBe(!row.invented);
    const { mentions, relations } = extractPlaces(row.sentence);
    expect(mentions.map(describeRegion)).toEqual(row.regions);
    for (const name of row.absent ?? []) expect(mentions.map((m) => m.name)).not.toContain(name);
    for (const m of mentions) expect(row.sentence.slice(m.start, m.end).replace(/\s+/g, '')).toBe(m.aliases?.[0] ?? m.name);
    for (const { pair, span } of row.located ?? []) {
      const [inner, outer] = pair.split('>');
      const rel = relations.find((r) => r.from.key === inner.toUpperCase() && r.to.key === outer.toUpperCase());
      expect(rel, pair).toBeDefined();
      expect(row.sentence.slice(rel!.start, rel!.end)).toBe(span);
    }
  });
});

describe('extractPlaces details', () => {
  it('gives aliases the key of the known place (巴中 → 巴中市, 贵州 → 贵州省)', () => {
    const [bazhong] = extractPlaces('新时代巴中党建引领基层治理路径研究*').mentions;
    expect(bazhong).toMatchObject({ name: '巴中市', key: '巴中市', level: 'prefecture', aliases: ['巴中'] });
    const [guizhou] = extractPlaces('近年来，贵州坚持抓基层、强基础、固根本').mentions;
    expect(guizhou).toMatchObject({ key: '贵州省', aliases: ['贵州'] });
  });

  it('keeps 大同镇 and 大同市 apart', () => {
    const town = extractPlaces('永登县大同镇党委书记 刘万明').mentions.find((m) => m.name === '大同镇');
    const city = extractPlaces('制定了《大同市平城区创建“城市基层党建联盟”工作方案》').mentions.find((m) => m.name === '大同市');
    expect(town?.key).not.toBe(city?.key);
  });

  it('marks anonymised names and keeps their key per name', () => {
    const [street] = extractPlaces('近年来，xx街道始终将人民对美好生活的向往作为不断深化基层治理改革的“导航标”').mentions;
    expect(street).toMatchObject({ name: 'xx街道', key: 'XX街道', anonymised: true, level: 'township' });
  });

  it('finds a name the division list lacks stacked under a listed place when jieba splits it (河湾 / 镇)', () => {
    const sentence = '与青海省民和县河湾镇签订友好乡镇合作共建协议';
    const tokens: Token[] = segment(sentence).flatMap((t) =>
      t.word === '河湾' ? [{ ...t, tag: 'x' }] : [t],
    );
    const { mentions } = extractPlaces(sentence, tokens);
    expect(mentions.map((m) => `${m.name}:${m.props?.source}`)).toEqual(['青海省:division', '民和县:division', '河湾镇:stack']);
  });

  it('finds a listed town whatever jieba does with it (川口镇 is in the division list)', () => {
    const sentence = '与青海省民和县川口镇签订友好乡镇合作共建协议';
    const tokens: Token[] = segment(sentence).flatMap((t) =>
      t.word === '川口镇' ? [{ word: '川口', tag: 'x', start: t.start, end: t.start + 2 }, { word: '镇', tag: 'n', start: t.start + 2, end: t.end }] : [t],
    );
    expect(extractPlaces(sentence, tokens).mentions.map((m) => `${m.name}:${m.props?.source}`)).toContain('川口镇:division');
  });

  it('knows the communities of the document’s own districts only inside its scope', () => {
    const sentence = '重熙社区成立了“家庭党校”示范点';
    expect(extractPlaces(sentence).mentions.map((m) => m.name)).toEqual([]);
    const scope = documentScope('山西省大同市平城区水泊寺街道');
    const inScope = withDocumentScope(scope, () => extractPlaces(sentence).mentions);
    expect(inScope.map((m) => `${m.name}:${m.level}:${m.props?.source}`)).toEqual(['重熙社区:community:division']);
  });

  it('accepts given tokens and uses token boundaries: a place starts where a token starts', () => {
    const sentence = '依托史喇口乡村旅游和廖家槽村农产品加工基地建设项目';
    expect(extractPlaces(sentence, segment(sentence)).mentions.map((m) => m.name)).toEqual(['廖家槽村']);
  });
});
