/**
 * The one place error codes become HTTP statuses. Every error leaves the API as
 * `{ error: { code, message } }`; unknown errors are logged and answered with a generic 500.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ERROR_CODES, isAppError, type ErrorCode } from '../../../graph/errors.js';

/** Codes that only exist at the HTTP boundary (no domain meaning). */
export const WEB_ERROR_CODES = {
  NOT_FOUND: 'Not found',
  PAYLOAD_TOO_LARGE: 'Request body too large',
  RATE_LIMITED: 'Too many requests',
  INTERNAL: 'Internal server error',
  FORBIDDEN_ORIGIN: '拒绝跨站请求：上传、删除等修改操作只接受本站页面发出的请求',
  URL_TOO_LONG: '请求地址或请求头过长，请缩短检索词后重试',
} as const;

export type WebErrorCode = keyof typeof WEB_ERROR_CODES;
export type ApiErrorCode = ErrorCode | WebErrorCode;

export class HttpError extends Error {
  constructor(
    readonly code: WebErrorCode,
    message: string = WEB_ERROR_CODES[code],
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

const STATUS: Record<ApiErrorCode, number> = {
  BAD_REQUEST: 400,
  CONFIG_INVALID: 500,
  FILE_NOT_FOUND: 404,
  FILE_EMPTY: 422,
  FILE_TOO_LARGE: 413,
  FILE_BINARY: 422,
  FILE_UNSUPPORTED: 415,
  FILE_UNDECODABLE: 422,
  FILE_CORRUPT: 422,
  DOCUMENT_NOT_FOUND: 404,
  ENTITY_NOT_FOUND: 404,
  STORE_UNAVAILABLE: 503,
  STORE_AUTH: 503,
  INDEX_INVALID: 500,
  EMBEDDER_UNAVAILABLE: 503,
  FILE_UNREADABLE: 422,
  FILE_LINK_LOOP: 422,
  FILE_DANGLING_LINK: 422,
  FILE_TOO_COMPLEX: 413,
  INGEST_TIMEOUT: 422,
  INGEST_OUT_OF_MEMORY: 422,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  FORBIDDEN_ORIGIN: 403,
  URL_TOO_LONG: 431,
};

/** Server-side failures: logged with their stack, answered with the code's generic message (no hosts, paths or URIs). */
const SERVER_SIDE = new Set<ApiErrorCode>(['CONFIG_INVALID', 'STORE_UNAVAILABLE', 'STORE_AUTH', 'INDEX_INVALID', 'EMBEDDER_UNAVAILABLE', 'INTERNAL']);

export interface ErrorBody {
  error: { code: ApiErrorCode; message: string };
}

/**
 * Client errors raised by express itself or its body parser carry a 4xx `status` (and the parser
 * a `type`): a bad percent-encoding in the path, malformed JSON, a body over the limit.
 */
function clientErrorCode(error: unknown): ApiErrorCode | null {
  const { type, status } = (error ?? {}) as { type?: unknown; status?: unknown };
  if (type === 'entity.too.large' || status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 404) return 'NOT_FOUND';
  if (typeof status === 'number' && status >= 400 && status < 500) return 'BAD_REQUEST';
  return null;
}

const CLIENT_MESSAGES: Partial<Record<ApiErrorCode, string>> = {
  PAYLOAD_TOO_LARGE: 'body: request body exceeds the size limit',
  NOT_FOUND: WEB_ERROR_CODES.NOT_FOUND,
};

/** Multer errors carry a `code` such as LIMIT_FILE_SIZE. */
function multerError(error: unknown, maxFileBytes: number): { code: ApiErrorCode; message: string } | null {
  if ((error as Error | null)?.name !== 'MulterError') return null;
  const { code, field } = error as { code: string; field?: string };
  if (code === 'LIMIT_FILE_SIZE') return { code: 'FILE_TOO_LARGE', message: `file: upload exceeds the size limit of ${maxFileBytes} bytes` };
  if (code === 'LIMIT_UNEXPECTED_FILE') return { code: 'BAD_REQUEST', message: `${field ?? 'file'}: unexpected file field; send one file in the field "file"` };
  return { code: 'BAD_REQUEST', message: `upload: ${(error as Error).message}` };
}

export function toErrorResponse(error: unknown, maxFileBytes: number): { status: number; body: ErrorBody; logged: boolean } {
  let code: ApiErrorCode;
  let message: string;
  const fromMulter = multerError(error, maxFileBytes);
  const fromExpress = clientErrorCode(error);
  if (isAppError(error) || error instanceof HttpError) {
    code = error.code;
    message = error.message;
  } else if (fromMulter) {
    ({ code, message } = fromMulter);
  } else if (fromExpress) {
    code = fromExpress;
    const parseFailed = (error as { type?: unknown }).type === 'entity.parse.failed';
    message = CLIENT_MESSAGES[code] ?? (parseFailed ? 'body: malformed JSON' : 'request: malformed request');
  } else {
    code = 'INTERNAL';
    message = WEB_ERROR_CODES.INTERNAL;
  }
  const logged = SERVER_SIDE.has(code);
  if (logged) message = code in ERROR_CODES ? ERROR_CODES[code as ErrorCode] : WEB_ERROR_CODES.INTERNAL;
  return { status: STATUS[code], body: { error: { code, message } }, logged };
}

export function errorHandler(maxFileBytes: number, log: (line: string) => void): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const { status, body, logged } = toErrorResponse(error, maxFileBytes);
    if (logged) log(`${req.method} ${req.originalUrl}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(status).json(body);
  };
}

export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new HttpError('NOT_FOUND', `No such endpoint: ${req.method} ${req.baseUrl}${req.path}`));
};
