/** One error type for the whole app: a stable code, a message, and structured details. */

export const ERROR_CODES = {
  CONFIG_INVALID: 'Invalid configuration',
  FILE_NOT_FOUND: 'File not found',
  FILE_EMPTY: 'File is empty',
  FILE_TOO_LARGE: 'File exceeds the size limit',
  FILE_BINARY: 'File is binary, not text',
  FILE_UNSUPPORTED: 'Unsupported file type',
  FILE_UNDECODABLE: 'File bytes cannot be decoded as text',
  FILE_CORRUPT: 'File is corrupt or unreadable',
  DOCUMENT_NOT_FOUND: 'Document not found',
  ENTITY_NOT_FOUND: 'Entity not found',
  STORE_UNAVAILABLE: 'Graph store unavailable',
  STORE_AUTH: 'Graph store rejected the credentials',
  INDEX_INVALID: 'Index file is invalid',
  EMBEDDER_UNAVAILABLE: 'Embedding model unavailable',
  BAD_REQUEST: 'Bad request',
  FILE_UNREADABLE: '无法读取（权限不足或读取出错）',
  FILE_LINK_LOOP: '符号链接形成循环，已跳过',
  FILE_DANGLING_LINK: '符号链接指向的目标不存在，已跳过',
  FILE_TOO_COMPLEX: '文件结构超出读取限制（嵌套过深或解压后过大）',
  INGEST_TIMEOUT: '入库超时，已中止',
  INGEST_OUT_OF_MEMORY: '入库超出内存预算，已中止',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message?: string, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(message ?? ERROR_CODES[code], options);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

/** An error about one input file: the message always names the file and the reason. */
export class FileError extends AppError {
  readonly file: string;

  constructor(code: ErrorCode, file: string, reason?: string, options?: { cause?: unknown }) {
    super(code, `${file}: ${reason ?? ERROR_CODES[code]}`, { file }, options);
    this.name = 'FileError';
    this.file = file;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
