// Baseline of the `shield_cost` scenario: `pnpm start` exactly, except that the schema is built
// without graphql-shield. Compared with the Tessera under test (the same command with the shield),
// the only difference between the two processes is the shield. bench/run.ts bundles it as
// `pnpm start` bundles the server (server/dist/no-shield.server.mjs: beside it, so that the
// server's packages resolve and paths keep their depth).
import { appSchemaOptions } from '../../server/src/graphql/schema.ts';

appSchemaOptions.shield = false;
// Imported only now: main.ts starts Tessera as it loads, and must see the option set.
await import('../../server/src/main.ts');
