// `pnpm dev`: the server (restarting on change) on :4000 and Vite's dev server (hot reload)
// on :5173, which proxies /graphql (HTTP and WebSocket) to the server. Ctrl-C stops both.
import { spawn } from 'node:child_process';

const children = [
  spawn(process.execPath, ['--import', 'tsx', '--watch', 'server/src/main.ts'], { stdio: 'inherit' }),
  spawn('pnpm', ['--filter', '@tessera/web', 'dev'], { stdio: 'inherit' }),
];

let stopping = false;
function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}
for (const child of children) child.on('exit', (code) => stopAll(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(0));
console.log('Tessera dev: open http://127.0.0.1:5173 (Vite, hot reload); the API runs on http://127.0.0.1:4000');
