// The committed schema artifacts must match the code: server/schema.graphql must be what the
// resolvers print today, and web/src/gql and server/test/gql must be what codegen makes of that
// schema and the documents of the web app and of the server's tests. Fix a failure with
// `pnpm schema:emit && pnpm codegen`, then commit.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import { renderSchemaFile, SCHEMA_FILE } from '../cli/schema-emit.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
// Every output folder of codegen.yml.
const GQL_DIRS = ['web/src/gql', 'server/test/gql'];
const FIX = 'Run `pnpm schema:emit && pnpm codegen` and commit the result.';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
    .sort();
}

describe('generated schema artifacts', () => {
  it('server/schema.graphql matches the schema the resolvers build', async () => {
    const fresh = await renderSchemaFile();
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    expect(committed, `server/schema.graphql is stale. ${FIX}`).toBe(fresh);
  });

  it('web/src/gql and server/test/gql match a fresh codegen run', { timeout: 60_000 }, async () => {
    const { config } = await loadCodegenConfig({ configFilePath: join(ROOT, 'codegen.yml') });
    // saveToFile=false: codegen returns the files instead of writing them.
    const outputs: { filename: string; content: string }[] = await generate(
      { ...config, cwd: ROOT, silent: true },
      false,
    );
    // codegen skips writing empty outputs, so they are not expected on disk either.
    const expected = new Map(
      outputs.filter((o) => o.content.length > 0).map((o) => [relative(ROOT, resolve(ROOT, o.filename)), o.content]),
    );
    expect(expected.size, 'codegen produced no files').toBeGreaterThan(0);

    expect(Object.keys(config.generates).sort(), 'codegen.yml has other outputs than this test reads').toEqual(
      GQL_DIRS.map((dir) => `${dir}/`).sort(),
    );
    expect(
      GQL_DIRS.flatMap((dir) => filesUnder(join(ROOT, dir))).sort(),
      `${GQL_DIRS.join(' or ')} holds other files than codegen makes. ${FIX}`,
    ).toEqual([...expected.keys()].sort());
    for (const [file, content] of expected) {
      expect(readFileSync(join(ROOT, file), 'utf8'), `${file} is stale. ${FIX}`).toBe(content);
    }
  });
});
