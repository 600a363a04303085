// Where the session-signing secret comes from: JWT_SECRET, or in the embedded mode a secret
// generated once into DATA_DIR. Production refuses to start without JWT_SECRET, because a
// secret on one instance's disk would sign sessions the other instances reject.
import type { Config } from '../config.ts';
import { ConfigError } from '../config.ts';
import { loadOrCreateLocalSecret } from '../lib/local-secret.ts';
import type { Logger } from '../lib/logger.ts';

export function resolveJwtSecret(config: Config, logger: Logger): string {
  if (config.jwtSecret) return config.jwtSecret;
  if (config.env === 'production') {
    throw new ConfigError(
      'JWT_SECRET is required when NODE_ENV=production (at least 32 characters, e.g. `openssl rand -base64 48`).',
    );
  }
  const { value, created } = loadOrCreateLocalSecret(config.dataDir, 'jwt-secret');
  if (created)
    logger.warn(
      { dataDir: config.dataDir },
      'generated a JWT signing secret into DATA_DIR/jwt-secret; set JWT_SECRET in production',
    );
  return value;
}
