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

export const KIND_LABEL: Record<string, string> = {
  party_committee: '党组织',
  company: '企业',
  university: '高校',
  social: '社会组织',
  government: '政府部门',
  coalition: '联盟',
  media: '媒体',
};

export const ERROR_LABEL: Record<string, string> = {
  FILE_EMPTY: '文件为空',
  FILE_TOO_LARGE: '文件超过大小限制',
  FILE_BINARY: '文件是二进制文件，不是文本',
  FILE_UNSUPPORTED: '不支持的文件类型',
  FILE_UNDECODABLE: '无法识别文件编码',
  FILE_CORRUPT: '文件已损坏或无法读取',
  DOCUMENT_NOT_FOUND: '文档不存在',
  ENTITY_NOT_FOUND: '实体不存在',
  BAD_REQUEST: '请求参数有误',
  PAYLOAD_TOO_LARGE: '请求内容过大',
  RATE_LIMITED: '请求过于频繁，请稍后再试',
  STORE_UNAVAILABLE: '图数据库暂不可用',
  EMBEDDER_UNAVAILABLE: '向量模型暂不可用',
  NOT_FOUND: '接口不存在',
  INTERNAL: '服务器内部错误',
};

/** The server's default English reasons (graph/errors.ts), for messages that carry no code (job errors). */
const ENGLISH_REASON: [RegExp, string][] = [
  [/file is empty/i, 'FILE_EMPTY'],
  [/exceeds the size limit/i, 'FILE_TOO_LARGE'],
  [/binary, not text/i, 'FILE_BINARY'],
  [/unsupported file type/i, 'FILE_UNSUPPORTED'],
  [/cannot be decoded/i, 'FILE_UNDECODABLE'],
  [/corrupt or unreadable/i, 'FILE_CORRUPT'],
];

/** "文件为空（empty.txt: File is empty）" for a bare message from a failed job. */
export function describeMessage(message: string): string {
  const code = ENGLISH_REASON.find(([pattern]) => pattern.test(message))?.[1];
  const label = code ? ERROR_LABEL[code] : undefined;
  return label ? `${label}（${message}）` : message;
}

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

/** "文件为空（corpus/x.txt: File is empty）": the Chinese reason first, the API's own words after. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: string }).code;
  const label = code ? ERROR_LABEL[code] : undefined;
  if (label && error.message && error.message !== label) return `${label}（${error.message}）`;
  return label ?? describeMessage(error.message);
}
