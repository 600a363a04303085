// `pnpm tessera <command>`: operator commands that run against the configured database
// (DATABASE_URL, or the embedded PGlite under DATA_DIR) with the configured keys.
//   keys status     how many stored secrets each encryption key id still holds
//   keys rotate     re-encrypt every secret under the first (primary) key, online and resumable
//   keys generate   print a new `id:base64` entry for TESSERA_ENCRYPTION_KEYS
//   audit verify    recompute the audit trail's hash chains and report the first break of each
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { openDatabase } from '../db/adapter.ts';
import { createPrismaClient, type Db } from '../db/client.ts';
import { applyMigrations } from '../db/migrator.ts';
import { isUuid } from '../lib/ids.ts';
import { createLogger, type Logger } from '../lib/logger.ts';
import { verifyAuditChains } from '../modules/audit/audit-chain.ts';
import { formatAuditReport } from '../modules/audit/audit-chain-report.ts';
import { fingerprint, verifyKeyRing } from '../vault/key-check.ts';
import { registerSealedSecretTables } from '../modules/sealed-secret-tables.ts';
import { generateKeySpec, loadKeyRing, type KeyRing } from '../vault/keyring.ts';
import { keyStatus, pendingSecrets, rotateSecrets } from '../vault/rotation.ts';

const USAGE = `Usage: pnpm tessera <command>

Commands:
  keys status                    How many stored secrets each encryption key id still holds.
  keys rotate [--batch-size N]   Re-encrypt every stored secret under the first key of
                                 TESSERA_ENCRYPTION_KEYS (default batch size 100). Safe to run
                                 while Tessera serves requests; if interrupted, run it again.
  keys generate [--id ID]        Print a new id:base64 key entry for TESSERA_ENCRYPTION_KEYS.
  audit verify [--company C]     Recompute the audit trail's hash chains (one per company, plus
                                 "platform") and report the first edited, removed or reordered
                                 row of each. C is a company slug or id. Exit code 1 on any break.

To rotate keys: put a new entry first in TESSERA_ENCRYPTION_KEYS (keep the old ones after it),
restart Tessera, run \`pnpm tessera keys rotate\`, and once \`pnpm tessera keys status\` shows
that an old key holds no secrets, remove it from the list.
`;

class UsageError extends Error {}

// ---------------------------------------------------------------------------------------------

async function withDatabase<T>(config: Config, use: (db: Db) => Promise<T>): Promise<T> {
  const database = await openDatabase(config);
  try {
    await applyMigrations(database.factory);
    const db = createPrismaClient(database.factory);
    try {
      return await use(db);
    } finally {
      await db.$disconnect();
    }
  } finally {
    await database.close();
  }
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('   ')
        .trimEnd(),
    )
    .join('\n');
}

async function keysStatus(config: Config, logger: Logger): Promise<void> {
  // Status is a diagnostic: it works without a usable key ring, and says so.
  let ring: KeyRing | undefined;
  let ringProblem: string | undefined;
  try {
    ring = loadKeyRing(config, logger);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    ringProblem = error.message;
  }
  await withDatabase(config, async (db) => {
    const counts = new Map((await keyStatus(db)).map((s) => [s.keyId, s.secrets]));
    const recorded = new Map((await db.encryptionKey.findMany()).map((r) => [r.keyId, r.fingerprint]));
    const ids = [...new Set([...(ring?.ids() ?? []), ...counts.keys()])];
    const rows = [['KEY ID', 'SECRETS', 'CONFIGURED', 'NOTE']];
    for (const id of ids) {
      const key = ring?.get(id);
      const secrets = counts.get(id) ?? 0;
      const notes: string[] = [];
      if (ring?.primary.id === id) notes.push('primary (encrypts new secrets)');
      if (key && recorded.has(id) && recorded.get(id) !== fingerprint(key))
        notes.push('KEY MATERIAL DIFFERS from the recorded key');
      if (ring && !key && secrets > 0) notes.push('missing: add it back to read these secrets');
      if (key && ring?.primary.id !== id)
        notes.push(secrets === 0 ? 'holds nothing: can be removed' : 'run `pnpm tessera keys rotate`');
      rows.push([id, String(secrets), ring ? (key ? 'yes' : 'no') : '?', notes.join('; ')]);
    }
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const out = [table(rows), '', `${total} stored secret${total === 1 ? '' : 's'} in total.`];
    if (ring) {
      const pending = await pendingSecrets(db, ring);
      out.push(
        pending === 0
          ? `All of them are under the primary key "${ring.primary.id}".`
          : `${pending} not yet under the primary key "${ring.primary.id}".`,
      );
    } else {
      out.push(`The configured keys could not be loaded: ${ringProblem}`);
    }
    process.stdout.write(`${out.join('\n')}\n`);
  });
}

// ---------------------------------------------------------------------------------------------

function progressReporter(stream: NodeJS.WriteStream): { update(done: number, total: number): void; finish(): void } {
  const started = Date.now();
  let drawn = false;
  if (stream.isTTY) {
    return {
      update(done, total) {
        const width = 30;
        const ratio = total === 0 ? 1 : Math.min(1, done / total);
        const filled = Math.round(ratio * width);
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}%  ${done}/${total} secrets  ${seconds}s`;
        stream.write(`\r${line}\x1b[K`);
        drawn = true;
      },
      finish() {
        if (drawn) stream.write('\n');
      },
    };
  }
  return {
    update(done, total) {
      const percent = total === 0 ? 100 : Math.floor((Math.min(done, total) / total) * 100);
      stream.write(`rotated ${done}/${total} secrets (${percent}%)\n`);
    },
    finish() {},
  };
}

async function keysRotate(config: Config, logger: Logger, batchSize: number): Promise<void> {
  const ring = loadKeyRing(config, logger);
  const primary = ring.primary.id;
  await withDatabase(config, async (db) => {
    await verifyKeyRing(db, ring);
    const pending = await pendingSecrets(db, ring);
    if (pending === 0) {
      process.stdout.write(`Nothing to rotate: every stored secret is already under the primary key "${primary}".\n`);
      return;
    }
    process.stderr.write(
      `Re-encrypting ${pending} secret${pending === 1 ? '' : 's'} under key "${primary}", in batches of ${batchSize}.\n`,
    );
    const started = Date.now();
    const progress = progressReporter(process.stderr);
    let result;
    try {
      result = await rotateSecrets(db, ring, { batchSize, onProgress: progress.update });
    } finally {
      progress.finish();
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const lines = [
      `Re-encrypted ${result.rotated} secret${result.rotated === 1 ? '' : 's'} under key "${primary}" in ${seconds}s.`,
    ];
    if (result.skipped > 0) {
      lines.push(
        `${result.skipped} changed while rotating and were left as written; run the command again to pick up any still under an old key.`,
      );
    }
    const status = await keyStatus(db);
    const old = status.filter((s) => s.keyId !== primary && ring.get(s.keyId));
    const empty = old.filter((s) => s.secrets === 0).map((s) => `"${s.keyId}"`);
    const holding = old.filter((s) => s.secrets > 0).map((s) => `"${s.keyId}" (${s.secrets})`);
    if (holding.length > 0) lines.push(`Still under old keys: ${holding.join(', ')}.`);
    else if (empty.length > 0)
      lines.push(
        `Key${empty.length > 1 ? 's' : ''} ${empty.join(', ')} now hold${empty.length > 1 ? '' : 's'} no secrets and can be removed from the configured keys.`,
      );
    process.stdout.write(`${lines.join('\n')}\n`);
    if (result.failed.length > 0) {
      const ids = result.failed.map(
        (f) =>
          `${f.credentialId} (${f.column === 'ciphertext' ? 'secret' : f.column === 'webhookSecret' ? 'webhook secret' : f.column === 'inboundWebhookSecret' ? 'inbound webhook secret' : 'cached token'}, key "${f.keyId}")`,
      );
      throw new Error(
        `${result.failed.length} stored secret${result.failed.length === 1 ? '' : 's'} could not be decrypted and ${result.failed.length === 1 ? 'was' : 'were'} not rotated: ${ids.join(', ')}. ` +
          'Set a new secret for these credentials (or delete them), then run the command again.',
      );
    }
  });
}

// ---------------------------------------------------------------------------------------------

async function auditVerify(config: Config, company: string | undefined): Promise<boolean> {
  return withDatabase(config, async (db) => {
    const slugs = new Map((await db.company.findMany({ select: { id: true, slug: true } })).map((c) => [c.id, c.slug]));
    let companyId: string | undefined;
    if (company !== undefined) {
      // An id also works for a deleted company: its trail outlives it.
      companyId = isUuid(company) ? company.toLowerCase() : [...slugs].find(([, slug]) => slug === company)?.[0];
      if (!companyId) throw new UsageError(`No company with slug or id "${company}".`);
    }
    const reports = await verifyAuditChains(db, companyId ? { companyId } : {});
    process.stdout.write(formatAuditReport(reports, slugs));
    return reports.every((r) => !r.broken);
  });
}

// ---------------------------------------------------------------------------------------------

function positiveInt(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 100_000)
    throw new UsageError(`${name} must be a whole number from 1 to 100000.`);
  return Number(text);
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      'batch-size': { type: 'string' },
      id: { type: 'string' },
      company: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  const command = positionals.join(' ');
  if (values.help || command === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  switch (command) {
    case 'keys generate': {
      const spec = values.id === undefined ? generateKeySpec() : generateKeySpec(values.id);
      process.stdout.write(`${spec}\n`);
      if (process.stdout.isTTY) {
        process.stderr.write(
          '\nPut it first in TESSERA_ENCRYPTION_KEYS (comma-separated, keep the current keys after it), restart, then run `pnpm tessera keys rotate`.\nKeep it in your secret store: without it the secrets it encrypts cannot be read.\n',
        );
      }
      return;
    }
    case 'keys status':
    case 'keys rotate': {
      const config = loadConfig();
      // Logs (e.g. the warning about a generated key) go to stderr; stdout carries the results.
      const logger = createLogger(config.logLevel, process.stderr);
      registerSealedSecretTables();
      if (command === 'keys status') return keysStatus(config, logger);
      return keysRotate(config, logger, positiveInt(values['batch-size'], '--batch-size', 100));
    }
    case 'audit verify': {
      const config = loadConfig();
      if (!(await auditVerify(config, values.company))) process.exitCode = 1;
      return;
    }
    default:
      throw new UsageError(command === '' ? 'No command given.' : `Unknown command "${command}".`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
  const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  process.stderr.write(`tessera: ${message}\n`);
  if (usage) process.stderr.write(`\n${USAGE}`);
  process.exitCode = 1;
});
