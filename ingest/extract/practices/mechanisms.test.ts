import { describe, expect, it } from 'vitest';
import { extractMechanisms } from './index.js';
import { normalizeKey, segment } from '../../segment/index.js';
import { inCorpus } from './testCorpus.js';

interface Row {
  sentence: string;
  present?: string[];
  absent?: string[];
  definition?: [key: string, contains: string];
  alias?: [key: string, alias: string];
}

// Every sentence is quoted from corpus/*.txt (checked below).
const rows: Row[] = [
  { sentence: '平城区在抓党建促基层治理能力提升专项行动推进中，形成了“两化三三三”工作法', present: ['两化三三三'] },
  {
    sentence: '“两化”即问题清单化、任务项目化；“三三”就是抓住三个时间节点，每月初推进安排，月中调度督导，月末总结考评',
    present: ['两化'],
    definition: ['两化', '问题清单化、任务项目化'],
  },
  {
    sentence: '壮大网格工作力量，建立“1+3+X”网格力量体系，每个网格由1名专职网格员+3名兼职网格员+X名辅助网格员组成，每天不间断走访巡查并公布联系方式',
    present: ['1+3+X'],
    definition: ['1+3+X', '1名专职网格员+3名兼职网格员+X名辅助网格员'],
    alias: ['1+3+X', '1+3+X网格力量体系'],
  },
  {
    sentence: '第一步，推出“1+3+N”执法工作模式，即下沉街道1支执法队伍；吸纳驻街派出所、市场监管所、司法所3个行政执法部门的执法力量；未向街道下沉行政执法权力和执法力量的各领域行政执法部门，实行“穿街吹哨、部门报到”，建立街道与部门联合执法的基层综合行政执法管理体系',
    present: ['1+3+N'],
    absent: ['穿街吹哨', '部门报到'],
    definition: ['1+3+N', '下沉街道1支执法队伍'],
  },
  {
    sentence: '如振华街道创新在职党员分类管理方法解决党员管理松散问题；清远街道创新“1+4+X”工作法解决基层治理力量单薄等均取得了较好的整改效果',
    present: ['1+4+X'],
  },
  {
    sentence: '平城区在专项行动对照检查阶段，创新“五个融合”工作模式，即把问题整改和建立长效机制、转变工作作风、推动党组织中心工作、推进基层治理',
    present: ['五个融合'],
    definition: ['五个融合', '把问题整改和建立长效机制'],
  },
  {
    sentence: '“六位一体”党建工作模式的组织、实施、推进，使党建工作与中心工作融合的路径更加清晰、融合的效果更加明显',
    present: ['六位一体'],
    alias: ['六位一体', '六位一体党建工作模式'],
  },
  { sentence: '“一网两访三为”探索基层治理新路径城关区', present: ['一网两访三为'] },
  {
    sentence: '通过签订共建协议、召开联席会议、干部交叉任职、共同开展活动等方式，引导13个社区党组织统筹辖区65个小微企业和社会组织，并将石化大学、宝石花物业等54家单位纳为共建单位，构建起了“1+13+N”的党建共同体',
    present: ['1+13+N'],
  },
  { sentence: '## “1+6”模式激活基层治理“神经末梢”', present: ['1+6'], absent: ['神经末梢'] },
  {
    sentence: '抓党建促基层治理能力提升专项行动开展以来，小南头街道把党的政治和组织优势转化为基层治理优势，全面实施“1333”基层治理体系，即高举一面旗帜，坚持党建引领；筑强街道党工委、村党支部、党建联盟3大堡垒；夯实队伍保障、阵地保障、经济保障3个保障；织密天网、地网、人网3张网络，打通基层治理末梢神经，努力蹚出一条党建引领基层治理的新路子',
    present: ['1333'],
    definition: ['1333', '高举一面旗帜'],
  },
  {
    sentence: '实践证明，持续抓好基层治理现代化这项基础性工作，要牢固树立大抓基层的鲜明导向，深入落实“1+7”系列文件，推进基层党建与基层治理深度融合，以高质量基层党建引领基层治理高质量发展',
    present: ['1+7'],
  },
  { sentence: '（三）党建“三进小区”，打通治理末梢', present: ['三进小区'] },
  { sentence: '常态化落实“双报到、双服务”机制，解决群众“急难愁盼”问题48个', present: ['双报到', '双服务'], absent: ['急难愁盼'] },
  { sentence: '建立全省统一的社区工作者岗位等级序列，根据社区人员构成设立“五岗二十级”岗位等级', present: ['五岗二十级'] },
  {
    sentence: '坚持和发展新时代“枫桥经验”，抓实网格化管理，在辖区设置“红黄绿”网格54个，由社区书记和“两委”成员分别担任红黄网格网格长',
    present: ['枫桥经验', '网格化管理'],
    absent: ['红黄绿', '两委'],
  },
  { sentence: '践行新时代“枫桥经验”“浦江经验”，实现矛盾纠纷排查在村、化解在村', present: ['枫桥经验', '浦江经验'] },
  { sentence: '全面推行“网格化”管理，把党组织建在网格', present: ['网格化管理'], absent: ['网格化'] },
  {
    sentence: '例如街道辖区内的三南村就着眼乡村基层治理的实际需求，落细落实全市创新实施的畅通民情、代理民事、恳谈民议、帮扶民困“四民工作法”，从而做到不断拓宽基层党组织联系服务群众渠道、有效延伸党员干部基层治理和服务群众平台、强化保障农村群众对村级事务的知情权和参与权、着力提高',
    present: ['四民工作法'],
  },
  { sentence: '全面推行文建明工作法，按照精简、统一、便利、', present: ['文建明工作法'] },
  { sentence: '整合项目区3个村党支部资源力量，成立农业发展中心村党委，建立完善“党支部+合作社”发展模式，促进党建与产业深度融合，实现村集体抱团发展', present: ['党支部+合作社'] },
  {
    sentence: '例如黔东南州凯里市积极探索“社区红管家”治理服务模式，建立社区党组织领导下的红色业委会、红色物业、红色服务队“三方共议”小区议事机制，推行业主委员会、物业公司党员负责人与社区“两委”成员“双向进入、交叉任职”',
    present: ['社区红管家', '三方共议'],
    absent: ['两委', '双向进入'],
  },
  { sentence: '探索推行“小院议事”“三评一创”等做法，评定最美庭院、星级文明户、最美商户等示范户258户，廖家槽村、元山村、赖', present: ['小院议事', '三评一创'] },
  { sentence: '抓实抓好“头雁工程”，持续选优配强村党组织书记，先后选任致富带头人村支书3人、专业化管理的村支书4人、兵支书3人', present: ['头雁工程'] },
  { sentence: '选优配强“头雁”队伍', absent: ['头雁'] },
  {
    sentence: '实践中，创新形成“一中心一张网十联户”“党小组+网格员+联户长”基层治理机制，将乡村综治中心打造成为基层治理的“指挥棒”，将城乡网格化管理平台打造成为社会治理的基本单元，有效汇聚各方面力量，打通基层治理“最后一公里”',
    present: ['一中心一张网十联户', '党小组+网格员+联户长'],
    absent: ['指挥棒', '最后一公里'],
  },
  {
    sentence: '例如黔西南州望谟县福桃街道探索创新群众点单、支部派单、党员接单、多方督单、平台晒单、群众评单“六单一体”闭环服务模式，着力提升党建引领城市基层治理效能，不断满足人民群众对美好生活向往',
    present: ['六单一体'],
  },
  // Slogans, metaphors, problems and groups in quotes are not practices.
  { sentence: '育选一个好“领头雁”，着力构建政治引领力强的工作机制', absent: ['领头雁'] },
  { sentence: '党员志愿服务队发挥党员先锋模范作用，形成覆盖式党员志愿者参与社区治理的综合服务网，走好服务群众“最后一公里”', absent: ['最后一公里'] },
  { sentence: '夯实3个保障，解决群众“急难愁盼”', absent: ['急难愁盼'] },
  { sentence: '积极推动庄浪西路等社区党组织与宝石花兰州石化地区公司党委“双向进入、交叉任职”，使社区、物业从“两家人”变成“一家亲”', absent: ['两家人', '一家亲', '双向进入'] },
  { sentence: '探索实施自管一批、托管一批、整合一批、运营一批物业管理模式，以优质成熟小区与“三不管”楼院高低搭配、捆绑招标的方式解决“三不管”楼院无人管、物业管理水平低等问题', absent: ['三不管'] },
  { sentence: '从抓学习、抓思路、抓服务、抓党建、抓队伍、抓工团等工作入手，明晰基层党组织负责人的工作职责和具体任务，让基层“领头雁”牢记“该干什么”', absent: ['领头雁', '该干什么'] },
  { sentence: '一、聚焦“产业兴”，打造“国际空港”新城镇', absent: ['产业兴', '国际空港'] },
  { sentence: '村和社区打破“村民”“居民”的陈旧观念，共同到基层服务群众、到一线解决问题，做到民有所呼、我有所应，实现了精准管理、精准服务', absent: ['村民', '居民'] },
  { sentence: '基层治理是国家治理的最末端，新旺街道大力改变原来村社“碎片化”管理模式，整合村社各方力量，实现全街“一盘棋”', absent: ['碎片化', '一盘棋'] },
  { sentence: '充分发挥党群服务中心作用，打造“一站式”便民服务平台，帮办、代办、网办综合办件5502件（次）', absent: ['一站式'] },
  { sentence: '聚焦“一老一小”群体，社区引进百善康养颐养院有限责任公司，对老年人日间照料中心服务功能进行优化提升，探索休闲娱乐、就餐、理疗、按摩等多样化服务，同时常态化开展关爱儿童服务活动，丰富社区少年儿童课余生活', absent: ['一老一小'] },
  { sentence: '“两访”串联民心', absent: ['两访'] },
  { sentence: '设立“社区全科受理＋物业客服”邻里中心，大力推行物业事项一窗办理，妥善解决惠及22街区周边2687户居民道路交通等一系列问题', absent: ['社区全科受理+物业客服'] },
  {
    sentence: '着眼整治城市“撂荒地”，下大力气推进老旧小区和背街小巷改造提升，实施“两巷两园两角一中心、一街一岸三中心、四园四中心、一家一院四角两中心”等民生实事项目，建成多元主题口袋公园、文化街区17处，便民服务场所10处',
    absent: ['撂荒地', '两巷两园两角一中心', '四园四中心'],
  },
  {
    sentence: '新旺街道党工委充分发挥村、经济组织和社区党组织各自优势，大力实施需求、资源、项目“三项清单”制度，通过互签“共建协议”，共办“主题党日”，领办民生实事，达到互通互融、共建共享，“1+1>2”的良好效果，广大党员干事创业热情持续',
    present: ['三项清单'],
    absent: ['1+1', '共建协议', '主题党日'],
  },
];

describe('extractMechanisms on corpus sentences', () => {
  it('has at least 40 rows, each quoting the corpus', () => {
    expect(rows.length).toBeGreaterThanOrEqual(40);
    for (const row of rows) expect(inCorpus(row.sentence), row.sentence).toBe(true);
  });

  it.each(rows.map((r) => [r.sentence.slice(0, 28), r] as const))('%s', (_label, row) => {
    const found = extractMechanisms(row.sentence);
    const keys = found.map((m) => m.key);
    for (const key of row.present ?? []) expect(keys, `present ${key}`).toContain(key);
    for (const key of row.absent ?? []) expect(keys, `absent ${key}`).not.toContain(key);
    for (const m of found) {
      expect(m.type).toBe('mechanism');
      expect(normalizeKey(row.sentence.slice(m.start, m.end))).toContain(normalizeKey(m.name));
    }
    if (row.definition) {
      const [key, contains] = row.definition;
      expect(String(found.find((m) => m.key === key)?.props?.definition)).toContain(contains);
    }
    if (row.alias) {
      const [key, alias] = row.alias;
      expect(found.find((m) => m.key === key)?.aliases).toContain(alias);
    }
  });

  it('marks formulas with their shape and accepts tokens from the segmenter', () => {
    const sentence = rows[2].sentence;
    const [m] = extractMechanisms(sentence, segment(sentence));
    expect(m).toMatchObject({ key: '1+3+X', name: '1+3+X', props: { shape: 'formula', terms: 3 } });
  });
});
