import { describe, expect, it } from 'vitest';
import { dropSpacesBetweenCjk, joinTextItems, type PositionedText } from './pdfLines.js';

const item = (str: string, x: number, y: number, width = str.length * 6, hasEOL = false): PositionedText => ({ str, x, y, width, height: 12, hasEOL });

describe('joinTextItems', () => {
  it.each([
    { name: 'same baseline joins', items: [item('党建引领', 72, 700, 48), item('强服务', 120, 700, 36)], text: '党建引领强服务' },
    { name: 'baseline jitter stays on the line', items: [item('基层', 72, 700, 24), item('治理', 96, 701.5, 24)], text: '基层治理' },
    { name: 'new baseline starts a line', items: [item('第一行', 72, 700), item('第二行', 72, 680)], text: '第一行\n第二行' },
    { name: 'hasEOL starts a line', items: [item('Line', 72, 700, 24, true), item('', 0, 0, 0, true), item('next', 200, 700)], text: 'Line\nnext' },
    { name: 'gap between Latin words adds a space', items: [item('Party', 72, 700, 30), item('building', 110, 700)], text: 'Party building' },
    { name: 'no space added between CJK items with a gap', items: [item('党建', 72, 700, 24), item('引领', 110, 700, 24)], text: '党建引领' },
    { name: 'trailing spaces trimmed', items: [item('标题  ', 72, 700), item('正文', 72, 680)], text: '标题\n正文' },
    { name: 'no items', items: [], text: '' },
  ])('$name', ({ items, text }) => {
    expect(joinTextItems(items)).toBe(text);
  });
});

describe('dropSpacesBetweenCjk', () => {
  it.each([
    ['党 建 引 领 强 服 务', '党建引领强服务'],
    ['兰 州 市 2023 年', '兰州市 2023 年'],
    ['西固区福利路街道党工委书记 牟辉', '西固区福利路街道党工委书记 牟辉'],
    ['Party building', 'Party building'],
  ])('%s → %s', (line, expected) => {
    expect(dropSpacesBetweenCjk(line)).toBe(expected);
  });
});
