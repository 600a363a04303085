// A secret generated once into DATA_DIR with mode 0600, for the embedded mode. Production sets
// the secret in the environment instead; the caller logs a warning when one is created.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LocalSecret {
  value: string;
  created: boolean;
  path: string;
}

export function loadOrCreateLocalSecret(
  dataDir: string,
  fileName: string,
  generate: () => string = () => randomBytes(48).toString('base64url'),
): LocalSecret {
  const path = join(dataDir, fileName);
  const read = (): LocalSecret => ({ value: readFileSync(path, 'utf8').trim(), created: false, path });
  if (existsSync(path)) return read();
  mkdirSync(dataDir, { recursive: true });
  const value = generate();
  try {
    // 'wx' fails if another process created the file in between: then read theirs.
    writeFileSync(path, `${value}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return read();
    throw error;
  }
  chmodSync(path, 0o600); // the umask may have narrowed, never widened, the mode: make it exact
  return { value, created: true, path };
}
