import { existsSync } from 'node:fs';
import path from 'node:path';

/** Where a transformers.js model was found on disk: env.localModelPath + modelName = folder. */
export interface LocalModel {
  readonly localModelPath: string;
  readonly modelName: string;
  readonly folder: string;
  /** True when onnx/model_quantized.onnx is there (preferred), false when only onnx/model.onnx is. */
  readonly quantized: boolean;
}

export type LocalModelLookup =
  | ({ readonly found: true } & LocalModel)
  | { readonly found: false; readonly looked: readonly string[]; readonly reason: string };

const REQUIRED = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];

function usable(folder: string): { ok: true; quantized: boolean } | { ok: false; missing: string[] } {
  const missing = REQUIRED.filter((f) => !existsSync(path.join(folder, f)));
  const quantized = existsSync(path.join(folder, 'onnx', 'model_quantized.onnx'));
  if (!quantized && !existsSync(path.join(folder, 'onnx', 'model.onnx'))) missing.push('onnx/model_quantized.onnx or onnx/model.onnx');
  return missing.length === 0 ? { ok: true, quantized } : { ok: false, missing };
}

/**
 * Finds model `modelId` (e.g. Xenova/bge-small-zh-v1.5) under root, in transformers.js layout. Tried in
 * order: <root>/<modelId>, <root>/<last part of modelId>, and root itself when it holds a config.json.
 */
export function findLocalModel(root: string, modelId: string): LocalModelLookup {
  const base = path.resolve(root);
  const candidates: { folder: string; localModelPath: string; modelName: string }[] = [
    { folder: path.join(base, modelId), localModelPath: base, modelName: modelId },
    { folder: path.join(base, path.basename(modelId)), localModelPath: base, modelName: path.basename(modelId) },
  ];
  // root itself counts as the model folder only when it looks like one.
  if (existsSync(path.join(base, 'config.json'))) {
    candidates.push({ folder: base, localModelPath: path.dirname(base), modelName: path.basename(base) });
  }
  const problems: string[] = [];
  const looked: string[] = [];
  for (const candidate of candidates) {
    if (looked.includes(candidate.folder)) continue;
    looked.push(candidate.folder);
    if (!existsSync(candidate.folder)) continue;
    const check = usable(candidate.folder);
    if (check.ok) return { found: true, ...candidate, quantized: check.quantized };
    problems.push(`${candidate.folder} lacks ${check.missing.join(', ')}`);
  }
  const reason = `looked in ${looked.join(' and ')}: ${problems.length > 0 ? problems.join('; ') : 'no such folder'}`;
  return { found: false, looked, reason };
}
