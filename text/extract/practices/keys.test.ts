import { describe, expect, it } from 'vitest';
import { mechanismKey, mechanismsSimilar } from './index.js';

describe('mechanismKey', () => {
  it.each([
    ['“1+3+X”网格力量体系', '1+3+X'],
    ['1+3+X', '1+3+X'],
    ['1+3+X网格力量体系', '1+3+X'],
    ['１＋３＋ｘ', '1+3+X'],
    ['1 + 3 + x', '1+3+X'],
    ['“1+3+N”执法工作模式', '1+3+N'],
    ['“1+4+X”工作法', '1+4+X'],
    ['“两化三三三”工作法', '两化三三三'],
    ['两化三三三工作法', '两化三三三'],
    ['“六位一体”党建工作模式', '六位一体'],
    ['六位一体党建工作模式', '六位一体'],
    ['“五个融合”工作模式', '五个融合'],
    ['“四民工作法”', '四民工作法'],
    ['四民工作法', '四民工作法'],
    ['四议两公开制度', '四议两公开'],
    ['一网两访三为工作法', '一网两访三为'],
    ['“枫桥经验”', '枫桥经验'],
    ['“1333”基层治理体系', '1333'],
    ['网格化管理', '网格化管理'],
  ])('%s → %s', (name, key) => {
    expect(mechanismKey(name)).toBe(key);
  });

  it('keeps different formulas apart', () => {
    expect(mechanismKey('1+3+N')).not.toBe(mechanismKey('1+3+X'));
    expect(mechanismKey('1+4+X')).not.toBe(mechanismKey('1+3+X'));
  });
});

describe('mechanismsSimilar', () => {
  it.each([
    ['1+3+X', '1+3+N', true],
    ['1+3+X', '1+4+X', true],
    ['“1+3+X”网格力量体系', '“1+4+X”工作法', true],
    ['1+13+N', '1+3+N', true],
    ['1+3+N', '1+4+X', false], // two terms differ
    ['1+13+N', '1+3+X', false],
    ['1+6', '1333', false], // a digit code is not a formula
    ['1+6', '1+7', false], // two-term formulas share too little
    ['1+3+X', '“1+3+X”网格力量体系', false], // the same practice
    ['两化三三三', '1+3+X', false],
    ['六位一体', '三位一体', false], // number lists are not formulas
  ] as const)('%s ~ %s → %s', (a, b, similar) => {
    expect(mechanismsSimilar(a, b)).toBe(similar);
    expect(mechanismsSimilar(b, a)).toBe(similar);
  });
});
