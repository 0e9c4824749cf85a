import { describe, expect, it } from 'vitest';
import type { AdminLevel, EntityRecord, EntityType } from '../../graph/model.js';
import { analyzeQuestion, topicWords } from './analyzeQuestion.js';
import { EntityLexicon } from './EntityLexicon.js';

let n = 0;
const entity = (type: EntityType, name: string, level?: AdminLevel, props: EntityRecord['props'] = {}): EntityRecord => ({
  id: `ent-${++n}`, type, name, key: name, aliases: [], props, ...(level ? { level } : {}),
});

// Corpus names beside invented ones from other provinces.
const lexicon = new EntityLexicon([
  entity('region', '兰州市', 'prefecture'), entity('region', '永登县', 'county'), entity('region', '福利路街道', 'township'),
  entity('region', '酒泉路街道', 'township'), entity('region', '先锋路街道', 'township'), entity('region', '金元社区', 'community'),
  entity('region', '湖州市', 'prefecture'), entity('region', '吴兴区', 'county'), entity('region', '织里镇', 'township'),
  entity('region', '大港社区', 'community'), entity('region', '远安县', 'county'),
  entity('person', '牟辉', undefined, { role: '党工委书记' }), entity('person', '王海涛'),
  entity('mechanism', '1+3+X'), entity('mechanism', '三事分流'), entity('mechanism', '枫桥经验'),
]);

interface Row {
  q: string;
  type: string;
  intent?: string;
  slots?: number;
  level?: AdminLevel;
  year?: number;
  role?: string;
  /** Subjects of the first slot. */
  subjects?: string[];
  /** Words every slot's topic must hold, slot by slot. */
  topics?: string[][];
  unit?: (string | undefined)[];
  change?: boolean;
  period?: string;
  /** The kind of body asked for. */
  kind?: string | null;
}

const rows: Row[] = [
  // dev-style phrasings
  { q: '哪些街道采用了1+3+X网格力量体系？', type: 'place', intent: 'adopters', level: 'township' },
  { q: '福利路街道党工委书记是谁', type: 'person', intent: 'person', role: '党工委书记', subjects: ['福利路街道'] },
  { q: '酒泉路街道的满意率是多少', type: 'number', intent: 'metric', topics: [['满意率']] },
  { q: '永登县有哪些镇', type: 'place', intent: 'region', level: 'township', subjects: ['永登县'] },
  { q: '比较兰州和福利路街道的网格力量配备', type: 'compare', intent: 'compare' },
  { q: '福利路街道在物业服务上做了哪些探索', type: 'practice', intent: 'org_practices', subjects: ['福利路街道'] },
  // reverse look-ups
  { q: '牟辉担任什么职务', type: 'role', subjects: ['牟辉'] },
  { q: '王海涛是哪个镇的党委书记', type: 'place', level: 'township', role: '党委书记' },
  { q: '金元社区属于哪个街道', type: 'region_chain', intent: 'region', level: 'township' },
  { q: '织里镇是哪个区的', type: 'region_chain', level: 'county' },
  { q: '大港社区在哪里', type: 'region_chain' },
  { q: '枫桥经验是哪些地方的经验', type: 'place' },
  { q: '有哪些社区在做三事分流', type: 'place', level: 'community' },
  { q: '湖州市有哪些做法', type: 'practice', subjects: ['湖州市'] },
  // parts and definitions
  { q: '“三事分流”具体包括哪些内容', type: 'parts' },
  { q: '“一格三员”是哪三员', type: 'parts' },
  { q: '“五联工作法”是指什么', type: 'parts' },
  // numbers: several slots, period, before → after
  { q: '织里镇有多少个网格、多少名网格员', type: 'number', slots: 2, topics: [['网格'], ['网格员']], unit: ['个', '名'] },
  { q: '织里镇受理了多少件，办结率是多少', type: 'number', slots: 2, topics: [['受理'], ['办结率']], unit: ['件', undefined] },
  { q: '织里镇2022年的满意率是多少', type: 'number', year: 2022, topics: [['满意率']] },
  { q: '织里镇网格由多少个调整为多少个', type: 'number', change: true },
  { q: '吴兴区的社工联系户数是怎么调整的', type: 'number', change: true },
  { q: '织里镇报修响应时间由多少小时缩短到多少小时', type: 'number', change: true },
  { q: '织里镇“邻里帮”平台上线以来受理率是多少', type: 'number', period: '上线以来', topics: [['受理']] },
  // a quoted name is what is counted when nothing else names it
  { q: '织里镇建了几个“红色驿站”', type: 'number', topics: [['红色驿站']], unit: ['个'] },
  { q: '远安县建了几个“爱心食堂”', type: 'number', topics: [['爱心食堂']] },
  // several subjects, one question each
  { q: '福利路街道和酒泉路街道的党工委书记分别是谁', type: 'person', slots: 2, subjects: ['福利路街道'] },
  // unknown names and organisations
  { q: '许文斌是哪个街道的党工委书记', type: 'place', level: 'township' },
  { q: '织里镇引入了哪家物业公司', type: 'organization', kind: '公司' },
  // a body's name asked with 叫什么 (not a person's), and the body a person belongs to
  { q: '福利路街道牵头成立的物业企业联盟叫什么', type: 'organization', kind: '联盟' },
  { q: '织里镇请来的那家养老服务公司叫什么名字', type: 'organization', kind: '公司' },
  { q: '王海涛原来是哪个单位的干部', type: 'organization', kind: null },
  { q: '王海涛是哪个镇的干部', type: 'place', level: 'township' },
  { q: '织里镇党委书记叫什么', type: 'person', role: '党委书记' },
  { q: '哪所大学和织里镇共建了实践基地', type: 'organization', kind: '大学' },
  { q: '哪一家银行给远安县的合作社提供了贷款', type: 'organization', kind: '银行' },
  { q: '远安县委书记是谁', type: 'person', role: '县委书记' },
  { q: '织里镇党委书记是谁', type: 'person', role: '党委书记', subjects: ['织里镇'] },
  // yes / no
  { q: '织里镇有没有采用三事分流', type: 'yes_no' },
  // English and mixed
  { q: 'What practices does 织里镇 use for grid management?', type: 'practice', subjects: ['织里镇'] },
  { q: 'Who is the 党委书记 of 织里镇', type: 'person' },
  // nothing to look up
  { q: '老人吃饭不方便，社区有没有提供就餐服务', type: 'passages' },
  { q: '巴中党建引领城市基层治理存在哪些不适应的问题', type: 'passages' },
];

describe('analyzeQuestion: answer type, slots and constraints', () => {
  it.each(rows)('$q → $type', (row) => {
    const a = analyzeQuestion(row.q, lexicon);
    expect(a.answerType).toBe(row.type);
    if (row.intent) expect(a.intent).toBe(row.intent);
    expect(a.slots.length).toBe(row.slots ?? 1);
    if (row.level) expect(a.constraints.level?.level ?? a.slots[0].level?.level).toBe(row.level);
    if (row.year) expect(a.constraints.year).toBe(row.year);
    if (row.role) expect(a.role).toBe(row.role);
    if (row.subjects) expect(a.slots[0].subjects.map((s) => s.entity.name)).toEqual(row.subjects);
    row.topics?.forEach((words, i) => expect(a.slots[i].topic).toEqual(expect.arrayContaining(words)));
    row.unit?.forEach((unit, i) => expect(a.slots[i].unit).toBe(unit));
    if (row.change !== undefined) expect(a.slots[0].asksChange).toBe(row.change);
    if (row.period) expect(a.constraints.period).toBe(row.period);
    if (row.kind !== undefined) expect(a.slots[0].kind ?? null).toBe(row.kind);
  });

  it('a place is scoped by the region named with it', () => {
    const a = analyzeQuestion('湖州市有哪些镇采用了三事分流', lexicon);
    expect(a.answerType).toBe('place');
    expect(a.constraints.scope?.entity.name).toBe('湖州市');
  });

  it('unknown names are joined back and kept as anchors', () => {
    const a = analyzeQuestion('许文斌是哪个街道的党工委书记', lexicon);
    expect(a.names).toEqual(['许文斌']);
    expect(a.slots[0].anchors).toContain('许文斌');
  });

  it('quoted names the graph does not know are kept; known ones are linked instead', () => {
    expect(analyzeQuestion('“潘火码上办”上线以来受理率是多少', lexicon).quoted).toEqual(['潘火码上办']);
    expect(analyzeQuestion('“三事分流”具体包括哪些内容', lexicon).quoted).toEqual([]);
  });

  it('generic words are not highlighted; names and specific topic words are', () => {
    const a = analyzeQuestion('织里镇在网格体系建设上有哪些做法', lexicon);
    expect(a.highlight).toContain('织里镇');
    expect(a.highlight).not.toContain('网格');
    expect(a.highlight).not.toContain('体系');
  });
});

describe('topicWords', () => {
  it('keeps English words whole and drops English function words', () => {
    expect(topicWords('What practices does the street use for grid management')).toEqual(expect.arrayContaining(['practices', 'street', 'grid', 'management']));
    expect(topicWords('What practices does the street use')).not.toContain('the');
    expect(topicWords('grid management').every((w) => w.length > 1)).toBe(true);
  });

  it('mixed: Chinese words and Latin words side by side, no single letters', () => {
    const words = topicWords('网格员 APP 使用率');
    expect(words).toContain('APP');
    expect(words.some((w) => /^[A-Za-z]$/.test(w))).toBe(false);
  });
});
