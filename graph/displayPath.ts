import path from 'node:path';

/**
 * How a document's source path is shown to readers: a relative path (corpus/001.txt) as stored, an
 * absolute one cut to its file name, so answers and API responses never reveal the server's folders.
 */
export function displayPath(sourcePath: string): string {
  return path.isAbsolute(sourcePath) || path.win32.isAbsolute(sourcePath) ? path.basename(sourcePath.replace(/\\/g, '/')) : sourcePath;
}
