import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const coreEntry = fileURLToPath(new URL('../core/src/index.ts', import.meta.url));
const apiTarget = process.env['SILLAGE_API_URL'] ?? 'http://localhost:3000';

// The server serves dist/ on the same origin as /api (cookies are SameSite=Strict), and in dev
// the proxy keeps that same-origin shape.
export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@sillage/core': coreEntry } },
  server: { proxy: { '/api': { target: apiTarget, changeOrigin: false } } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 900 },
});
