// `prisma generate` without internet. The CLI looks for the native schema engine before it
// generates and tries to download it when missing; generation does not use it. Point it at a
// stub so no download is attempted. Migrations go through the project's own commands
// (`pnpm db:migration`, `pnpm db:migrate`), which use the WebAssembly schema engine.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const stub = fileURLToPath(new URL('./schema-engine-stub.sh', import.meta.url));
execFileSync('node_modules/.bin/prisma', ['generate'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? stub,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  },
});
