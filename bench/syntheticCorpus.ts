import fs from 'node:fs';
import path from 'node:path';

const VARIANT_CHARS = '东西南北中新安和平兴华明光宁泰康乐福顺';
const PLACE = /([\u4e00-\u9fa5]{2,4})(街道|社区|镇|村|区|县)/g;

/** A copy of a seed text with place names and numbers varied, so every copy is a distinct document. */
export function varyText(text: string, copy: number): string {
  const variant = VARIANT_CHARS[copy % VARIANT_CHARS.length] + VARIANT_CHARS[Math.floor(copy / VARIANT_CHARS.length) % VARIANT_CHARS.length];
  return text
    .replace(PLACE, (_m, name: string, suffix: string) => `${variant}${name.slice(1)}${suffix}`)
    .replace(/\d+(\.\d+)?/g, (n) => (n.includes('.') ? (Number(n) * (1 + (copy % 7) / 100)).toFixed(1) : String(Number(n) + copy)));
}

/** Writes `copies` varied copies of every seed file into `outDir`; returns the file count. */
export function writeSyntheticCorpus(seedDir: string, outDir: string, copies: number): number {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const seeds = fs.readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort();
  let count = 0;
  for (let copy = 0; copy < copies; copy++) {
    for (const seed of seeds) {
      const text = fs.readFileSync(path.join(seedDir, seed), 'utf8');
      fs.writeFileSync(path.join(outDir, `${String(copy).padStart(3, '0')}_${seed}`), copy === 0 ? text : varyText(text, copy));
      count++;
    }
  }
  return count;
}
