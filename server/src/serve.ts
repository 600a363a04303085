// What `pnpm start` runs (main.ts): read the config, open and migrate the database, seed the
// demo world on first start, serve HTTP, and shut down cleanly on SIGTERM/SIGINT. A start that
// fails says why on stderr and exits 1.
import { ConfigError, loadConfig } from './config.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './demo/world.ts';
import { createLogger } from './lib/logger.ts';
import { startTessera } from './tessera.ts';

const SHUTDOWN_GRACE_MS = 8_000;

export function serve(): Promise<void> {
  return start().catch((error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
    } else {
      process.stderr.write(`Tessera failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    process.exit(1);
  });
}

async function start() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const tessera = await startTessera({ config, logger });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    tessera
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'error during shutdown');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  // Printed only once the handlers are in place: whoever waits for this line may signal at once.
  const lines = [
    `Tessera is running at ${tessera.url}  (GraphQL: ${tessera.url}/graphql)`,
    `Database: ${tessera.database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL'}`,
  ];
  if (config.seedDemo) {
    lines.push(
      `Demo logins (password "${DEMO_PASSWORD}"):`,
      ...DEMO_USERS.map((u) => `  ${u.email.padEnd(24)} ${u.note}`),
    );
  }
  process.stdout.write(`\n${lines.join('\n')}\n\n`);
}
