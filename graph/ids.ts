import { createHash } from 'node:crypto';

/** Content-derived ids: the same content always gets the same id, so re-ingest is idempotent. */
export function hashId(prefix: string, ...parts: Array<string | number>): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(String(part)).update('\u0000');
  return `${prefix}-${hash.digest('hex').slice(0, 16)}`;
}

/** Normalizes document text for identity: BOM, line endings, trailing spaces and outer blank lines do not change the id. */
export function documentIdFor(text: string): string {
  const normalized = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u3000]+$/gm, '')
    .trim()
    .normalize('NFC');
  return hashId('doc', normalized);
}
