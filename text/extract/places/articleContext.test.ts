import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleContext } from '../types.js';
import { articleContext, documentContext } from './index.js';
import { CORPUS_DIR } from './testing.js';

const corpusStart = (prefix: string): string => {
  const file = fs.readdirSync(CORPUS_DIR).find((f) => f.startsWith(prefix))!;
  return fs.readFileSync(path.join(CORPUS_DIR, file), 'utf8').slice(0, 600);
};
const chain = (c: ArticleContext): string => c.regions.map((r) => r.name).join(' › ');

const TITLE_001 = '兰州市乡镇街道党（工）委书记工作交流会发言材料汇编';
const doc001 = documentContext(TITLE_001, corpusStart('001'));
const doc002 = documentContext('抓党建促基层治理能力提升', corpusStart('002'));

describe('documentContext', () => {
  it.each([
    { label: '001 title names 兰州市', ctx: doc001, chain: '兰州市', subject: '兰州市' },
    { label: '001 without a title: the table of contents lies in 兰州市', ctx: documentContext('目 录', corpusStart('001')), chain: '兰州市', subject: '兰州市' },
    { label: '002: 平城区 in 大同市', ctx: doc002, chain: '大同市 › 平城区', subject: '平城区' },
    { label: '003: 新时代巴中 → 巴中市', ctx: documentContext('新时代巴中党建引领基层治理路径研究*', corpusStart('003')), chain: '巴中市', subject: '巴中市' },
    { label: '004: 贵州 → 贵州省', ctx: documentContext('悟思想伟力·看实践创新专刊', corpusStart('004')), chain: '贵州省', subject: '贵州省' },
    { label: '000: a compilation names no place (xx 街道 is one article’s)', ctx: documentContext('基层党建工作模式实践探索工作报告汇编', corpusStart('000')), chain: '', subject: undefined },
  ])('$label', ({ ctx, chain: expected, subject }) => {
    expect(chain(ctx)).toBe(expected);
    expect(ctx.subject?.name).toBe(subject);
  });
});

describe('articleContext', () => {
  it.each([
    { byline: '西固区福利路街道党工委书记 牟辉', title: '党建引领强服务基层治理新实践', chain: '兰州市 › 西固区 › 福利路街道', subject: '福利路街道' },
    { byline: '酒泉路街道党工委书记 马竞', title: '“一网两访三为”探索基层治理新路径城关区', chain: '兰州市 › 城关区 › 酒泉路街道', subject: '酒泉路街道' },
    { byline: '兰州新区中川镇党委书记 施承岩', title: '加快建设和美乡村打造乡村振兴示范镇', chain: '兰州市 › 兰州新区 › 中川镇', subject: '中川镇' },
    { byline: '永登县委副书记、树屏镇党委书记 贾锐', title: '在强省会行动中打造新食品产业新高地', chain: '兰州市 › 永登县 › 树屏镇', subject: '树屏镇' },
    { byline: '永登县大同镇党委书记 刘万明', title: '在强省会行动中着力打造中心乡镇大同样板', chain: '兰州市 › 永登县 › 大同镇', subject: '大同镇' },
    { byline: '红古区海石湾镇党委书记 张斌', title: '加快推动城市基层治理提质增效', chain: '兰州市 › 红古区 › 海石湾镇', subject: '海石湾镇' },
  ])('001 byline $byline', ({ byline, title, chain: expected, subject }) => {
    const ctx = articleContext({ docTitle: TITLE_001, articleTitle: title, byline, docContext: doc001 });
    expect(chain(ctx)).toBe(expected);
    expect(ctx.subject).toMatchObject({ type: 'region', name: subject });
  });

  it('computes the document context from the title when none is given', () => {
    const ctx = articleContext({ docTitle: TITLE_001, articleTitle: '党建引领强服务基层治理新实践', byline: '西固区福利路街道党工委书记 牟辉' });
    expect(chain(ctx)).toBe('兰州市 › 西固区 › 福利路街道');
  });

  it.each([
    {
      title: '平城区党建引领创新基层治理亮点纷呈',
      byline: '本报记者 邱东芳',
      lead: '坚持抓基层、强基础、固基本，把资源、服务、管理下沉基层，做实基层，全方位强化基层治理能力提升创新探索，平城区委自抓党建促基层治理能力提升专项行动开展以来',
      chain: '大同市 › 平城区',
      subject: '平城区',
    },
    { title: '“1+6”模式激活基层治理“神经末梢”', lead: '本报讯（记者 董芳）全省抓党建促基层治理能力提升专项行动开展以来，平城区坚持以党建为统领', chain: '大同市 › 平城区', subject: '平城区' },
    { title: '抓党建兴产业走出富民路', lead: '本报讯（记者 吴华）近年来，西水磨村党支部始终坚持抓党建促基层治理、兴产业强民生保障', chain: '大同市 › 平城区 › 西水磨村', subject: '西水磨村' },
    { title: '村社结对共建 实现全街“一盘棋”', lead: '本报讯（记者 臧力卿）平城区新旺街道党工委立足街道实际，以“双百工程”为牵引', chain: '大同市 › 平城区 › 新旺街道', subject: '新旺街道' },
    { title: '“三校”赋能推进高效治理', lead: '本报讯（记者 邱东芳）围绕抓党建促基层治理能力提升这一目标，狠抓“家庭党校”“家长学校”和“老年大学”项目建设，“三校”赋能推动水泊寺街道党建高水平发展', chain: '大同市 › 平城区', subject: '平城区' },
  ])('002 article $title', ({ title, byline, lead, chain: expected, subject }) => {
    const ctx = articleContext({ docTitle: '抓党建促基层治理能力提升', articleTitle: title, byline, leadText: lead, docContext: doc002 });
    expect(chain(ctx)).toBe(expected);
    expect(ctx.subject?.name).toBe(subject);
  });

  it('an organization opening the lead is the subject (000: xx 油田)', () => {
    const doc000 = documentContext('基层党建工作模式实践探索工作报告汇编', corpusStart('000'));
    const ctx = articleContext({
      docTitle: '基层党建工作模式实践探索工作报告汇编',
      articleTitle: '“六位一体”党建工作模式的实践探索',
      leadText: '能源高质量发展是经济社会高质量发展的重要内容。中国石油天然气股份有限公司 xx 油田分公司（以下简称：xx 油田）聚焦“打造千万吨当量综合能源公司”战略目标',
      docContext: doc000,
    });
    expect(ctx.regions).toEqual([]);
    expect(ctx.subject).toMatchObject({ type: 'organization', key: 'XX油田', anonymised: true });
  });

  it('an anonymised street of an article title is its subject', () => {
    const ctx = articleContext({ docTitle: '基层党建工作模式实践探索工作报告汇编', articleTitle: '关于对 xx 街道基层治理调研报告' });
    expect(ctx.subject).toMatchObject({ name: 'xx街道', anonymised: true, level: 'township' });
  });

  it('gives inferred chain members their aliases so they can be cited (巴中市 written 巴中)', () => {
    const ctx = documentContext('新时代巴中党建引领基层治理路径研究*', '');
    expect(ctx.regions[0]).toMatchObject({ name: '巴中市', key: '巴中市', aliases: ['巴中'] });
  });
});
