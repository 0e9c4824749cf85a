import { describe, expect, it } from 'vitest';
import { formulaTerms, listPart, partsOfOwnLists } from './partsAnswers.js';

const named = (...names: string[]) => names.map((name) => ({ name }));

describe('formulaTerms: a formula is answered by the parts its terms name', () => {
  it.each([
    ['1+5+N', ['1个街道党群服务中心', '5个片区党群服务站', 'N个小区红色驿站', '1名专职网格长牵头', '社区民警、城管队员5支力量', 'N名党员志愿者'], ['1个街道党群服务中心', '5个片区党群服务站', 'N个小区红色驿站']],
    ['１＋３＋ｘ', ['1名专职网格员', '3名兼职网格员', 'X名辅助网格员'], ['1名专职网格员', '3名兼职网格员', 'X名辅助网格员']],
    // 15 is not 1: a term never matches the head of a longer number.
    ['1+5', ['15个社区', '5个小组', '1个中心', '5个站点'], ['1个中心', '5个站点']],
  ])('%s', (formula, parts, expected) => {
    expect(formulaTerms(formula, named(...parts)).map((p) => p.name)).toEqual(expected);
  });

  it('keeps all parts when no run of the terms is there, or the name is no formula', () => {
    expect(formulaTerms('1+3+N', named('专职网格员', '兼职网格员')).length).toBe(2);
    expect(formulaTerms('三事分流', named('大事政府办', '小事村里办')).length).toBe(2);
  });
});

describe('listPart: the enumeration at the head of a definition', () => {
  it.each([
    ['大事政府办、小事村里办、私事自己办，推动矛盾纠纷分类化解', '大事政府办、小事村里办、私事自己办'],
    ['组织联建、党员联户、部门联办，服务精细化、管理网格化、议事民主化', '组织联建、党员联户、部门联办，服务精细化、管理网格化、议事民主化'],
    ['每个网格配备1名网格员、1名社区民警、1名人民调解员，目前共划分基础网格3216个、专属网格412个', '每个网格配备1名网格员、1名社区民警、1名人民调解员'],
    ['由街道统一调度。其余由社区负责', '由街道统一调度'],
  ])('%s', (definition, expected) => expect(listPart(definition)).toBe(expected));
});

describe('partsOfOwnLists: the asked place\'s own list of a practice two places define', () => {
  const part = (name: string, docId: string) => ({ name, citations: [{ docId }] });
  const corpusLike = [
    part('1个街道党群服务中心', 'doc-a'), part('1名专职网格长牵头', 'doc-b'), part('5个片区党群服务站', 'doc-a'),
    part('社区民警、城管队员、执业律师、物业经理、楼栋长5支力量下沉网格', 'doc-b'), part('N个小区红色驿站', 'doc-a'), part('N名党员志愿者', 'doc-b'),
  ];
  const invented = [part('1个镇便民中心', 'doc-x'), part('3支巡逻队', 'doc-x'), part('1名村医', 'doc-y'), part('3名村干部', 'doc-y')];
  it.each([
    ['1+5+N', corpusLike, new Set(['doc-a']), ['1个街道党群服务中心', '5个片区党群服务站', 'N个小区红色驿站']],
    ['1+5+N', corpusLike, new Set(['doc-b']), ['1名专职网格长牵头', '社区民警、城管队员、执业律师、物业经理、楼栋长5支力量下沉网格', 'N名党员志愿者']],
    ['1+3', invented, new Set(['doc-y']), ['1名村医', '3名村干部']],
    // No place asked, or the place adopts it nowhere: every list, each cut to its formula's run.
    ['1+3', invented, undefined, ['1个镇便民中心', '3支巡逻队', '1名村医', '3名村干部']],
    ['1+3', invented, new Set(['doc-z']), ['1个镇便民中心', '3支巡逻队', '1名村医', '3名村干部']],
  ])('%s', (formula, parts, adoptedIn, expected) => {
    expect(partsOfOwnLists(parts, adoptedIn, formula).map((p) => p.name)).toEqual(expected);
  });
});
