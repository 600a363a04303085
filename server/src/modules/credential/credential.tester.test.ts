// The Test button goes through the gateway's rate limit and call log (decision 0005): a test spends
// the company's budget for the endpoint like any call that reaches the API, is refused with
// RATE_LIMITED when it is spent (sending nothing and changing nothing), and leaves a call-log row
// marked as a credential test.
import { expect, onTestFinished } from 'vitest';
import { serverTest as it } from '../../../test/fixture.ts';
import { errorCode, onlyError, type TestServer } from '../../../test/harness.ts';
import type { WorldIds } from '../../../test/world.ts';

const TEST = `mutation ($id: ID!) { testCredential(id: $id) { ok status message } }`;
const READ = `query ($c: ID!, $e: ID!, $o: String!) { readOperation(companyId: $c, endpointId: $e, operation: $o) { status } }`;

/**
 * The CEO's credential for an endpoint ("acme/finance-api"), with the endpoint's budget set to
 * `limit` calls a minute for this test. Each test uses its own endpoint: a spent bucket refills
 * slowly at a limit of 1.
 */
async function ceoCredential(server: TestServer, world: WorldIds, endpoint: string, limit: number) {
  const company = endpoint.split('/')[0]!;
  const endpointId = world.endpoint[endpoint]!;
  const where = { id: endpointId };
  const original = await server.db.apiEndpoint.findUniqueOrThrow({
    where,
    select: { rateLimitPerMinute: true, cacheTtlSeconds: true },
  });
  await server.db.apiEndpoint.update({ where, data: { rateLimitPerMinute: limit, cacheTtlSeconds: 0 } });
  onTestFinished(() => server.db.apiEndpoint.update({ where, data: original }).then(() => undefined));
  const credential = await server.db.apiCredential.findFirstOrThrow({
    where: { companyId: world.company[company], endpointId, roleId: world.role.ceo },
  });
  return { endpointId, credential };
}

const callRows = async (server: TestServer, credentialId: string) => {
  await server.tessera.callLog.flush();
  return server.db.upstreamCall.findMany({ where: { credentialId }, orderBy: { id: 'asc' } });
};

it('a test writes a call-log row marked as a credential test', async ({ server, world, as }) => {
  const admin = await as('admin');
  const { endpointId, credential } = await ceoCredential(server, world, 'globex/operations-api', 1_000);
  const before = (await callRows(server, credential.id)).length;
  const res = await admin.gql<{ testCredential: { ok: boolean; status: number } }>(TEST, { id: credential.id });
  expect(res.data!.testCredential).toMatchObject({ ok: true, status: 200 });
  const rows = (await callRows(server, credential.id)).slice(before);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({
    source: 'credential_test',
    outcome: 'ok',
    status: 200,
    method: 'GET',
    companyId: world.company.globex,
    endpointId,
    roleId: world.role.ceo,
    userId: world.user.admin,
    attempts: 1,
    cached: false,
  });
  expect(rows[0]!.bytes).toBeGreaterThan(0);
});

it('a test spends the company budget: past it, RATE_LIMITED, nothing sent, nothing changed', async ({
  server,
  world,
  as,
}) => {
  const admin = await as('admin');
  const { credential } = await ceoCredential(server, world, 'acme/finance-api', 1);
  const audits = () => server.db.auditLog.count({ where: { action: 'credential.test', targetId: credential.id } });
  const first = await admin.gql<{ testCredential: { ok: boolean } }>(TEST, { id: credential.id });
  expect(first.data!.testCredential.ok).toBe(true);
  const tested = await server.db.apiCredential.findUniqueOrThrow({ where: { id: credential.id } });
  const [sent, audited, logged] = [
    server.sandbox.stats.requests.total,
    await audits(),
    (await callRows(server, credential.id)).length,
  ];

  const refused = onlyError(await admin.gql(TEST, { id: credential.id }));
  expect(refused.extensions).toMatchObject({ code: 'RATE_LIMITED' });
  expect(refused.extensions!.retryAfterSeconds).toBeGreaterThanOrEqual(1);
  expect(server.sandbox.stats.requests.total).toBe(sent);
  // The credential's status and last test time stay as they were, and no test is audited.
  const after = await server.db.apiCredential.findUniqueOrThrow({ where: { id: credential.id } });
  expect({ status: after.status, lastTestedAt: after.lastTestedAt }).toEqual({
    status: tested.status,
    lastTestedAt: tested.lastTestedAt,
  });
  expect(await audits()).toBe(audited);
  // The refusal is logged like the gateway's own.
  const rows = (await callRows(server, credential.id)).slice(logged);
  expect(rows.map((r) => [r.source, r.outcome])).toEqual([['credential_test', 'rate_limited']]);
});

it('tests and the gateway share one budget: after a test, a read past the limit is refused', async ({
  server,
  world,
  as,
}) => {
  const [admin, ceo] = [await as('admin'), await as('ceo')];
  const { endpointId, credential } = await ceoCredential(server, world, 'globex/hr-api', 1);
  expect(
    (await admin.gql<{ testCredential: { ok: boolean } }>(TEST, { id: credential.id })).data!.testCredential.ok,
  ).toBe(true);
  const read = await ceo.gql(READ, { c: world.company.globex, e: endpointId, o: 'getHeadcount' });
  expect(errorCode(read)).toBe('RATE_LIMITED');
});
