// Runs after `pnpm install`: generate the Prisma client and build the web app once, so that
// `pnpm start` and `pnpm test` work on a fresh clone without another step.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });

if (!existsSync('node_modules/.bin/prisma')) {
  // Installing a single workspace package (pnpm --filter): nothing to generate from here.
  process.exit(0);
}
run(process.execPath, ['scripts/prisma-generate.mjs']);
run('pnpm', ['--filter', '@tessera/web', 'build']);
