import { describe, expect, it } from 'vitest';
import { cleanQuote, isPageMarkerLine, quoted, quoteLine } from './quoteText.js';

describe('cleanQuote', () => {
  it.each([
    {
      name: 'hard-wrapped PDF lines with blank lines between (corpus 003 shape)',
      original: '全面推行社区“大党\n\n委”机制，大力探索推进区域化党建，构建以街道、社区党组织\n\n为核心，驻区机关企事业单位、社会组织等多方力量共同参与的\n\n大党建工作格局。',
      text: '全面推行社区“大党委”机制，大力探索推进区域化党建，构建以街道、社区党组织为核心，驻区机关企事业单位、社会组织等多方力量共同参与的大党建工作格局。',
    },
    {
      name: 'Markdown heading and bold marks dropped, the heading kept on its own line',
      original: '取得了较好的整改效果。\n\n### 抓问题整改 创新“五个融合”模式\n\n平城区在专项行动中**创新**工作模式。',
      text: '取得了较好的整改效果。\n抓问题整改 创新“五个融合”模式\n平城区在专项行动中创新工作模式。',
    },
    {
      name: 'page markers between the lines of one sentence',
      original: '长沙市岳麓区推行“楼栋长+网格员”联动机制，每月召开一次\n\n— 3 —\n★\n\n楼栋议事会，解决群众急难愁盼问题。',
      text: '长沙市岳麓区推行“楼栋长+网格员”联动机制，每月召开一次楼栋议事会，解决群众急难愁盼问题。',
    },
    {
      name: 'a page marker glued to the end of a line',
      original: '昆明市盘龙区建立“街道吹哨、部门报到”机制。★ — 12 —',
      text: '昆明市盘龙区建立“街道吹哨、部门报到”机制。',
    },
    {
      name: 'a short byline stays a line of its own; a wrapped line joins',
      original: '酒泉路街道党工委书记 马竞\n\n\n街道党工委坚持做实需求、资源、项目“三个清单”，优化为民办\n\n事体系，有力推动老街区焕发新动力。',
      text: '酒泉路街道党工委书记 马竞\n街道党工委坚持做实需求、资源、项目“三个清单”，优化为民办事体系，有力推动老街区焕发新动力。',
    },
    {
      name: 'enumerated section titles are not joined to the next paragraph',
      original: '一、实践探索：转化组织优势，党组织核心引领作用有效发挥\n（二）统筹“三个维度”，优化治理格局\n福州市鼓楼区把网格划细划小。',
      text: '一、实践探索：转化组织优势，党组织核心引领作用有效发挥\n（二）统筹“三个维度”，优化治理格局\n福州市鼓楼区把网格划细划小。',
    },
    {
      name: 'Latin words and numbers across a wrap keep a space, Chinese gets none',
      original: 'The grid app “Pingcheng Wangge Tong” connects\nthree levels of the county platform',
      text: 'The grid app “Pingcheng Wangge Tong” connects three levels of the county platform',
    },
    { name: 'clean text is unchanged', original: '满意率达97.4%。', text: '满意率达97.4%。' },
  ])('$name', ({ original, text }) => {
    const clean = cleanQuote(original);
    expect(clean.text).toBe(text);
    // Every kept character maps back to the same character of the original.
    [...clean.text].forEach((ch, i) => {
      if (ch !== '\n' && ch !== ' ') expect(original[clean.offsets[i]!]).toBe(ch);
    });
  });

  it('offsets are increasing and inside the original (random mixes of noise and text)', () => {
    const pieces = ['网格', '“1+3+X”', '\n', '\n\n', '### ', '**', '— 3 —', '★', ' ', '。', 'ABC', '12', '##paidbegin##'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let run = 0; run < 500; run++) {
      const original = Array.from({ length: Math.floor(next() * 40) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      const { text, offsets } = cleanQuote(original);
      expect(offsets).toHaveLength(text.length);
      for (let i = 0; i < offsets.length; i++) {
        expect(offsets[i]).toBeGreaterThanOrEqual(0);
        expect(offsets[i]).toBeLessThanOrEqual(original.length);
        if (i > 0) expect(offsets[i]).toBeGreaterThan(offsets[i - 1]!);
      }
      expect(text, JSON.stringify(original)).not.toMatch(/###|\*\*|★|— \d+ —|##paid/);
    }
  });
});

describe('quoteLine and quoted', () => {
  it('puts paragraphs on one line', () => {
    expect(quoteLine('一、基本做法\n\n杭州市拱墅区推行“邻里议事”。')).toBe('一、基本做法杭州市拱墅区推行“邻里议事”。');
  });
  it('never doubles quotation marks', () => {
    expect(quoted('“三长制”')).toBe('「“三长制”」');
    expect(quoted('推行“三长制”，群众说好')).toBe('“推行“三长制”，群众说好”');
    expect(quoted('群众说好')).toBe('“群众说好”');
  });
  it('recognises page-marker lines', () => {
    for (const line of ['— 2 — ★', '★  — 13 —', '- 3 -', '第 3 页', '第3页/共12页', '★']) expect(isPageMarkerLine(line), line).toBe(true);
    for (const line of ['第3页内容很长的一句话并不是页码', '— 正文 —', '2023年']) expect(isPageMarkerLine(line), line).toBe(false);
  });
});
