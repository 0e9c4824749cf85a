import { describe, expect, it } from 'vitest';
import { structureDocument, type StructuredDocument } from './index.js';
import { segmentLines } from './segments.js';
import { corpusFiles, corpusText, expectRoundTrip } from './testCorpus.js';

const docs = new Map<string, StructuredDocument>();
function doc(prefix: string): StructuredDocument {
  let d = docs.get(prefix);
  if (!d) {
    d = structureDocument(corpusText(prefix), { fallbackTitle: prefix });
    docs.set(prefix, d);
  }
  return d;
}
const prefixes = corpusFiles.map((f) => f.slice(0, 3));
const titles = (p: string): string[] => doc(p).articles.map((a) => a.title);
const isWs = (c: string): boolean => /\s/.test(c);

describe('document titles', () => {
  it.each([
    ['000', '基层党建工作模式实践探索工作报告汇编'],
    ['001', '兰州市乡镇街道党（工）委书记工作交流会发言材料汇编'],
    ['002', '平城区党建引领创新基层治理亮点纷呈'],
    ['003', '新时代巴中党建引领基层治理路径研究'],
    ['004', '悟思想伟力·看实践创新专刊'],
  ])('%s → %s', (p, want) => expect(doc(p).title).toBe(want));

  it('falls back when there is no content', () => {
    expect(structureDocument('\n— 2 — ★\n\n', { fallbackTitle: 'x' })).toEqual({ title: 'x', articles: [] });
  });
});

describe('articles', () => {
  it('000: the 10 TOC reports plus the trailing unrelated article', () => {
    expect(titles('000')).toEqual([
      '“六位一体”党建工作模式的实践探索',
      '“六位一体”党建工作模式的成效',
      '关于对农村基层党建引领乡村振兴问题研究报告',
      '关于对 xx 街道基层治理调研报告',
      '实践成效篇始终以人民美好生活锚定治理改革方向', // body title is split over `#` + `##` lines
      '以“基层自治连环”聚焦基层治理“微氛围”，不断优化信任导向的“以文化人”探索',
      '以“上下联动循环”聚焦基层治理“微网链”，不断夯实需求导向的“协同联动”格局',
      '经验启示篇实现基层有序治理与有效治理充分融合',
      '着力“上下联动”解决应用题，切实“施好肥”',
      '深化发展篇深刻领会切实践行社会治理新提升要求',
      '1.xx省交通运输发展基本情况',
    ]);
  });

  it('001: the 8 speeches with their bylines', () => {
    const arts = doc('001').articles;
    expect(arts.map((a) => a.title)).toEqual([
      '党建引领强服务基层治理新实践',
      '加快建设和美乡村打造乡村振兴示范镇',
      '“一网两访三为”探索基层治理新路径城关区',
      '在强省会行动中打造新食品产业新高地',
      '以党建引领城市基层治理助力强省会',
      '加快推动城市基层治理提质增效',
      '吹响“先锋集结号”绘制治理新画卷',
      '在强省会行动中着力打造中心乡镇大同样板',
    ]);
    expect(arts.map((a) => a.byline?.split(' ').pop())).toEqual(['牟辉', '施承岩', '马竞', '贾锐', '李录', '张斌', '陈伟', '刘万明']);
    expect(arts[0].byline).toBe('西固区福利路街道党工委书记 牟辉');
  });

  it('002: the news articles with reporter bylines', () => {
    const arts = doc('002').articles;
    expect(arts.map((a) => a.title)).toEqual([
      '平城区党建引领创新基层治理亮点纷呈',
      '“1+6”模式激活基层治理“神经末梢”',
      '创新思路构建党建新格局',
      '抓党建兴产业走出富民路',
      '“三校”赋能推进高效治理',
      '村社结对共建 实现全街“一盘棋”',
      '“1333”体系蹚出基层治理新路子',
      '积极探索党员分类管理新模式',
    ]);
    expect(arts[0].byline).toBe('本报记者 邱东芳');
    expect(arts[1].byline).toBe('本报讯（记者 董芳）');
    // the inline dateline is split off as its own byline paragraph
    const p = arts[1].paragraphs.find((x) => x.kind === 'byline');
    expect(p?.text).toBe('本报讯（记者 董芳）');
  });

  it('003: one paper', () => {
    expect(titles('003')).toEqual(['新时代巴中党建引领基层治理路径研究']);
  });

  it('004: the magazine pieces', () => {
    const arts = doc('004').articles;
    expect(arts.map((a) => a.title)).toEqual([
      '坚持党建引领提升基层治理能力和水平',
      '抓好基层治理现代化这项基础性工作',
      '坚持党建引领 大抓基层 推进基层治理现代化',
    ]);
    expect(arts[1].byline).toBe('省党建研究会农村党建研究专委会');
  });

  it.each(prefixes)('%s: articles are ordered, disjoint, and match their paragraphs', (p) => {
    const arts = doc(p).articles;
    arts.forEach((a, i) => {
      expect(a.index).toBe(i);
      expect(a.paragraphs.length).toBeGreaterThan(0);
      expect(a.start).toBe(a.paragraphs[0].start);
      expect(a.end).toBe(a.paragraphs[a.paragraphs.length - 1].end);
      if (i) expect(a.start).toBeGreaterThanOrEqual(arts[i - 1].end);
      a.paragraphs.forEach((q, k) => k && expect(q.start).toBeGreaterThanOrEqual(a.paragraphs[k - 1].end));
      expect(a.paragraphs.some((q) => q.kind === 'title' && q.text.replace(/\s/g, '').includes(a.title.replace(/\s|[*]/g, '').slice(0, 6)))).toBe(true);
    });
  });
});

describe('clean text', () => {
  it.each(prefixes)('%s: every paragraph maps back to the original', (p) => {
    const original = corpusText(p);
    for (const a of doc(p).articles) for (const q of a.paragraphs) expectRoundTrip(original, q);
  });

  it.each(prefixes)('%s: no noise left in paragraphs', (p) => {
    for (const a of doc(p).articles)
      for (const q of a.paragraphs) {
        expect(q.text).not.toMatch(/##paid|联系微信|rcjubi9|\*\*|^#|图为|[.．…]{3,}\s*\d|—\s*\d+\s*—|扫码观看|^目\s*录$/);
        expect(q.text).not.toMatch(/^\s|\s$|\n/);
      }
  });

  it.each(prefixes)('%s: all content lines are covered (except dropped repeats)', (p) => {
    const original = corpusText(p);
    const covered = new Uint8Array(original.length);
    for (const a of doc(p).articles) for (const q of a.paragraphs) for (const o of q.map) covered[o] = 1;
    const seen = new Set<string>();
    for (const s of segmentLines(original).segs) {
      const key = s.text.replace(/\s/g, '');
      const repeat = seen.has(key);
      seen.add(key);
      const hit = [...s.offs].filter((o, i) => !isWs(s.text[i]) && covered[o]).length;
      if (!repeat) expect(hit, s.text).toBe([...s.text].filter((c) => !isWs(c)).length);
    }
  });

  it('003: hard line breaks are joined', () => {
    const body = doc('003').articles[0].paragraphs.map((q) => q.text).join('\n');
    expect(body).toContain('立足巴中实践探索和实际需要');
    expect(body).toContain('党组织核心引领作用有效发挥');
    const heading = doc('003').articles[0].paragraphs.find((q) => q.text.startsWith('一、实践探索'));
    expect(heading?.kind).toBe('heading');
    expect(heading?.text).toBe('一、实践探索：转化组织优势，党组织核心引领作用有效发挥');
  });

  it('001: a sentence broken across a page marker is joined', () => {
    const all = doc('001').articles.flatMap((a) => a.paragraphs.map((q) => q.text)).join('\n');
    expect(all).toContain('党史剪纸长廊等形式微改造');
    expect(all).toContain('打造“临港特色乡村度假区”1处，鼓励');
  });

  it('000: an ad glued into a sentence is cut, the sentence kept', () => {
    const all = doc('000').articles.flatMap((a) => a.paragraphs.map((q) => q.text)).join('\n');
    expect(all).toContain('xx省交通固定资产投资保持高位运行。面对经济实力弱、发展基础差的现状，规划投资目标任务的项目融资');
  });

  it('repeated paragraphs and their repeated headings appear once', () => {
    const count = (p: string, needle: string, kind?: string): number =>
      doc(p).articles.flatMap((a) => a.paragraphs).filter((q) => q.text.includes(needle) && (!kind || q.kind === kind)).length;
    expect(count('002', '多角度、多渠道丰富农村老年人精神文化生活')).toBe(1);
    expect(count('002', '老年大学：聚焦需求提质量', 'heading')).toBe(1);
    expect(count('004', '习近平总书记反复强调，坚持和发展新时代“枫桥经验”')).toBe(1);
    expect(count('004', '坚持和发展新时代“枫桥经验”', 'heading')).toBe(1);
  });
});

describe('sections', () => {
  it('001: a list-marker lead phrase opens a section while the paragraph stays body', () => {
    const q = doc('001').articles[0].paragraphs.find((x) => x.text.startsWith('一、凝聚党建联建合力。'));
    expect(q?.kind).toBe('body');
    expect(q?.sectionPath).toEqual(['一、凝聚党建联建合力']);
  });

  it('003: nested Chinese numbering', () => {
    const q = doc('003').articles[0].paragraphs.find((x) => x.text.startsWith('一是经费保障滞后'));
    expect(q?.sectionPath).toEqual(['二、问题分析：对接时代需求，党建引领基层治理尚有许多不适应', '（二）资源保障跟不上']);
  });

  it('000: decimal numbering nests regardless of inconsistent # counts', () => {
    const a = doc('000').articles[2];
    const q = a.paragraphs.find((x) => x.text.startsWith('文化兴则国运兴'));
    expect(q?.sectionPath).toEqual(['2. 党建引领乡村振兴的实践路径', '2.4 以文化振兴传承弘扬中华优秀传统文化']);
  });

  it('000: a bare heading line with a comma is a heading, not glued to the next paragraph', () => {
    const q = doc('000').articles[4].paragraphs.find((x) => x.text.startsWith('以“矛盾处置闭环”'));
    expect(q?.kind).toBe('heading');
    expect(q?.text).toBe('以“矛盾处置闭环”聚焦基层治理“微循环”，不断强化问题导向的“主动应对”路径');
  });

  it('004: bare headings inside a piece', () => {
    const a = doc('004').articles[2];
    expect(a.paragraphs.filter((x) => x.kind === 'heading').map((x) => x.text)).toEqual(['【编者按】', '总书记的话', '我们的实践']);
  });

  it('title and byline paragraphs have an empty section path', () => {
    for (const p of prefixes)
      for (const a of doc(p).articles) for (const q of a.paragraphs) if (q.kind === 'title' || q.kind === 'byline') expect(q.sectionPath).toEqual([]);
  });
});
