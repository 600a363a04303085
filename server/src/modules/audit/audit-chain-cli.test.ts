// `pnpm tessera audit verify` as an operator runs it: a separate process on a stopped database,
// exit code 0 when the chains are intact, 1 and the broken row when one was edited.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../../db/adapter.ts';
import { createPrismaClient, type Db } from '../../db/client.ts';
import { copyTemplate, type TestDatabase } from '../../../test/database.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
let copy: TestDatabase;
let acmeId: string;
let edited: string;

async function withDb<T>(use: (db: Db) => Promise<T>): Promise<T> {
  const database = await openDatabase({ databaseUrl: copy.databaseUrl, dataDir: copy.dataDir });
  const db = createPrismaClient(database.factory);
  try {
    return await use(db);
  } finally {
    await db.$disconnect();
    await database.close(); // PGlite is one process's: the CLI opens it next
  }
}

function verify(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', DATA_DIR: copy.dataDir, LOG_LEVEL: 'error' };
  delete env.DATABASE_URL;
  if (copy.databaseUrl) env.DATABASE_URL = copy.databaseUrl;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'server/src/cli/tessera.ts', 'audit', 'verify', ...args],
      { cwd: root, env },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

beforeAll(async () => {
  copy = await copyTemplate(inject('template'));
  await withDb(async (db) => {
    acmeId = (await db.company.findUniqueOrThrow({ where: { slug: 'acme' } })).id;
    for (const action of ['test.one', 'test.two', 'test.three'])
      await db.auditLog.create({ data: { companyId: acmeId, action } });
  });
}, 120_000);
afterAll(() => copy?.drop());

describe('pnpm tessera audit verify', { timeout: 120_000 }, () => {
  it('exits 0 and reports every chain intact', async () => {
    const { code, stdout } = await verify();
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^OK {6}acme \\(${acmeId}\\): 3 rows, head seq 3 hash [0-9a-f]{64}$`, 'm'));
    expect(stdout).toMatch(/^All \d+ chains intact \(\d+ rows\)\.$/m);
  });

  it('exits 1 and names the edited row', async () => {
    edited = await withDb(async (db) => {
      const row = await db.auditLog.findFirstOrThrow({ where: { companyId: acmeId, action: 'test.two' } });
      await db.$transaction([
        db.$executeRawUnsafe('ALTER TABLE audit_logs DISABLE TRIGGER audit_logs_append_only'),
        db.$executeRawUnsafe(`UPDATE audit_logs SET actor_email = 'someone-else@demo.test' WHERE id = ${row.id}`),
        db.$executeRawUnsafe('ALTER TABLE audit_logs ENABLE TRIGGER audit_logs_append_only'),
      ]);
      return String(row.id);
    });
    const { code, stdout } = await verify('--company', 'acme');
    expect(code).toBe(1);
    expect(stdout).toContain(`BROKEN  acme (${acmeId}): 3 rows; edited: row ${edited} (seq 2) does not match its hash`);
    expect(stdout).toMatch(/^1 of 1 chain broken\.$/m);
  });

  it('refuses an unknown company', async () => {
    const { code, stderr } = await verify('--company', 'no-such-company');
    expect(code).toBe(1);
    expect(stderr).toContain('No company with slug or id "no-such-company".');
  });
});
