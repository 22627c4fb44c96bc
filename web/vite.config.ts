import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The workbench is bundled whole (no CDN, no tiles): it works offline, served by `claimtrail serve`.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1024,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:7878', '/openapi.json': 'http://127.0.0.1:7878', '/docs': 'http://127.0.0.1:7878' } },
});
