import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The server answers /graphiql with graphiql.html (server/src/http/app.ts); so does `vite` in dev.
function graphiqlRoute(): Plugin {
  return {
    name: 'tessera-graphiql-route',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url === '/graphiql' || req.url?.startsWith('/graphiql?'))
          req.url = req.url.replace('/graphiql', '/graphiql.html');
        next();
      });
    },
  };
}

// In `pnpm dev` the GraphQL API runs on the server's port; Vite proxies to it.
export default defineConfig({
  plugins: [react(), graphiqlRoute()],
  // ws: the assistant's stream and GraphiQL's subscriptions use graphql-ws on the same path.
  server: { proxy: { '/graphql': { target: 'http://127.0.0.1:4000', ws: true } } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Two pages: the app, and GraphiQL on its own so the app's bundle does not carry Monaco.
    // Monaco, GraphiQL's editor, is one ~2.8 MB chunk that only /graphiql loads.
    chunkSizeWarningLimit: 3000,
    rolldownOptions: {
      // @graphiql/react marks its modules "use no memo" (React Compiler); bundling drops the
      // directive harmlessly, and one warning per module would bury real ones.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.id?.includes('node_modules')) return;
        handler(level, log);
      },
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        graphiql: fileURLToPath(new URL('./graphiql.html', import.meta.url)),
      },
    },
  },
});
