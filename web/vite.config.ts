import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In `pnpm dev` the GraphQL API runs on the server's port; Vite proxies to it.
export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/graphql': 'http://127.0.0.1:4000' } },
  build: { outDir: 'dist', emptyOutDir: true },
});
