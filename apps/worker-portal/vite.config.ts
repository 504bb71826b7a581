import { resolve } from 'node:path';

/**
 * The workers' page: static files the gateway serves at `/worker` (WORKER_PORTAL_DIR), built with
 * `vite build apps/worker-portal` into dist/apps/worker-portal. No framework and no chart library: a few kilobytes
 * that load on a slow mobile connection. A plain object, as the console's config explains.
 */
export default {
  root: __dirname,
  base: '/worker/',
  build: {
    outDir: resolve(__dirname, '../../dist/apps/worker-portal'),
    emptyOutDir: true,
    // Everything in one small script and one stylesheet; warn if it ever grows past a phone-friendly size.
    chunkSizeWarningLimit: 50,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
};
