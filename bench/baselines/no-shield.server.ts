// Baseline of the `shield_cost` scenario: `pnpm start` exactly, except that the schema is built
// without graphql-shield. Compared with the Tessera under test (the same command with the shield),
// the only difference between the two processes is the shield. bench/run.ts bundles it as
// `pnpm start` bundles the server (server/dist/no-shield.server.mjs: beside it, so that the
// server's packages resolve and paths keep their depth).
import { serve } from '../../server/src/serve.ts';

await serve({ schema: { shield: false } });
