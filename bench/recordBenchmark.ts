import fs from 'node:fs';
import os from 'node:os';

const FILE = 'BENCHMARKS.md';

/** Replaces (or adds) the section `## <title>` in BENCHMARKS.md with fresh figures and the machine they ran on. */
export function recordBenchmark(title: string, lines: string[]): void {
  const existing = fs.existsSync(FILE) ? fs.readFileSync(FILE, 'utf8') : '# Benchmarks\n\nFigures are written by the `npm run bench:*` scripts; each section is replaced when its benchmark runs again.\n';
  const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
  const section = `## ${title}\n\n${machine}\n\n${lines.join('\n')}\n`;
  const pattern = new RegExp(`## ${title.replace(/[()]/g, '\\$&')}\\n[\\s\\S]*?(?=\\n## |$)`);
  const next = pattern.test(existing) ? existing.replace(pattern, section.trimEnd() + '\n') : `${existing.trimEnd()}\n\n${section}`;
  const temp = `${FILE}.tmp`;
  fs.writeFileSync(temp, next);
  fs.renameSync(temp, FILE);
}
