import { describe, expect, it } from 'vitest';
import type { Mention } from '../types.js';
import { attachFollowingDefinitions, extractMechanisms } from './index.js';
import { inCorpus } from './testCorpus.js';

interface Row {
  label: string;
  /** Consecutive sentences, each with its closing punctuation as the passage has it. */
  sentences: string[];
  /** [sentence index, mechanism key, text the definition contains]; omitted when none is attached. */
  defined?: [index: number, key: string, contains: string];
  /** Mechanisms that must not get a definition from the next sentence. */
  undefinedKeys?: string[];
}

const WEI_WANG = '建立“微网实格”织密体系。';
const WEI_WANG_NEXT =
  '将13个社区划为39个楼院网格和7个专属网格，组建网格党支部46个，为每个网格配备1名专职网格员，聚合各类治理力量572人，打造“幸福管家”“庭院帮帮队”开展社区治理。';

// Every sentence is quoted from corpus/*.txt (checked below). Rows marked "paired" put two real
// sentences side by side that are not adjacent in the corpus, to test one guard at a time.
const rows: Row[] = [
  {
    label: 'a lead phrase is defined by the next sentence (先锋路街道, file 001)',
    sentences: ['二、延伸触角解民忧，争做“治理先锋”。', WEI_WANG, WEI_WANG_NEXT, '今年先后入户走访800人次，'],
    defined: [1, '微网实格', '将13个社区划为39个楼院网格和7个专属网格'],
  },
  {
    label: 'a number list named in a lead phrase (file 000)',
    sentences: ['建立农村公路管理“四个体系”。', '组织保障体系方面，进一步完善和落实省、市、县、乡镇、村五级责任；资金保障体系方面，构建农村公路管养资金投入体系；'],
    defined: [0, '四个体系', '组织保障体系方面'],
  },
  {
    label: 'a title has no closing punctuation: the next sentence opens the article, it does not define',
    sentences: ['“六位一体”党建工作模式的实践探索', '能源高质量发展是经济社会高质量发展的重要内容。'],
    undefinedKeys: ['六位一体'],
  },
  {
    label: 'a national model in a heading line',
    sentences: ['坚持和发展新时代“枫桥经验”', '习近平总书记反复强调，坚持和发展新时代“枫桥经验”，加强和创新基层社会治理，切实把矛盾化解在基层，维护好社会稳定。'],
    undefinedKeys: ['枫桥经验'],
  },
  {
    label: 'a numbered heading',
    sentences: ['（三）党建“三进小区”，打通治理末梢', '实施“先锋领航·幸福小区”建设行动，以“三进”活动为抓手打通城市基层治理“最后一公里”。'],
    undefinedKeys: ['三进小区', '先锋领航·幸福小区'],
  },
  {
    label: 'a long sentence is not a lead phrase (its practice has its own context)',
    sentences: ['平城区在抓党建促基层治理能力提升专项行动推进中，形成了“两化三三三”工作法。', '“两化”即问题清单化、任务项目化；“三三”就是抓住三个时间节点，每月初推进安排，月中调度督导，月末总结考评。'],
    defined: [1, '两化', '问题清单化'], // its own 即 definition, untouched
    undefinedKeys: ['两化三三三'],
  },
  {
    label: 'paired: the next sentence opens with a practice of its own',
    sentences: [WEI_WANG, '“两化”即问题清单化、任务项目化；“三三”就是抓住三个时间节点，每月初推进安排，月中调度督导，月末总结考评。'],
    undefinedKeys: ['微网实格'],
  },
  {
    label: 'paired: the next sentence is itself a short lead phrase',
    sentences: [WEI_WANG, '建立农村公路管理“四个体系”。'],
    undefinedKeys: ['微网实格'],
  },
  {
    label: 'the last sentence has no next sentence',
    sentences: [WEI_WANG_NEXT, WEI_WANG],
    undefinedKeys: ['微网实格'],
  },
];

describe('attachFollowingDefinitions', () => {
  it('quotes the corpus', () => {
    for (const row of rows) for (const s of row.sentences) expect(inCorpus(s.replace(/[。；]$/, '')), s).toBe(true);
  });

  it.each(rows.map((r) => [r.label, r] as const))('%s', (_label, row) => {
    const mentions = row.sentences.map((s) => extractMechanisms(s));
    const result = attachFollowingDefinitions(row.sentences, mentions);
    const definitionOf = (index: number, key: string): unknown => result[index].find((m) => m.key === key)?.props?.definition;
    if (row.defined) {
      const [index, key, contains] = row.defined;
      expect(String(definitionOf(index, key))).toContain(contains);
    }
    for (const key of row.undefinedKeys ?? []) {
      const index = result.findIndex((list) => list.some((m) => m.key === key));
      expect(index, key).toBeGreaterThanOrEqual(0);
      expect(result[index].find((m) => m.key === key)?.props?.definitionFrom, key).toBeUndefined();
    }
  });

  it('is pure: inputs are not changed, untouched lists are returned as they are', () => {
    const sentences = [WEI_WANG, WEI_WANG_NEXT];
    const mentions = sentences.map((s) => extractMechanisms(s));
    const before = JSON.stringify(mentions);
    const result = attachFollowingDefinitions(sentences, mentions);
    expect(JSON.stringify(mentions)).toBe(before);
    expect(result[1]).toBe(mentions[1]);
    expect(result[0][0]).not.toBe(mentions[0][0]);
    expect(result[0][0]).toMatchObject({ key: '微网实格', props: { definitionFrom: 'next-sentence', head: '体系' } });
    expect(result[0][0].props?.definition).toBe(WEI_WANG_NEXT.replace(/。$/, ''));
  });

  it('leaves other mention types alone and checks its arguments', () => {
    const place: Mention = { type: 'organization', name: '先锋路街道', key: '先锋路街道', start: 0, end: 0 };
    const result = attachFollowingDefinitions([WEI_WANG, WEI_WANG_NEXT], [[...extractMechanisms(WEI_WANG), place], []]);
    expect(result[0][1]).toBe(place);
    expect(() => attachFollowingDefinitions([WEI_WANG], [])).toThrow();
  });
});
