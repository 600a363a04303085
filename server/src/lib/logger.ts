// Structured JSON logs (pino). Secrets are redacted by path as a second line of defence: the
// first is that no code ever logs one.
import { pino, type Logger } from 'pino';

export type { Logger };

const REDACTED_PATHS = [
  'password',
  '*.password',
  'token',
  '*.token',
  'secret',
  '*.secret',
  'authorization',
  '*.authorization',
  'req.headers.authorization',
  'variables.password',
  'variables.secret',
  'variables.input.secret',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: { service: 'tessera' } },
    destination,
  );
}
