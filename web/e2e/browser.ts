// Where the browser for the end-to-end tests lives. Debian's chromium (apt-get install
// chromium); CHROMIUM_PATH points elsewhere. Nothing downloads a browser of its own.
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const hasChromium = existsSync(CHROMIUM_PATH);

export const SKIP_REASON = `end-to-end tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH); .ci/run installs it`;
