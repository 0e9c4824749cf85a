/**
 * A byte budget for what a .docx inflates to, checked before mammoth unzips it: the ZIP's central
 * directory is read for the declared sizes (a bomb usually declares its 400 MiB honestly), then each
 * XML part is inflated with zlib's maxOutputLength, which stops at the budget whatever the header says.
 */
import zlib from 'node:zlib';
import { FileError } from '../../graph/errors.js';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MiB = 1024 * 1024;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
}

/** The central directory's entries; undefined when the bytes hold no readable directory (mammoth then names the fault). */
function centralDirectory(buf: Buffer): ZipEntry[] | undefined {
  const floor = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= floor; i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) return undefined;
    const nameLength = buf.readUInt16LE(at + 28);
    entries.push({
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      declaredSize: buf.readUInt32LE(at + 24),
      localOffset: buf.readUInt32LE(at + 42),
      name: buf.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return entries;
}

function entryData(buf: Buffer, entry: ZipEntry): Buffer | undefined {
  const at = entry.localOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) return undefined;
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  return start + entry.compressedSize <= buf.length ? buf.subarray(start, start + entry.compressedSize) : undefined;
}

/** 32 MiB, 640 KiB: sizes as people read them. */
export function formatBytes(bytes: number): string {
  return bytes >= MiB ? `${Math.round(bytes / MiB)} MiB` : `${Math.max(1, Math.round(bytes / 1024))} KiB`;
}

function overBudget(file: string, budget: number, what: string): FileError {
  return new FileError('FILE_TOO_COMPLEX', file, `解压后的文档内容${what}，超过 ${formatBytes(budget)} 的上限，疑似压缩炸弹，已拒绝`);
}

/** Throws FILE_TOO_COMPLEX when the XML parts of the ZIP inflate to more than `budget` bytes. */
export function checkZipBudget(bytes: Uint8Array, file: string, budget: number): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = centralDirectory(buf)?.filter((e) => /\.(?:xml|rels)$/i.test(e.name));
  if (!entries) return;
  const declared = entries.reduce((sum, e) => sum + e.declaredSize, 0);
  if (declared > budget) throw overBudget(file, budget, `声明为 ${formatBytes(declared)}`);
  let used = 0;
  for (const entry of entries) {
    const data = entryData(buf, entry);
    if (!data) continue;
    if (entry.method === 0) used += data.length;
    else if (entry.method === 8) {
      try {
        used += zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, budget - used) }).length;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw overBudget(file, budget, `（${entry.name}）实际解压超过声明大小`);
        continue; // a damaged stream: mammoth reports it
      }
    }
    if (used > budget) throw overBudget(file, budget, '实际解压');
  }
}
