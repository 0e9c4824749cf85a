import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The UI lives in web/ui and builds into web/ui/dist, whichever directory vite is started from. */
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // `npx vite web/ui` during development: the API runs separately (npm start).
    proxy: { '/api': process.env.API_URL ?? 'http://127.0.0.1:3000' },
  },
});
