import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import multer from 'multer';
import type { RequestHandler } from 'express';
import { AppError, FileError } from '../../../graph/errors.js';
import { SUPPORTED_EXTENSIONS } from '../../../ingest/read/index.js';

export const UPLOAD_FIELD = 'file';

export const uploadsDir = (dataDir: string) => path.join(dataDir, 'uploads');

/** The client's file name without any directory part (either separator), NFC. */
export function clientBaseName(original: string): string {
  const base = original.normalize('NFC').split(/[\\/]/).pop() ?? '';
  return base.replace(/[\u0000-\u001f\u007f]/g, '').slice(-200) || 'upload';
}

/**
 * A server-chosen name: time + random + a readable stem (letters, digits, _ and - only) + the
 * lower-cased extension. The client's path never reaches the file system.
 */
export function safeUploadName(original: string): string {
  const base = clientBaseName(original);
  const ext = path.extname(base).toLowerCase();
  const stem = base
    .slice(0, base.length - ext.length)
    .replace(/[^\p{L}\p{N}_-]+/gu, '_')
    .replace(/^[_-]+|[_-]+$/g, '')
    .slice(0, 60);
  return `${Date.now().toString(36)}-${randomBytes(6).toString('hex')}${stem ? `-${stem}` : ''}${/^\.[a-z0-9]{1,8}$/.test(ext) ? ext : ''}`;
}

/** Rejects types the readers cannot handle before any byte is written. */
export function checkExtension(original: string): void {
  const name = clientBaseName(original);
  const ext = path.extname(name).toLowerCase();
  if (!SUPPORTED_EXTENSIONS.includes(ext)) {
    const shown = ext ? `extension ${ext}` : 'no extension';
    throw new FileError('FILE_UNSUPPORTED', name, `unsupported file type (${shown}); supported: ${SUPPORTED_EXTENSIONS.join(' ')}`);
  }
}

/** One file in the multipart field `file`, at most maxFileBytes, saved under <dataDir>/uploads/ with a safe name. */
export function uploadMiddleware(dataDir: string, maxFileBytes: number): RequestHandler {
  const dir = uploadsDir(dataDir);
  const storage = multer.diskStorage({
    destination: (_req, _file, done) => {
      fs.mkdir(dir, { recursive: true }, (error) => done(error ?? null, dir));
    },
    filename: (_req, file, done) => {
      const name = safeUploadName(file.originalname);
      const target = path.resolve(dir, name);
      if (path.dirname(target) !== path.resolve(dir)) done(new AppError('BAD_REQUEST', 'file: invalid file name'), '');
      else done(null, name);
    },
  });
  return multer({
    storage,
    defParamCharset: 'utf8',
    limits: { fileSize: maxFileBytes, files: 1, fields: 10, fieldSize: 10_000, parts: 12 },
    fileFilter: (_req, file, done) => {
      try {
        checkExtension(file.originalname);
        done(null, true);
      } catch (error) {
        done(error as Error);
      }
    },
  }).single(UPLOAD_FIELD);
}
