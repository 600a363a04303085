// The OpenAPI import off the event loop (issue 16, item 2): a document of 100 operations that
// each inline one 400-property schema is planned in the offload worker while the server keeps
// answering; the worker has a time limit, a document-wide size limit, and one company cannot
// take the whole queue. Structural checks only (no timing assertions).
import { describe, expect } from 'vitest';
import { PERSONAS, serverTest } from '../../../test/fixture.ts';
import { onlyError } from '../../../test/harness.ts';
import { offloadActivity, runOffloaded } from '../../offload/offload.ts';
import { largeDocument } from './fixtures/large-document.ts';

const IMPORT =
  'mutation ($c: ID!, $d: String!, $dry: Boolean) { importOpenApi(companyId: $c, document: $d, dryRun: $dry) { created operationsCreated warnings } }';

// The platform admin's session, signed in once for the file.
const it = serverTest.extend('admin', { scope: 'file' }, ({ server }) => server.login(PERSONAS.admin));
// File fixtures are made under the hook timeout, not the first test's.
it.beforeAll(({ admin }) => {
  void [admin];
});

async function waitFor(condition: () => boolean) {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('importOpenApi in the offload worker', () => {
  it('plans a 100 × 400-property document in the worker while /healthz answers', { timeout: 120_000 }, async ({
    server,
    world,
    admin,
  }) => {
    const doc = largeDocument();
    let settled = false;
    const pending = server
      .gql<{ importOpenApi: { operationsCreated: unknown[] } }>(
        IMPORT,
        { c: world.company.acme, d: doc, dry: false },
        admin,
      )
      .finally(() => (settled = true));
    // The import is handed to the worker, and while it is there the server answers.
    await waitFor(() => offloadActivity().running?.task === 'planImport');
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(offloadActivity().running).toEqual({ task: 'planImport', owner: world.company.acme });
    expect(settled).toBe(false);

    const res = await pending;
    expect(res.errors).toBeUndefined();
    expect(res.data!.importOpenApi.operationsCreated).toHaveLength(100);
    expect(offloadActivity()).toEqual({ running: null, queued: 0 });
    const stored = await server.db.endpointOperation.findFirstOrThrow({
      where: { key: 'createRecord7', endpoint: { companyId: world.company.acme } },
    });
    expect(Object.keys((stored.paramsSchema as { properties: object }).properties)).toHaveLength(400);
  });

  it('refuses a document whose schemas expand beyond the document-wide limit, and writes nothing', {
    timeout: 120_000,
  }, async ({ server, world, admin }) => {
    const before = await server.db.endpointOperation.count();
    const res = await server.gql(
      IMPORT,
      { c: world.company.acme, d: largeDocument({ operations: 300, title: 'Too Large' }), dry: true },
      admin,
    );
    expect(onlyError(res)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'document' } });
    expect(onlyError(res).message).toMatch(/expand to more than 100000 parts .* too large or too complex to import/);
    expect(await server.db.endpointOperation.count()).toBe(before);
  });
});

describe('the offload worker', () => {
  it('runs tasks in a worker thread, ends one past its time limit with BAD_USER_INPUT, and goes on with a new worker', {
    timeout: 120_000,
  }, async () => {
    const schemas = [
      { schema: { type: 'object', properties: { q: { type: 'string', pattern: '^(a+)+$' } } }, field: 'paramsSchema' },
    ];
    const first = await runOffloaded('checkParamsSchemas', { schemas }, { owner: 'company-a', subject: 'The schema' });
    expect(first.value).toBe(true);
    expect(first.threadId).toBeGreaterThan(0); // not the main thread (0)

    // 1 ms: not even enough to start; the worker is terminated and the task refused.
    const slow = runOffloaded(
      'planImport',
      { document: largeDocument() },
      { owner: 'company-a', subject: 'The OpenAPI document', timeLimitMs: 1 },
    );
    await expect(slow).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringMatching(
        /^The OpenAPI document is too large or too complex: processing it took longer than 0.001 s/,
      ),
    });

    const after = await runOffloaded('checkParamsSchemas', { schemas }, { owner: 'company-a', subject: 'The schema' });
    expect(after.value).toBe(true);
    expect(after.threadId).not.toBe(first.threadId); // a new worker
  });

  it('lets one company hold at most two places in the queue; another company still gets in', {
    timeout: 120_000,
  }, async () => {
    const task = (owner: string) =>
      runOffloaded(
        'planImport',
        { document: largeDocument({ operations: 20 }) },
        { owner, subject: 'The OpenAPI document' },
      );
    const a1 = task('company-a');
    const a2 = task('company-a');
    await expect(task('company-a')).rejects.toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
    const b1 = task('company-b');
    const results = await Promise.all([a1, a2, b1]);
    expect(results.map((r) => r.value.operations.length)).toEqual([20, 20, 20]);
  });
});
