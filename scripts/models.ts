/**
 * npm run models: fetches the default embedding model (bge-small-zh-v1.5, int8 ONNX) from Maven Central
 * into MODELS_DIR (default models/) in transformers.js layout. Safe to run again.
 */
import { loadConfig } from '../graph/config.js';
import { fetchBgeSmallZh } from './models/fetchModel.js';
import { runMain } from './runMain.js';

runMain(async () => {
  const config = loadConfig();
  const result = await fetchBgeSmallZh({ modelsDir: config.modelsDir, log: (line) => console.error(line) });
  console.log(result.status === 'present' ? `Model already present in ${result.folder}` : `Fetched the model into ${result.folder}`);
  return 0;
});
