import { resolve } from 'node:path';

/**
 * The web console: static files the gateway serves at `/` (CONSOLE_DIR), built with `vite build apps/web-console`
 * into dist/apps/web-console. JSX is compiled by Vite's own transform (no plugin) with React's automatic runtime.
 * A plain object rather than `defineConfig` from 'vite': the root tsconfig (moduleResolution node, which also
 * type-checks this file for `nest build`) cannot resolve Vite's export-map-only types.
 */
export default {
  root: __dirname,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: resolve(__dirname, '../../dist/apps/web-console'),
    emptyOutDir: true,
    // ECharts is most of the bundle even with only the bar and line charts registered; one chunk keeps it simple.
    chunkSizeWarningLimit: 1_500,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
};
