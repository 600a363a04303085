// A secret generated once into DATA_DIR with mode 0600, for the embedded mode. Production sets
// the secret in the environment instead; the caller logs a warning when this is used.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function loadOrCreateLocalSecret(dataDir: string, fileName: string, bytes = 48): { value: string; created: boolean } {
  const path = join(dataDir, fileName);
  if (existsSync(path)) {
    return { value: readFileSync(path, 'utf8').trim(), created: false };
  }
  mkdirSync(dataDir, { recursive: true });
  const value = randomBytes(bytes).toString('base64url');
  // 'wx' fails if another process created the file in between: then read theirs.
  try {
    writeFileSync(path, `${value}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { value: readFileSync(path, 'utf8').trim(), created: false };
    throw error;
  }
  chmodSync(path, 0o600);
  return { value, created: true };
}
