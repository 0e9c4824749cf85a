import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ancestorCodes, chainMatches, loadLabels, metricQuantity, normalizeName, overlaps, parseQuantity, ratio,
  scoreDocument, scoreMetrics, scoreNamed, totals,
  type ExtractedDocument, type ExtractedEntity, type LabelledDocument,
} from './entityEval.js';
import { GENERALIZATION_DIR, loadCorpusArticles, loadGeneralizationLabels, runEntityEval, type EntityEvalReport } from './runEntityEval.js';

let nextId = 0;
const entity = (type: ExtractedEntity['type'], name: string, extra: Partial<ExtractedEntity> = {}): ExtractedEntity =>
  ({ id: `e${nextId++}`, type, name, aliases: [], props: {}, ...extra });
const metric = (raw: string, value: number, unit: string, indicator: string, more: ExtractedEntity['props'] = {}) =>
  entity('metric', raw, { props: { raw, value, unit, indicator, ...more } });

const emptyAcceptable = { region: [], organization: [], mechanism: [], person: [], metric: [] };
const label = (over: Partial<LabelledDocument>): LabelledDocument => ({
  file: 'x.txt', genre: 'news', provinces: [], split: 'tuning', tuned: false,
  places: [], organizations: [], practices: [], metrics: [], people: [], acceptable: emptyAcceptable, ...over,
});

describe('name and quantity normalization', () => {
  it.each([
    ['“三联三化”工作法', '三联三化工作法'],
    ['１＋５＋Ｎ', '1+5+N'],
    [' 玉林 街道 ', '玉林街道'],
    ['「红色管家」', '红色管家'],
  ])('normalizeName(%s) = %s', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });

  it.each([
    ['1.6万张', 16000, '张'],
    ['3800余人次', 3800, '人次'],
    ['95.3%', 95.3, '%'],
    ['22.6平方公里', 22.6, '平方公里'],
    ['170多份', 170, '份'],
  ])('parseQuantity(%s)', (raw, value, unit) => {
    expect(parseQuantity(raw)).toEqual({ value, unit });
  });

  it('parseQuantity reads a leading Chinese digit and gives null without a number', () => {
    expect(parseQuantity('两家')).toEqual({ value: 2, unit: '家' });
    expect(parseQuantity('成了')).toBeNull();
  });

  it('metricQuantity folds 万 from the unit into the value', () => {
    expect(metricQuantity({ value: 1.2, unit: '万元' })).toEqual({ value: 12000, unit: '元' });
    expect(metricQuantity({ value: 12000, unit: '元' })).toEqual({ value: 12000, unit: '元' });
    expect(metricQuantity({ raw: '4.2万户次' })).toEqual({ value: 42000, unit: '户次' });
  });

  it.each([
    ['社区党委书记', '党委书记', true],
    ['1个街道党群服务中心', '街道党群服务中心', true],
    ['1—9月', '今年1-9月', true],
    ['网格长', '网格员', false],
    ['', '书记', false],
  ])('overlaps(%s, %s) = %s', (a, b, expected) => {
    expect(overlaps(a, b)).toBe(expected);
  });
});

describe('scoreNamed', () => {
  it('counts aliases as matches, acceptable items as neither right nor wrong', () => {
    const labels = [{ name: '成都市', aliases: ['成都'] }, { name: '旌东街道' }, { name: '沁园社区' }];
    const extracted = [entity('region', '成都'), entity('region', '旌东街道'), entity('region', '院落'), entity('region', '镇江市')];
    const score = scoreNamed(labels, ['院落'], extracted);
    expect(score.recall).toEqual({ hit: 2, total: 3 });
    expect(score.precision).toEqual({ hit: 2, total: 3 });
    expect(score.missed).toEqual(['沁园社区']);
    expect(score.spurious).toEqual(['镇江市']);
  });

  it('matches an extracted alias against the label name', () => {
    const score = scoreNamed([{ name: '五联工作法' }], [], [entity('mechanism', '五联', { aliases: ['“五联工作法”'] })]);
    expect(score.recall.hit).toBe(1);
  });
});

describe('scoreMetrics', () => {
  const labels: LabelledDocument['metrics'] = [
    { indicator: '受理率', raw: '91.2%', value: 91.2, unit: '%', period: '运行以来' },
    { indicator: '办结率', raw: '87.6%', value: 87.6, unit: '%', period: '2025年' },
    { indicator: '村级组织', raw: '61个', value: 61, unit: '个', period: null, valueBefore: 86 },
  ];

  it('binds each number to its own indicator and period', () => {
    const extracted = [
      metric('91.2%', 91.2, '%', '受理率', { period: '运行以来' }),
      metric('87.6%', 87.6, '%', '办结率', { year: 2025 }),
      metric('61个', 61, '个', '村级组织', { valueBefore: 86 }),
    ];
    const { score, indicator, period, before } = scoreMetrics(labels, [], extracted);
    expect(score.recall).toEqual({ hit: 3, total: 3 });
    expect(score.precision).toEqual({ hit: 3, total: 3 });
    expect(indicator).toEqual({ hit: 3, total: 3 });
    expect(period).toEqual({ hit: 2, total: 2 });
    expect(before).toEqual({ hit: 1, total: 1 });
  });

  it('finds the number but marks a swapped indicator, a lost period and a split before→after pair', () => {
    const extracted = [
      metric('91.2%', 91.2, '%', '办结率'),
      metric('87.6%', 87.6, '%', '受理率'),
      metric('61个', 61, '个', '村级组织'),
      metric('86个', 86, '个', '村级组织'),
    ];
    const { score, indicator, period, before } = scoreMetrics(labels, ['5个'], extracted);
    expect(score.recall).toEqual({ hit: 3, total: 3 });
    expect(score.precision).toEqual({ hit: 3, total: 4 });
    expect(score.spurious).toEqual(['86个']);
    expect(indicator).toEqual({ hit: 1, total: 3 });
    expect(period).toEqual({ hit: 0, total: 2 });
    expect(before).toEqual({ hit: 0, total: 1 });
  });

  it('needs the unit to agree and uses each extracted metric once', () => {
    const twin: LabelledDocument['metrics'] = [
      { indicator: '专职网格员', raw: '142名', value: 142, unit: '名' },
      { indicator: '综合网格', raw: '142个', value: 142, unit: '个' },
      { indicator: '网格', raw: '142个', value: 142, unit: '个' },
    ];
    const { score } = scoreMetrics(twin, [], [metric('142个', 142, '个', '综合网格')]);
    expect(score.recall).toEqual({ hit: 1, total: 3 });
  });

  it('compares 万 in the label unit with 万 folded into the extracted value, before→after too', () => {
    const wan: LabelledDocument['metrics'] = [{ indicator: '项目资金', raw: '286万元', value: 286, unit: '万元', valueBefore: 120 }];
    const { score, before } = scoreMetrics(wan, [], [metric('286万元', 2_860_000, '元', '项目资金', { valueBefore: 1_200_000 })]);
    expect(score.recall).toEqual({ hit: 1, total: 1 });
    expect(score.precision).toEqual({ hit: 1, total: 1 });
    expect(before).toEqual({ hit: 1, total: 1 });
  });

  it('does not count acceptable numbers against precision', () => {
    const { score } = scoreMetrics([], ['6个', '12人', '两家'], [metric('6个', 6, '个', '街道'), metric('12人', 12, '人', '志愿服务队'), metric('两家', 2, '家', '企业')]);
    expect(score.precision).toEqual({ hit: 0, total: 0 });
    expect(ratio(score.precision)).toBeNull();
  });
});

describe('chains', () => {
  it.each([
    ['510603004003', ['510603004', '510603', '5106', '51']],
    ['510603', ['5106', '51']],
    ['51', []],
  ])('ancestorCodes(%s)', (code, expected) => {
    expect(ancestorCodes(code)).toEqual(expected);
  });

  const place = { parents: ['旌东街道', '旌阳区', '德阳市', '四川省'], code: '510603004003' };
  const link = (name: string, code: string | null = null) => ({ names: [name], code });

  it.each([
    ['every parent by name', [link('旌东街道'), link('旌阳区'), link('德阳市'), link('四川省')], true],
    ['a parent named otherwise but with the right code', [link('旌东街道'), link('旌阳区'), link('德阳', '5106'), link('四川', '51')], true],
    ['the chain stops at the city', [link('旌东街道'), link('旌阳区'), link('德阳市')], false],
    ['the street is skipped', [link('旌阳区'), link('德阳市'), link('四川省')], false],
    ['a wrong district with a right-looking name elsewhere', [link('旌东街道'), link('罗江区', '510604'), link('德阳市'), link('四川省')], false],
  ])('%s', (_, chain, expected) => {
    expect(chainMatches(place, chain)).toBe(expected);
  });
});

describe('scoreDocument', () => {
  const doc = label({
    places: [
      { name: '敦煌路街道', level: 'township', parents: ['七里河区', '兰州市', '甘肃省'], code: '620103006', aliases: [] },
      { name: 'xx街道', level: 'township', parents: [], code: null, aliases: [] },
      { name: '甘肃省', level: 'province', parents: [], code: '62', aliases: [] },
    ],
    practices: [{ name: '四个一', parts: ['一张网', '一支队伍', '一套制度', '一个平台'], aliases: [] }],
    people: [
      { name: '王强', role: '党工委书记', of: '敦煌路街道' },
      { name: '王强', role: '主任', of: '综治中心' },
      { name: '何晓雯', role: '记者', of: null },
    ],
  });

  it('scores parts, roles and chains from the relations', () => {
    const street = entity('region', '敦煌路街道', { props: { code: '620103006' } });
    const province = entity('region', '甘肃省', { props: { code: '62' } });
    const practice = entity('mechanism', '四个一');
    const part = (name: string) => entity('mechanism', name, { kind: 'part' });
    const wang = entity('person', '王强', { props: { role: '党工委书记' } });
    const he = entity('person', '何晓雯', { props: { role: '记者' } });
    const extracted: ExtractedDocument = {
      entities: [street, province, practice, part('一张网'), part('一支队伍'), part('一套制度'), wang, he],
      parts: { [practice.id]: ['一张网', '一支队伍', '一套制度'] },
      leads: { [wang.id]: [{ role: '党工委书记', target: ['敦煌路街道'] }] },
      chains: { [street.id]: [{ names: ['七里河区'], code: '620103' }, { names: ['兰州市'], code: '6201' }, { names: ['甘肃省'], code: '62' }] },
    };
    const score = scoreDocument(doc, extracted);
    expect(score.parts).toEqual({ hit: 3, total: 4 });
    expect(score.roles).toEqual({ hit: 2, total: 3 });
    expect(score.chains).toEqual({ hit: 1, total: 1 });
    expect(score.types.region.recall).toEqual({ hit: 2, total: 3 });
    expect(score.types.region.precision).toEqual({ hit: 2, total: 2 });
    // Parts are not practices of their own: one mechanism extracted, one right.
    expect(score.types.mechanism.precision).toEqual({ hit: 1, total: 1 });
    expect(score.types.person.recall).toEqual({ hit: 2, total: 2 });
    expect(score.errors).toEqual(['part missing: 四个一 → 一个平台', 'role wrong: 王强 主任 of 综治中心']);
  });

  it('accepts unnamed ancestors from the labelled chains, not ancestors of a wrongly resolved place', () => {
    const extracted: ExtractedDocument = {
      entities: [entity('region', '敦煌路街道'), entity('region', '七里河区'), entity('region', '兰州市'), entity('region', '大连市')],
      parts: {}, leads: {}, chains: {},
    };
    const score = scoreDocument(doc, extracted);
    expect(score.types.region.precision).toEqual({ hit: 1, total: 2 });
    expect(score.types.region.spurious).toEqual(['大连市']);
  });

  it('gives zero, not a perfect score, when the graph holds nothing', () => {
    const score = scoreDocument(doc, { entities: [], parts: {}, leads: {}, chains: {} });
    const t = totals([score]);
    expect(ratio(t.types.region.recall)).toBe(0);
    expect(ratio(t.types.region.precision)).toBeNull();
    expect(t.details.chains).toEqual({ hit: 0, total: 0 });
    expect(t.details.chainsAll).toEqual({ hit: 0, total: 1 });
  });
});

describe('label files', () => {
  it('reject a malformed file naming the file and the field', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'entity-labels-'));
    const file = path.join(dir, 'bad.json');
    fs.writeFileSync(file, JSON.stringify({ documents: [{ ...label({}), split: 'dev' }] }));
    expect(() => loadLabels(file)).toThrow(expect.objectContaining({ code: 'FILE_CORRUPT', message: expect.stringContaining('documents.0.split') }));
    fs.writeFileSync(file, '{ not json');
    expect(() => loadLabels(file)).toThrow(expect.objectContaining({ code: 'FILE_CORRUPT', message: expect.stringContaining(file) }));
    fs.rmSync(dir, { recursive: true });
  });

  const labels = loadGeneralizationLabels();
  const textOf = (file: string) => normalizeName(fs.readFileSync(path.join(GENERALIZATION_DIR, 'docs', file), 'utf8'));

  it('label every item with text that is in its document', () => {
    const absent: string[] = [];
    for (const doc of labels) {
      const text = textOf(doc.file);
      const seen = (item: { name: string; aliases?: string[] }) => [item.name, ...(item.aliases ?? [])].some((n) => text.includes(normalizeName(n)));
      for (const p of [...doc.places, ...doc.organizations, ...doc.practices, ...doc.people]) if (!seen(p)) absent.push(`${doc.file}: ${p.name}`);
      for (const p of doc.practices) for (const part of p.parts) if (!text.includes(normalizeName(part))) absent.push(`${doc.file}: part ${part}`);
    }
    expect(absent).toEqual([]);
  });

  it('read the corpus articles\' labels in the same shape, figures as value + unit', () => {
    const articles = loadCorpusArticles();
    expect(articles.length).toBeGreaterThanOrEqual(2);
    const metrics = articles.flatMap((a) => a.label.metrics);
    expect(metrics).toContainEqual({ indicator: '', raw: '3.1万余人次', value: 31000, unit: '人次', period: null });
  });

  it('keep at least half of the documents untuned', () => {
    expect(labels.filter((d) => !d.tuned).length * 2).toBeGreaterThanOrEqual(labels.length);
  });
});

// Issue 8's targets on the whole generalization set. Expected to fail until the extraction meets them.
describe('generalization targets (issue 8)', () => {
  let report: EntityEvalReport;
  beforeAll(async () => {
    report = await runEntityEval({ corpus: false });
  }, 120_000);

  const group = (title: string) => report.groups.find((g) => g.title === title)!.totals;
  const all = () => group('all');

  it('ingests every labelled document', () => {
    expect(report.ingestFailures).toEqual([]);
  });

  // Issue 8 asks 0.90 for each, on the whole set.
  it.each([
    ['region', 'precision', 0.9], ['region', 'recall', 0.9],
    ['person', 'precision', 0.9], ['person', 'recall', 0.9],
    ['mechanism', 'precision', 0.9], ['mechanism', 'recall', 0.9],
  ] as const)('%s %s ≥ %s', (type, measure, floor) => {
    expect(ratio(all().types[type][measure]) ?? 0).toBeGreaterThanOrEqual(floor);
  });

  // The whole set meets the practice target (0.93 recall) only because the tuned half is at 1.00; on the
  // held-out half practice recall is 0.82 (18/22), below issue 8's 0.90. It is held at a regression floor,
  // and the issue stays open until this row reaches 0.90.
  it.each([
    ['mechanism', 'precision', 0.9], ['mechanism', 'recall', 0.8],
  ] as const)('held-out half: %s %s ≥ %s', (type, measure, floor) => {
    expect(ratio(group('held-out').types[type][measure]) ?? 0).toBeGreaterThanOrEqual(floor);
  });

  it('LOCATED_IN chains of places in the division list are right ≥ 0.95 of the time', () => {
    expect(ratio(all().details.chains)).toBeGreaterThanOrEqual(0.95);
  });
});
