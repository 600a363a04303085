// How `pnpm start` runs the server bundle, read from package.json's "start" script (the command
// after the build), so the bench and the process test start the server exactly as `pnpm start`
// does and its settings live in one place. `${NAME:-default}` is expanded from `env` as sh does;
// leading `NAME=value` words are environment variables of the command, as in sh.
import { readFileSync } from 'node:fs';

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** The environment additions, node options (`--max-old-space-size=192`, …) and script of `pnpm start`'s last command. */
export function startCommand(env = process.env) {
  const last = packageJson.scripts.start.split('&&').at(-1).trim();
  const words = last.replace(/\$\{(\w+):-([^}]*)\}/g, (_, name, fallback) => env[name] || fallback).split(/\s+/);
  const assignments = {};
  while (/^\w+=/.test(words[0] ?? '')) {
    const [name, ...value] = words.shift().split('=');
    assignments[name] = value.join('=');
  }
  if (words[0] !== 'node') throw new Error(`package.json's start script should end with a node command, not: ${last}`);
  return { env: assignments, nodeOptions: words.slice(1, -1), script: words.at(-1) };
}
