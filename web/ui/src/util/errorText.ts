/**
 * Every error a reader sees, in Chinese. The API answers `{ code, message }` where the message may
 * be English (`q: Too big: expected string to have <=200 characters`, `x.exe: Unsupported file
 * type`); the code picks the Chinese sentence, a validation message is rewritten with the field's
 * Chinese name, and only a file name from the message is kept.
 */

export const ERROR_LABEL: Record<string, string> = {
  FILE_EMPTY: '文件为空',
  FILE_TOO_LARGE: '文件超过大小限制',
  FILE_BINARY: '文件是二进制文件，不是文本',
  FILE_UNSUPPORTED: '不支持的文件类型',
  FILE_UNDECODABLE: '无法识别文件编码',
  FILE_CORRUPT: '文件已损坏或无法读取',
  FILE_NOT_FOUND: '文件不存在',
  FILE_UNREADABLE: '文件无法读取',
  FILE_TOO_COMPLEX: '文件结构超出读取限制（嵌套过深或解压后过大）',
  INGEST_TIMEOUT: '入库超时，已中止',
  INGEST_OUT_OF_MEMORY: '入库超出内存预算，已中止',
  DOCUMENT_NOT_FOUND: '文档不存在（可能已被删除）',
  ENTITY_NOT_FOUND: '实体不存在（可能已随文档删除）',
  BAD_REQUEST: '请求参数有误',
  PAYLOAD_TOO_LARGE: '请求内容过大',
  RATE_LIMITED: '请求过于频繁，请稍后再试',
  STORE_UNAVAILABLE: '图数据库暂不可用，请稍后再试',
  STORE_AUTH: '图数据库暂不可用，请稍后再试',
  INDEX_INVALID: '检索索引损坏，请联系管理员重建索引',
  CONFIG_INVALID: '服务器配置有误',
  EMBEDDER_UNAVAILABLE: '向量模型暂不可用',
  NOT_FOUND: '请求的内容不存在',
  FORBIDDEN_ORIGIN: '拒绝跨站请求，请在本站页面中操作',
  URL_TOO_LONG: '检索词过长，请缩短后重试',
  INTERNAL: '服务器内部错误，请稍后再试',
};

/** HTTP statuses without a JSON body (a proxy, a reset): what they mean for the reader. */
const STATUS_TEXT: Record<number, string> = {
  0: '无法连接服务器，请检查网络后重试',
  400: '请求参数有误',
  403: '没有权限执行这个操作',
  404: '请求的内容不存在',
  408: '请求超时，请稍后再试',
  413: '请求内容过大',
  414: '检索词过长，请缩短后重试',
  429: '请求过于频繁，请稍后再试',
  431: '检索词过长，请缩短后重试',
  500: '服务器内部错误，请稍后再试',
  502: '服务器暂时无法访问，请稍后再试',
  503: '服务暂不可用，请稍后再试',
  504: '服务器响应超时，请稍后再试',
};

/** Request fields by their Chinese names. */
const FIELD: Record<string, string> = {
  q: '检索问题',
  mode: '检索方式',
  region: '地区',
  level: '组织层级',
  doc: '文档',
  type: '实体类型',
  limit: '数量',
  offset: '起始位置',
  depth: '邻域深度',
  ids: '对比对象',
  topic: '主题',
  format: '导出格式',
  title: '标题',
  query: '问题',
  file: '文件',
  body: '请求内容',
  id: '编号',
  path: '地址',
};

/** zod's English issue texts → Chinese. */
const ZOD: [RegExp, (m: RegExpExecArray) => string][] = [
  [/Too big: expected string to have <=?\s*(\d+) characters?/i, (m) => `过长（最多 ${m[1]} 个字）`],
  [/Too small: expected string to have >=?\s*(\d+) characters?/i, (m) => (m[1] === '1' ? '不能为空' : `过短（至少 ${m[1]} 个字）`)],
  [/Too big: expected number to be <=?\s*(\d+)/i, (m) => `过大（最大 ${m[1]}）`],
  [/Too small: expected number to be >=?\s*(\d+)/i, (m) => `过小（最小 ${m[1]}）`],
  [/Too big: expected array to have <=?\s*(\d+)/i, (m) => `过多（最多 ${m[1]} 项）`],
  [/Invalid option|Invalid enum/i, () => '取值无效'],
  [/Invalid input: expected (number|int)/i, () => '应为数字'],
  [/Invalid input: expected string/i, () => '应为文字'],
  [/Invalid input|Required/i, () => '缺失或格式不对'],
  [/give 2 to 4/i, () => '请选择 2–4 个不同的组织或地区'],
  [/no (entity|document) with id/i, () => '不存在（可能已被删除）'],
  [/malformed JSON/i, () => '格式不对'],
  [/nothing to export/i, () => '没有可导出的内容，请先勾选答案或段落'],
  [/exceeds the size limit/i, () => '超过大小限制'],
];

const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);

/** "q: Too big: expected string to have <=200 characters; limit: …" → "检索问题过长（最多 200 个字）；数量…". */
export function describeValidation(message: string): string | null {
  const parts = message.split(/;\s*/).map((part) => {
    const m = /^([\w.]+):\s*(.*)$/.exec(part.trim());
    if (!m) return null;
    const [, field = '', reason = ''] = m;
    const name = FIELD[field.split('.')[0] ?? ''] ?? null;
    if (!name) return null;
    if (hasChinese(reason)) return `${name}：${reason}`;
    const rule = ZOD.map(([re, say]) => {
      const hit = re.exec(reason);
      return hit ? say(hit) : null;
    }).find(Boolean);
    return `${name}${rule ?? '有误'}`;
  });
  return parts.every(Boolean) && parts.length ? parts.join('；') : null;
}

/** The file a message names (`setup.exe: Unsupported file type` → setup.exe), kept beside the Chinese reason. */
function fileNamed(message: string): string | null {
  const m = /^([^\s:：/\\]+\.[A-Za-z0-9]{1,8}):/.exec(message.trim());
  return m?.[1] ?? null;
}

/** English reasons the server may send without a code (failed jobs): their code. */
const ENGLISH_REASON: [RegExp, string][] = [
  [/file is empty|contains only whitespace|no text layer/i, 'FILE_EMPTY'],
  [/exceeds the size limit/i, 'FILE_TOO_LARGE'],
  [/binary, not text/i, 'FILE_BINARY'],
  [/unsupported file type/i, 'FILE_UNSUPPORTED'],
  [/cannot be decoded|mojibake|mixed encoding/i, 'FILE_UNDECODABLE'],
  [/corrupt|unreadable|not a valid|cannot parse|password-protected|missing %PDF/i, 'FILE_CORRUPT'],
  [/timed? ?out/i, 'INGEST_TIMEOUT'],
  [/internal error/i, 'INTERNAL'],
];

/**
 * One Chinese sentence for an API error: by code (validation errors field by field), else by the
 * HTTP status; a Chinese message from the server is kept, an English one never shown.
 */
export function errorText(error: { code?: string; status?: number; message?: string }): string {
  const message = (error.message ?? '').trim();
  if (error.code === 'BAD_REQUEST') {
    const fields = describeValidation(message);
    if (fields) return fields;
  }
  const code = error.code ?? ENGLISH_REASON.find(([re]) => re.test(message))?.[1];
  const label = code ? ERROR_LABEL[code] : undefined;
  const file = fileNamed(message);
  // A Chinese file name does not make an English reason Chinese.
  const reason = file ? message.trim().slice(file.length + 1).trim() : message;
  const chineseReason = hasChinese(reason) && !/[A-Za-z]{4,}/.test(reason); // units (MiB, PDF) are fine
  if (label) {
    // The server's own Chinese sentence says more than the label (FILE_TOO_COMPLEX names the limit).
    if (chineseReason && reason !== label) return file ? `${reason}（${file}）` : reason;
    return file ? `${label}（${file}）` : label;
  }
  if (chineseReason) return file ? `${reason}（${file}）` : reason;
  const status = error.status ?? Number(/^HTTP (\d+)$/.exec(message)?.[1] ?? NaN);
  return STATUS_TEXT[status] ?? (status >= 500 ? STATUS_TEXT[500]! : '操作未完成，请稍后再试');
}
