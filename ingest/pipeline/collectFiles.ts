import fs from 'node:fs';
import path from 'node:path';
import { FileError } from '../../graph/errors.js';

export interface CollectedFiles {
  files: string[];
  /** One error per path that could not be walked (missing, unreadable, a link loop, a dangling link). */
  errors: FileError[];
}

function errorFor(target: string, error: unknown): FileError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new FileError('FILE_NOT_FOUND', target, '文件或文件夹不存在');
  if (code === 'ELOOP') return new FileError('FILE_LINK_LOOP', target, '符号链接形成循环，已跳过');
  if (code === 'EACCES' || code === 'EPERM') return new FileError('FILE_UNREADABLE', target, `没有读取权限（${code}），已跳过`);
  return new FileError('FILE_UNREADABLE', target, `无法读取（${code ?? String(error)}），已跳过`);
}

/** The real path of the folder holding `target` (the link itself is not followed). */
function realParent(target: string): string {
  try {
    return fs.realpathSync(path.dirname(target));
  } catch {
    return path.resolve(path.dirname(target));
  }
}

/** True when `dir` is `folder` or lies inside it. */
function isInside(dir: string, folder: string): boolean {
  return dir === folder || dir.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep);
}

/**
 * Expands directories (recursively, sorted) into files; hidden entries are skipped. Anything that
 * cannot be walked — a missing path, an unreadable folder, a symlink loop, a dangling link — is
 * reported as that path's error and the walk goes on.
 */
export function collectFiles(inputs: string[], supported: string[]): CollectedFiles {
  const files: string[] = [];
  const errors: FileError[] = [];
  const walked = new Set<string>();

  const walk = (target: string, explicit: boolean): void => {
    let link: fs.Stats;
    try {
      link = fs.lstatSync(target);
    } catch (error) {
      errors.push(errorFor(target, error));
      return;
    }
    let info = link;
    if (link.isSymbolicLink()) {
      try {
        info = fs.statSync(target);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') errors.push(new FileError('FILE_DANGLING_LINK', target, '符号链接指向的目标不存在，已跳过'));
        else errors.push(errorFor(target, error));
        return;
      }
    }
    if (!info.isDirectory()) {
      if (explicit || supported.includes(path.extname(target).toLowerCase())) files.push(target);
      return;
    }
    let real: string;
    try {
      real = fs.realpathSync(target);
    } catch (error) {
      errors.push(errorFor(target, error));
      return;
    }
    if (link.isSymbolicLink() && isInside(realParent(target), real)) {
      errors.push(new FileError('FILE_LINK_LOOP', target, '符号链接指向自己的上级文件夹，形成循环，已跳过'));
      return;
    }
    // The same folder reached again through another link is read once.
    if (walked.has(real)) return;
    walked.add(real);
    let names: string[];
    try {
      names = fs.readdirSync(target).sort();
    } catch (error) {
      errors.push(errorFor(target, error));
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      walk(path.join(target, name), false);
    }
  };

  for (const input of inputs) walk(input, true);
  return { files, errors };
}
