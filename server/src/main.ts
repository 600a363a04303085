// `pnpm start` (bundled by scripts/build-server.mjs): serve.ts does the work.
import { serve } from './serve.ts';

await serve();
