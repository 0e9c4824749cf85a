import { errorText } from './errorText.js';

/** Chinese labels for the graph's vocabulary. */

export const TYPE_LABEL: Record<string, string> = {
  region: '地区',
  organization: '组织',
  mechanism: '机制',
  metric: '指标',
  person: '人物',
};

export const LEVEL_LABEL: Record<string, string> = {
  province: '省级',
  prefecture: '地市级',
  county: '区县级',
  township: '街道/乡镇',
  community: '社区/村',
  grid: '网格',
};

/** The levels the search filter offers (the API accepts these). */
export const FILTER_LEVELS = ['province', 'prefecture', 'county', 'township', 'community'] as const;

export const RELATION_LABEL: Record<string, string> = {
  LOCATED_IN: '位于',
  ADOPTS: '采用',
  SIMILAR_TO: '相似',
  HAS_METRIC: '指标',
  LEADS: '负责',
  PART_OF: '隶属',
  MENTIONS: '提及',
};

export const INTENT_LABEL: Record<string, string> = {
  adopters: '查找采用者',
  org_practices: '组织做法',
  metric: '指标数据',
  person: '人物',
  region: '地区',
  compare: '对比',
  passages: '原文检索',
};

/** What the question expects back (Answer.answerType). */
export const ANSWER_TYPE_LABEL: Record<string, string> = {
  place: '地方',
  organization: '单位',
  person: '人物',
  role: '职务',
  practice: '做法',
  parts: '做法的组成',
  number: '数字',
  region_chain: '所属地区',
  yes_no: '是否',
  compare: '对比',
  passages: '原文检索',
};

export const KIND_LABEL: Record<string, string> = {
  party_committee: '党组织',
  company: '企业',
  university: '高校',
  social: '社会组织',
  government: '政府部门',
  coalition: '联盟',
  media: '媒体',
};

export const TYPE_COLOR: Record<string, string> = {
  region: '#2f7ed8',
  organization: '#e0803a',
  mechanism: '#3a9d5d',
  metric: '#8e5cc2',
  person: '#d64b6a',
};

export function typeLabel(type: string): string {
  return TYPE_LABEL[type] ?? type;
}

export function levelLabel(level: string | undefined): string {
  return level ? (LEVEL_LABEL[level] ?? level) : '';
}

/** A Chinese sentence for any error the UI shows (see errorText.ts). */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return errorText({ message: String(error) });
  const { code, status } = error as { code?: string; status?: number };
  return errorText({ code, status, message: error.message });
}

/** A bare message from a failed job, in Chinese. */
export function describeMessage(message: string): string {
  return errorText({ message });
}
