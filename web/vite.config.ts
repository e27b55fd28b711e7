import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The dashboard. No React plugin: Vite 8's built-in Oxc transform compiles TSX with the
// automatic runtime ("jsx": "react-jsx" in the root tsconfig). The Cube API lives on the
// same origin in production (server/ serves web/dist); in dev, /cubejs-api is proxied.
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: true,
    // ECharts is one lazily loaded chunk (~190 KB gzipped), not part of the initial JS.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      onwarn(warning, warn) {
        // React Router and TanStack Query mark modules "use client"; meaningless in a SPA bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/cubejs-api': { target: process.env.CUBE_API_ORIGIN ?? 'http://localhost:4000', changeOrigin: true },
      '/closedloop-api': { target: process.env.CUBE_API_ORIGIN ?? 'http://localhost:4000', changeOrigin: true },
    },
  },
  preview: {
    proxy: { '/cubejs-api': { target: process.env.CUBE_API_ORIGIN ?? 'http://localhost:4000', changeOrigin: true } },
  },
});
