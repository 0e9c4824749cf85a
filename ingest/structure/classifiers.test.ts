import { describe, expect, it } from 'vitest';
import { inlineBylineLength, isByline, isClosingLine, isOrgByline } from './bylines.js';
import { endsWithFinal, headingLevel } from './headings.js';
import { isCaption, isPageMarker, isSeparator, isSpam, isTocLine, tocEntryTitle } from './noise.js';

// every line below is copied from corpus/*.txt
describe('isPageMarker', () => {
  it.each([
    ['— 2 — ★ ', true],
    ['★  — 13 —', true],
    ['— 11—', true],
    ['- 3 -', true],
    ['★  — 1 —', true],
    ['（2023 年 9 月 18 日）', false],
    ['—2022年)》，要逐年提高全国农村基层党组织一把手的“一肩挑”比例。', false],
    ['——摘自《山西日报》', false],
    ['( 10 篇 )', false],
  ])('%s → %s', (line, want) => expect(isPageMarker(line)).toBe(want));
});

describe('isTocLine', () => {
  it.each([
    ['目 录', true],
    ['## 目录', true],
    ['党建引领强服务基层治理新实践………………………………………………1', true],
    ['“一网两访三为”探索基层治理新路径城关区………………………………5', true],
    ['1.“六位一体”党建工作模式的实践探索 .....\t2', true],
    ['##paidbegin##7．西固区先锋路街道党工委书记陈伟：', false], // TOC only by context (after 目录)
    ['# “六位一体”党建工作模式的实践探索', false],
    ['党的基层组织是党的全部工作和战斗力的基础，加强和改进', false],
  ])('%s → %s', (line, want) => expect(isTocLine(line)).toBe(want));

  it.each([
    ['1.“六位一体”党建工作模式的实践探索 .....\t2', '“六位一体”党建工作模式的实践探索'],
    ['5.实践成效篇始终以人民美好生活锚定治理改革方向\t20', '实践成效篇始终以人民美好生活锚定治理改革方向'],
    ['加快推动城市基层治理提质增效……………………………………………11', '加快推动城市基层治理提质增效'],
    ['1．西固区福利路街道党工委书记牟辉：', null],
    ['目 录', null],
  ])('tocEntryTitle(%s) = %s', (line, want) => expect(tocEntryTitle(line)).toBe(want));
});

describe('isCaption', () => {
  it.each([
    ['图为桥西社区为居民开设的插花培训。', true],
    ['邱东芳摄', true],
    ['彭俊 摄（贵州图片库发）', true],
    ['本报记者 邱东芳', false],
    ['坚持抓基层、强基础、固基本，把资源、服务、管理下沉基层，做实基层。', false],
  ])('%s → %s', (line, want) => expect(isCaption(line)).toBe(want));
});

describe('isSpam', () => {
  it.each([
    ['联系微信 rcjubi9', true],
    ['扫码观看《悟思想伟力·看实践创新》微视频', true],
    // a real sentence with an ad glued in: kept (the ad is cut out of clean text)
    ['定资产投资保持高位运行。面对经济实力弱、发展基础差的现状，联系微信 rcjubi9，规划投资目标任务的项目融资和资金保障成为难题。', false],
    ['建好一个智能化APP，平城区整合智慧网格平台、平城网格通APP、掌上平城APP为一体化综合性平台', false],
  ])('%s → %s', (line, want) => expect(isSpam(line)).toBe(want));
});

describe('isSeparator', () => {
  it.each([
    ['__________________________', true],
    ['——摘自《山西日报》', false],
  ])('%s → %s', (line, want) => expect(isSeparator(line)).toBe(want));
});

describe('headingLevel', () => {
  it.each([
    ['# 基层党建工作模式实践探索工作报告汇编', 1],
    ['## 1. 党建引领乡村振兴的生成逻辑', 2],
    ['#### **3.1 基层党组织领导核心作用有待加强**', 4],
    ['一、实践探索：转化组织优势，党组织核心引领作用有效发', 1],
    ['（一）强化“三项保障”，夯实治理基础', 2],
    ['（四）补齐短板，提高保障力', 2],
    ['**3.3 统筹推进现代信息技术协同应用**', 4],
    ['**3.4 着力增强交通可持续发展的能力一是促进交通和相关产业联动发展。**', 4],
    // a numbered lead phrase followed by a long body is a body paragraph
    ['一、凝聚党建联建合力。牢固树立“全域党建”工作理念，吸纳70名辖区企事业单位党组织书记担任街道“大工委”', 0],
    ['1.84万人增加到 2.71万人，而各乡镇（街道）存在未差异化配备', 0],
    ['一是强化力量保障。实行', 0],
    ['党建引领强服务基层治理新实践', 0],
  ])('%s → %s', (line, want) => expect(headingLevel(line)).toBe(want));
});

describe('bylines', () => {
  it.each([
    ['西固区福利路街道党工委书记 牟辉', true],
    ['永登县委副书记、树屏镇党委书记 贾锐', true],
    ['本报记者 邱东芳', true],
    ['西固区福利路街道党工委书记牟辉：', false],
    ['二、加强基层党组织书记 队伍', false],
    ['党建引领强服务基层治理新实践', false],
  ])('isByline(%s) → %s', (line, want) => expect(isByline(line)).toBe(want));

  it('inline dateline bylines', () => {
    expect(inlineBylineLength('本报讯（记者 董芳）全省抓党建促基层治理能力提升专项行动开展以来')).toBe('本报讯（记者 董芳）'.length);
    expect(inlineBylineLength('本报讯（记者 臧力卿）平城区新旺街道党工委立足街道实际')).toBe('本报讯（记者 臧力卿）'.length);
    expect(inlineBylineLength('平城区始终把党的建设作为基层治理的核心（记者）')).toBe(0);
  });

  it.each([
    ['省党建研究会社区与两新组织党建研究专委会', true],
    ['省党建研究会农村党建研究专委会', true],
    ['把抓基层打基础作为长远之计和固本之策', false],
  ])('isOrgByline(%s) → %s', (line, want) => expect(isOrgByline(line)).toBe(want));

  it.each([
    ['(执笔：王贵森)', true],
    ['——摘自《山西日报》', true],
    ['——2021年2月，习近平总书记在贵州视察时指出', false],
  ])('isClosingLine(%s) → %s', (line, want) => expect(isClosingLine(line)).toBe(want));
});

describe('endsWithFinal', () => {
  it.each([
    ['走出了一条党建引领城市基层治理的新路子。', true],
    ['“全国村级议事协商创新实验试点村”“全国民主法治示', false],
    ['打造“临港特色乡村度假区”', false], // closing quote mid-sentence (001 line 178)
    ['很合适居家养老。”张本珍说。', true],
    ['基层强则国家强…让群众生活更美好。”', true],
    ['关键词：巴中；党建引领；基层治理；路径', false],
  ])('%s → %s', (line, want) => expect(endsWithFinal(line)).toBe(want));
});
