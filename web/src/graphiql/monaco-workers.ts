// GraphiQL 5 edits with Monaco, which runs its language services in web workers and finds them
// through MonacoEnvironment. graphiql's own `setup-workers/vite` cannot be used: Vite's dependency
// pre-bundling cannot follow `?worker` imports inside node_modules (graphql/graphiql#4038), so the
// workers are declared here, in app source, where Vite bundles them from node_modules (no CDN).
// Must run before graphiql loads Monaco: main.tsx imports it first.
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import JsonWorker from 'monaco-editor/esm/vs/language/json/json.worker.js?worker';
import GraphQLWorker from 'monaco-graphql/esm/graphql.worker.js?worker';

(globalThis as { MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker } }).MonacoEnvironment = {
  getWorker(_workerId, label) {
    if (label === 'graphql') return new GraphQLWorker();
    if (label === 'json') return new JsonWorker();
    return new EditorWorker();
  },
};
