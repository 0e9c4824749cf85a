import fs from 'node:fs';
import path from 'node:path';
import { FileError } from '../../graph/errors.js';

/** Expands directories (recursively, sorted) into files; hidden files are skipped. Missing paths are reported, not thrown. */
export function collectFiles(inputs: string[], supported: string[]): { files: string[]; missing: FileError[] } {
  const files: string[] = [];
  const missing: FileError[] = [];
  const walk = (target: string): void => {
    const stat = fs.statSync(target, { throwIfNoEntry: false });
    if (!stat) {
      missing.push(new FileError('FILE_NOT_FOUND', target, 'no such file or directory'));
      return;
    }
    if (!stat.isDirectory()) {
      files.push(target);
      return;
    }
    for (const name of fs.readdirSync(target).sort()) {
      if (name.startsWith('.')) continue;
      const child = path.join(target, name);
      const childStat = fs.statSync(child);
      if (childStat.isDirectory() || supported.includes(path.extname(name).toLowerCase())) walk(child);
    }
  };
  for (const input of inputs) walk(input);
  return { files, missing };
}
