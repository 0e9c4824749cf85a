import fs from 'node:fs';
import { Command } from 'commander';
import { loadConfig } from '../graph/config.js';
import { AppError } from '../graph/errors.js';
import { openStore } from '../graph/openStore.js';
import { runMain } from './runMain.js';
import { AnswerEngine } from '../search/AnswerEngine.js';
import { formatAnswer } from '../search/formatAnswer.js';
import { answerSchema } from '../search/schema.js';

async function main(): Promise<number> {
  const program = new Command()
    .name('query')
    .description('Answer a Chinese question from the graph, with citations')
    .argument('[question...]')
    .option('--json', 'print one JSON object (JSONL with --batch)')
    .option('--batch <file>', 'one question per line')
    .option('--mode <mode>', 'hybrid | keyword | vector', 'hybrid')
    .parse();
  const opts = program.opts<{ json?: boolean; batch?: string; mode: 'hybrid' | 'keyword' | 'vector' }>();
  if (!['hybrid', 'keyword', 'vector'].includes(opts.mode)) throw new AppError('BAD_REQUEST', '--mode: must be hybrid, keyword or vector');
  const questions = opts.batch
    ? fs.readFileSync(opts.batch, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean)
    : [program.args.join(' ').trim()].filter(Boolean);
  if (questions.length === 0) program.help({ error: true });
  const config = loadConfig();
  const store = await openStore(config);
  try {
    const engine = await AnswerEngine.open(store, config, (line) => console.error(line));
    for (const question of questions) {
      const answer = answerSchema.parse(await engine.answer(question, { mode: opts.mode }));
      console.log(opts.json ? JSON.stringify(answer) : formatAnswer(answer));
    }
    return 0;
  } finally {
    await store.close();
  }
}

runMain(main);
