// The repository's root folder. This file must stay directly in server/src/: the production
// bundle (scripts/build-server.mjs → server/dist/main.mjs) sits at the same depth, so this URL
// resolves to the same folder from the source and from the bundle. Files deeper in server/src
// take paths from here rather than from their own location.
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
