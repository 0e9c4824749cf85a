/** Starts the web server: the API plus the built UI (web/ui/dist) when present. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../graph/config.js';
import { isAppError } from '../../graph/errors.js';
import { openStore } from '../../graph/openStore.js';
import { AnswerEngine } from '../../search/AnswerEngine.js';
import { createApp } from './createApp.js';
import { startServer } from './http/listen.js';

const UI_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'ui', 'dist');

async function main(): Promise<void> {
  const config = loadConfig();
  const store = await openStore(config);
  // Serves at once: keyword and graph search work while passage vectors are computed in the background.
  const engine = await AnswerEngine.open(store, config, (line) => console.error(line), { waitForVectors: false });
  const app = createApp({ store, engine, config, uiDir: UI_DIR });
  // startServer answers over-long URLs and malformed requests with a JSON error, not a bare status or a reset.
  const server = await startServer(app, config.port);
  console.error(`Practice Atlas on http://localhost:${config.port} (${store.backend}; ${engine.embedderReason})`);
  void app.locals.queue.warm();
  const stop = () => {
    server.close(async () => {
      await app.locals.queue.close();
      await store.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(isAppError(error) ? `error: ${error.message}` : error);
  process.exit(2);
});
