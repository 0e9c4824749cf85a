import { createHash } from 'node:crypto';

/**
 * A short content hash of a set of passage texts, independent of their order: lets a caller tell whether
 * a saved corpus embedder was trained on the passages it has now.
 */
export function passagesFingerprint(texts: Iterable<string>): string {
  const digests: string[] = [];
  for (const text of texts) digests.push(createHash('sha256').update(text).digest('hex'));
  digests.sort();
  return createHash('sha256').update(digests.join('\n')).digest('hex').slice(0, 32);
}
