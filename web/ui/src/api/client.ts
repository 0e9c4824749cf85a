/** Thin fetch helpers: every API error becomes an ApiError carrying the server's code and message. */

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Params = Record<string, string | number | undefined | null>;

export function apiUrl(path: string, params: Params = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const qs = search.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

/** Reads `{ error: { code, message } }` (or anything else) from a failed response. */
export function errorFromBody(status: number, body: unknown): ApiError {
  const error = (body as { error?: unknown } | null)?.error;
  if (error && typeof error === 'object') {
    const { code, message } = error as { code?: string; message?: string };
    return new ApiError(message ?? `HTTP ${status}`, status, code);
  }
  if (typeof error === 'string') return new ApiError(error, status);
  return new ApiError(`HTTP ${status}`, status);
}

async function failure(res: Response): Promise<ApiError> {
  const text = await res.text();
  try {
    return errorFromBody(res.status, JSON.parse(text));
  } catch {
    return new ApiError(text.trim().slice(0, 200) || `HTTP ${res.status}`, res.status);
  }
}

export async function getJson<T>(path: string, params?: Params, signal?: AbortSignal): Promise<T> {
  const res = await fetch(apiUrl(path, params), { signal, headers: { accept: 'application/json' } });
  if (!res.ok) throw await failure(res);
  return (await res.json()) as T;
}

export async function deleteJson(path: string): Promise<void> {
  const res = await fetch(apiUrl(path), { method: 'DELETE' });
  if (!res.ok) throw await failure(res);
}

/** `attachment; filename*=UTF-8''%E5%...` or `filename="x.md"`. */
export function filenameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      /* fall through */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}

export async function postForFile(path: string, body: unknown, fallbackName: string): Promise<{ blob: Blob; filename: string }> {
  const res = await fetch(apiUrl(path), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw await failure(res);
  return { blob: await res.blob(), filename: filenameFrom(res.headers.get('content-disposition'), fallbackName) };
}

/** Multipart upload with progress (0–1) through XHR; resolves with the parsed JSON body. */
export function uploadWithProgress<T>(path: string, file: File, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl(path));
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError('网络错误，上传未完成', 0));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = xhr.responseText;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(typeof body === 'string' ? new ApiError(body.slice(0, 200) || `HTTP ${xhr.status}`, xhr.status) : errorFromBody(xhr.status, body));
    };
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}
