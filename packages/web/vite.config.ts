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
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      // core does no I/O and has no import-time effects (DESIGN.md § Architecture), so the
      // modules of its barrel that the web app does not use (codecs, zod schemas) can be dropped.
      treeshake: { moduleSideEffects: (id) => (id.includes('/packages/core/src/') ? false : undefined) },
      // Libraries change less often than the app: separate chunks stay cached across upgrades.
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'mantine', test: /node_modules[\\/](@mantine|@floating-ui)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
});
