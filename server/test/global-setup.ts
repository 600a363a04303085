// Runs once per `vitest run`: builds the migrated, seeded template database that every test
// file copies (see database.ts), and removes it at the end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/adapter.ts';
import { createPrismaClient } from '../src/db/client.ts';
import { applyMigrations } from '../src/db/migrator.ts';
import { seedDemoWorld } from '../src/demo/seed.ts';
import { uniqueName, withDatabaseName, withPgClient, type TemplateInfo } from './database.ts';

export const TEST_SANDBOX_PORT = 4010;

declare module 'vitest' {
  export interface ProvidedContext {
    template: TemplateInfo;
  }
}

async function migrateAndSeed(target: { databaseUrl?: string; dataDir: string }) {
  const database = await openDatabase(target);
  try {
    await applyMigrations(database.factory);
    const db = createPrismaClient(database.factory);
    await seedDemoWorld(db, { sandboxPort: TEST_SANDBOX_PORT });
    await db.$disconnect();
  } finally {
    await database.close();
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL || undefined;
  let template: TemplateInfo;
  let cleanup: () => Promise<void>;
  if (serverUrl) {
    const name = uniqueName('tessera_tpl');
    await withPgClient(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
    await migrateAndSeed({
      databaseUrl: withDatabaseName(serverUrl, name),
      dataDir: mkdtempSync(join(tmpdir(), 'tessera-tpl-')),
    });
    template = { kind: 'postgres', location: name, serverUrl };
    cleanup = () =>
      withPgClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined);
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), 'tessera-tpl-'));
    await migrateAndSeed({ dataDir });
    template = { kind: 'pglite', location: dataDir };
    cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
  }
  project.provide('template', template);
  return cleanup;
}
