import { describe, expect, it } from 'vitest';
import { formulaTerms, listPart } from './partsAnswers.js';

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
