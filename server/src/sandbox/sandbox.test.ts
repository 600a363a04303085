// The sandbox over real HTTP: credentials of every kind, the OAuth2 flows, every operation of the
// demo world (derived from DEMO_COMPANIES, so it stays in sync), writes, and each test knob.
import { request } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OperationSeed } from '../demo/apis.ts';
import { DEMO_COMPANIES } from '../demo/world.ts';
import { demoCredential, type CredentialKind } from './credentials.ts';
import { startSandbox, type RunningSandbox } from './sandbox.ts';

const SECRET = 'sandbox-test-secret';
let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, secret: SECRET });
});
afterAll(() => sandbox?.close());
beforeEach(() => sandbox.reset());

interface Call {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  json?: unknown;
  form?: Record<string, string>;
  timeoutMs?: number;
}

async function call(
  path: string,
  { method = 'GET', headers = {}, json, form, timeoutMs }: Call = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: any; size: number }> {
  const body = json !== undefined ? JSON.stringify(json) : form ? new URLSearchParams(form).toString() : undefined;
  const contentType =
    json !== undefined
      ? { 'content-type': 'application/json' }
      : form
        ? { 'content-type': 'application/x-www-form-urlencoded' }
        : {};
  const res = await request(`${sandbox.url}${path}`, {
    method,
    headers: { ...contentType, ...headers },
    body,
    signal: timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined,
  });
  const text = await res.body.text();
  return {
    status: res.statusCode,
    headers: res.headers,
    body: text ? JSON.parse(text) : null,
    size: Buffer.byteLength(text),
  };
}

const secretOf = (company: string, service: string, kind: CredentialKind) =>
  demoCredential(SECRET, company, service, kind, sandbox.url).secret as Record<string, string>;
const apiKey = (company: string, service: string) => ({ 'x-api-key': secretOf(company, service, 'API_KEY').apiKey! });
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const tokenPath = (company: string, service: string) => `/${company}/${service}/oauth/token`;

function clientCredentialsGrant(company: string, service: string) {
  const s = secretOf(company, service, 'OAUTH2_CLIENT_CREDENTIALS');
  return call(tokenPath(company, service), {
    method: 'POST',
    form: { grant_type: 'client_credentials', client_id: s.clientId!, client_secret: s.clientSecret!, scope: s.scope! },
  });
}

function refreshGrant(company: string, service: string, refreshToken?: string) {
  const s = secretOf(company, service, 'OAUTH2_REFRESH_TOKEN');
  return call(tokenPath(company, service), {
    method: 'POST',
    form: {
      grant_type: 'refresh_token',
      refresh_token: refreshToken ?? s.refreshToken!,
      client_id: s.clientId!,
      client_secret: s.clientSecret!,
    },
  });
}

async function authHeaders(company: string, service: string, kind: CredentialKind): Promise<Record<string, string>> {
  const s = secretOf(company, service, kind);
  switch (kind) {
    case 'API_KEY':
      return { [s.headerName!]: s.apiKey! };
    case 'BEARER':
      return { authorization: `Bearer ${s.token}` };
    case 'BASIC':
      return { authorization: basic(s.username!, s.password!) };
    case 'OAUTH2_CLIENT_CREDENTIALS':
      return { authorization: `Bearer ${(await clientCredentialsGrant(company, service)).body.access_token}` };
    case 'OAUTH2_REFRESH_TOKEN':
      return { authorization: `Bearer ${(await refreshGrant(company, service)).body.access_token}` };
  }
}

const KINDS: CredentialKind[] = ['API_KEY', 'BEARER', 'BASIC', 'OAUTH2_CLIENT_CREDENTIALS', 'OAUTH2_REFRESH_TOKEN'];

describe('credentials', () => {
  it.each(KINDS)('accepts %s for exactly its company and service', async (kind) => {
    const headers = await authHeaders('acme', 'salesforce', kind);
    expect((await call('/acme/salesforce/accounts', { headers })).status).toBe(200);
    expect((await call('/globex/salesforce/accounts', { headers })).status).toBe(401);
    expect((await call('/acme/hubspot/deals', { headers })).status).toBe(401);
  });

  it('accepts the API key as query parameter api_key', async () => {
    const key = secretOf('globex', 'gitlab', 'API_KEY').apiKey!;
    expect((await call(`/globex/gitlab/projects?api_key=${key}`)).status).toBe(200);
    expect((await call(`/acme/gitlab/projects?api_key=${key}`)).status).toBe(401);
  });

  it('answers 401 with a challenge to a missing or wrong credential', async () => {
    for (const headers of [
      {},
      { 'x-api-key': 'sbx_key_nope' },
      { authorization: 'Bearer nope' },
      { authorization: basic('acme-salesforce', 'nope') },
    ] as Record<string, string>[]) {
      const res = await call('/acme/salesforce/accounts', { headers });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: 'unauthorized' });
      expect(res.headers['www-authenticate']).toMatch(/^Bearer realm="acme\/salesforce"/);
    }
  });
});

describe('OAuth2 token endpoint', () => {
  it('issues client-credentials tokens (form or HTTP Basic client auth) and counts token requests', async () => {
    const form = await clientCredentialsGrant('acme', 'github');
    expect(form.status).toBe(200);
    expect(form.body).toMatchObject({ token_type: 'Bearer', expires_in: 300, scope: 'read write' });
    expect(form.headers['cache-control']).toBe('no-store');
    const s = secretOf('acme', 'github', 'OAUTH2_CLIENT_CREDENTIALS');
    const viaBasic = await call(tokenPath('acme', 'github'), {
      method: 'POST',
      headers: { authorization: basic(s.clientId!, s.clientSecret!) },
      form: { grant_type: 'client_credentials' },
    });
    expect(viaBasic.status).toBe(200);
    expect(sandbox.stats.tokenRequests).toMatchObject({ total: 2, 'acme/github': 2 });
  });

  it("refuses a bad client, an unknown grant and another company's client", async () => {
    const s = secretOf('acme', 'github', 'OAUTH2_CLIENT_CREDENTIALS');
    const bad = await call(tokenPath('acme', 'github'), {
      method: 'POST',
      form: { grant_type: 'client_credentials', client_id: s.clientId!, client_secret: 'wrong' },
    });
    expect([bad.status, bad.body.error]).toEqual([401, 'invalid_client']);
    const other = await call(tokenPath('globex', 'github'), {
      method: 'POST',
      form: { grant_type: 'client_credentials', client_id: s.clientId!, client_secret: s.clientSecret! },
    });
    expect([other.status, other.body.error]).toEqual([401, 'invalid_client']);
    const grant = await call(tokenPath('acme', 'github'), {
      method: 'POST',
      form: { grant_type: 'password', client_id: s.clientId!, client_secret: s.clientSecret! },
    });
    expect([grant.status, grant.body.error]).toEqual([400, 'unsupported_grant_type']);
  });

  it('rotates refresh tokens: a used one answers invalid_grant, the new one works', async () => {
    const first = await refreshGrant('acme', 'salesforce');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ token_type: 'Bearer', expires_in: 300 });
    expect((await refreshGrant('acme', 'salesforce')).body).toMatchObject({ error: 'invalid_grant' });
    const second = await refreshGrant('acme', 'salesforce', first.body.refresh_token);
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).not.toBe(first.body.refresh_token);
    expect((await refreshGrant('acme', 'salesforce', first.body.refresh_token)).status).toBe(400);
    expect((await refreshGrant('globex', 'salesforce', second.body.refresh_token)).body.error).toBe('invalid_grant');
  });

  it('revokeRefreshTokens makes every existing refresh token answer invalid_grant', async () => {
    const { body } = await refreshGrant('acme', 'salesforce');
    sandbox.knobs.revokeRefreshTokens({ company: 'acme' });
    expect((await refreshGrant('acme', 'salesforce', body.refresh_token)).body.error).toBe('invalid_grant');
    expect((await refreshGrant('globex', 'salesforce')).status).toBe(200);
  });

  it('access tokens expire by lifetime (accessTokenTtlSeconds) and by expireAccessTokens()', async () => {
    sandbox.knobs.accessTokenTtlSeconds = 0;
    const dead = await clientCredentialsGrant('acme', 'github');
    expect(dead.body.expires_in).toBe(0);
    const expired = await call('/acme/github/repos', {
      headers: { authorization: `Bearer ${dead.body.access_token}` },
    });
    expect(expired.status).toBe(401);
    expect(expired.headers['www-authenticate']).toContain('error="invalid_token"');

    sandbox.knobs.accessTokenTtlSeconds = 300;
    const headers = await authHeaders('acme', 'github', 'OAUTH2_CLIENT_CREDENTIALS');
    expect((await call('/acme/github/repos', { headers })).status).toBe(200);
    sandbox.knobs.expireAccessTokens();
    expect((await call('/acme/github/repos', { headers })).status).toBe(401);
    expect(
      (await call('/acme/github/repos', { headers: await authHeaders('acme', 'github', 'OAUTH2_CLIENT_CREDENTIALS') }))
        .status,
    ).toBe(200);
  });

  it('tokenEndpointDelayMs delays answers; of two racing refreshes with one token only one wins', async () => {
    sandbox.knobs.tokenEndpointDelayMs = 150;
    const started = Date.now();
    const answers = await Promise.all([refreshGrant('acme', 'salesforce'), refreshGrant('acme', 'salesforce')]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 400]);
  });

  it('tokens are stateless: another sandbox with the same secret accepts them, and serves the same data', async () => {
    const headers = await authHeaders('globex', 'hr', 'OAUTH2_CLIENT_CREDENTIALS');
    const mine = await call('/globex/hr/employees', { headers });
    const other = await startSandbox({ port: 0, secret: SECRET });
    try {
      const res = await request(`${other.url}/globex/hr/employees`, { headers });
      expect(res.statusCode).toBe(200);
      expect(await res.body.json()).toEqual(mine.body);
    } finally {
      await other.close();
    }
  });
});

/** Fills {id}-like path parameters with the first item's id, others (e.g. {repo}) with its name. */
async function fillPath(company: string, service: string, path: string): Promise<string> {
  const parts = path.split('/');
  for (let i = 0; i < parts.length; i++) {
    const param = /^\{(\w+)\}$/.exec(parts[i]!)?.[1];
    if (!param) continue;
    const list = await call(`/${company}/${service}${parts.slice(0, i).join('/')}?state=all`, {
      headers: apiKey(company, service),
    });
    const first = list.body.data[0];
    parts[i] = encodeURIComponent(String(param === 'id' || param.endsWith('Id') ? first.id : (first.name ?? first.id)));
  }
  return parts.join('/');
}

const OPERATIONS = DEMO_COMPANIES.flatMap((company) =>
  company.endpoints.flatMap((endpoint) =>
    endpoint.template.operations.map((op) => ({ company: company.slug, service: endpoint.template.service, op })),
  ),
);
const label = (c: { company: string; service: string; op: OperationSeed }) =>
  `${c.company}/${c.service} ${c.op.method} ${c.op.path} (${c.op.key})`;

describe('every operation of the demo world', () => {
  it.each(OPERATIONS.filter((c) => c.op.method === 'GET').map((c) => [label(c), c] as const))(
    '%s answers 200 JSON with data',
    async (_, { company, service, op }) => {
      const res = await call(`/${company}/${service}${await fillPath(company, service, op.path)}`, {
        headers: apiKey(company, service),
      });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      if ('data' in res.body) expect(res.body.data.length).toBeGreaterThan(0);
      else expect(Object.keys(res.body).length).toBeGreaterThan(2);
    },
  );

  const BODIES: Record<string, (company: string) => Promise<Record<string, unknown>>> = {
    createOpportunity: async (c) => ({
      name: 'Test deal',
      amount: 12_000,
      stage: 'Qualification',
      accountId: (await call(`/${c}/salesforce/accounts`, { headers: apiKey(c, 'salesforce') })).body.data[0].id,
    }),
    updateOpportunity: async () => ({ stage: 'Closed Won', amount: 99_000 }),
    createDeal: async () => ({ dealname: 'Test deal', amount: 5_000, dealstage: 'qualifiedtobuy' }),
    updateDeal: async () => ({ dealstage: 'closedwon' }),
    createInvoice: async () => ({ customer: 'Initech LLC', amount: 4_200, dueDate: '2027-01-15' }),
    createPosition: async () => ({ title: 'Data Engineer', department: 'Engineering' }),
    createIncident: async () => ({ title: 'Dock door 4 jammed', severity: 'high' }),
    createIssue: async () => ({ title: 'Tessera test issue', body: 'Created by the sandbox test.' }),
  };
  const writes = OPERATIONS.filter((c) => c.op.method !== 'GET').map((c) => [label(c), c] as const);

  it.each(writes)('%s works, persists and can be deleted', async (_, { company, service, op }) => {
    const headers = apiKey(company, service);
    const path = `/${company}/${service}${await fillPath(company, service, op.path)}`;
    let json = await BODIES[op.key]!(company);
    if (service === 'gitlab') json = { title: json.title, description: json.body };
    const written = await call(path, { method: op.method as 'POST' | 'PATCH', headers, json });
    expect(written.status).toBe(op.method === 'POST' ? 201 : 200);
    const itemPath = op.method === 'POST' ? new URL(String(written.headers.location), sandbox.url).pathname : path;
    const read = await call(itemPath, { headers });
    expect(read.body).toEqual(written.body);
    expect(read.body).toMatchObject(
      Object.fromEntries(Object.entries(json).filter(([k]) => k !== 'accountId' && k !== 'dueDate')),
    );
    expect((await call(itemPath, { method: 'DELETE', headers })).body).toEqual({ id: written.body.id, deleted: true });
    expect((await call(itemPath, { headers })).status).toBe(404);
  });
});

describe('data and REST behaviour', () => {
  const sf = apiKey.bind(null, 'acme', 'salesforce');

  it('is deterministic per company and distinct between companies', async () => {
    const acme = await call('/acme/salesforce/accounts', { headers: sf() });
    const globex = await call('/globex/salesforce/accounts', { headers: apiKey('globex', 'salesforce') });
    expect(acme.body.data.map((a: { name: string }) => a.name)).not.toEqual(
      globex.body.data.map((a: { name: string }) => a.name),
    );
    sandbox.reset();
    expect((await call('/acme/salesforce/accounts', { headers: sf() })).body).toEqual(acme.body);
  });

  it('filters by the params of the schema and caps with limit', async () => {
    const won = await call('/acme/salesforce/opportunities?stage=closed%20won', { headers: sf() });
    expect(won.body.data.length).toBeGreaterThan(0);
    expect(won.body.data.every((o: { stage: string }) => o.stage === 'Closed Won')).toBe(true);
    const limited = await call('/acme/salesforce/opportunities?limit=3', { headers: sf() });
    expect(limited.body).toMatchObject({ hasMore: true });
    expect(limited.body.data).toHaveLength(3);
    expect((await call('/acme/salesforce/opportunities?limit=0', { headers: sf() })).status).toBe(400);
    const deals = await call('/globex/hubspot/deals?pipelineStage=closedwon', { headers: apiKey('globex', 'hubspot') });
    expect(deals.body.data.every((d: { dealstage: string }) => d.dealstage === 'closedwon')).toBe(true);
    const repo = (await call('/acme/github/repos', { headers: apiKey('acme', 'github') })).body.data[0].name;
    const open = await call(`/acme/github/repos/${repo}/pulls`, { headers: apiKey('acme', 'github') });
    const all = await call(`/acme/github/repos/${repo}/pulls?state=all`, { headers: apiKey('acme', 'github') });
    expect(open.body.data.every((p: { state: string }) => p.state === 'open')).toBe(true);
    expect(all.body.total).toBeGreaterThanOrEqual(open.body.total);
  });

  it('answers validation errors with 422/400 and unknown paths with 404', async () => {
    const post = (json: unknown) => call('/acme/salesforce/opportunities', { method: 'POST', headers: sf(), json });
    expect((await post({ amount: 5 })).body).toMatchObject({
      error: 'validation_failed',
      details: [{ field: 'name' }, { field: 'accountId' }],
    });
    expect((await post({ name: 'x', accountId: 'nope', amount: 5 })).status).toBe(422);
    expect((await post({ name: 'x', accountId: 'nope', amount: '5' })).status).toBe(422);
    expect(
      (
        await call('/acme/salesforce/opportunities', {
          method: 'POST',
          headers: { ...sf(), 'content-type': 'application/json' },
          json: undefined,
          form: { a: 'b' },
        })
      ).status,
    ).toBe(400);
    expect((await call('/acme/salesforce/nope', { headers: sf() })).status).toBe(404);
    expect((await call('/acme/salesforce/opportunities/nope', { headers: sf() })).body).toMatchObject({
      error: 'not_found',
    });
    expect((await call('/acme/nosuchservice/x')).status).toBe(404);
    expect((await call('/acme/salesforce/accounts', { method: 'POST', headers: sf(), json: {} })).status).toBe(405);
  });

  it('keeps writes until reset()', async () => {
    const created = await call('/acme/hr/positions', {
      method: 'POST',
      headers: apiKey('acme', 'hr'),
      json: { title: 'Recruiter', department: 'hr' },
    });
    expect(created.body).toMatchObject({ department: 'HR', status: 'open' });
    const headcount = async () =>
      (await call('/acme/hr/headcount', { headers: apiKey('acme', 'hr') })).body.openPositions;
    const before = await headcount();
    expect((await call(`/acme/hr/positions/${created.body.id}`, { headers: apiKey('acme', 'hr') })).status).toBe(200);
    sandbox.reset();
    expect((await call(`/acme/hr/positions/${created.body.id}`, { headers: apiKey('acme', 'hr') })).status).toBe(404);
    expect(await headcount()).toBe(before - 1);
  });
});

describe('knobs', () => {
  const github = () => call('/acme/github/repos', { headers: apiKey('acme', 'github') });

  it('latencyMs delays every API response; stats.requests counts them', async () => {
    sandbox.knobs.latencyMs = 120;
    const started = Date.now();
    await github();
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    expect(sandbox.stats.requests).toMatchObject({ total: 1, 'acme/github': 1 });
    sandbox.knobs.latencyMs = 0;
    sandbox.knobs.setLatency(400, { company: 'globex' });
    const fast = Date.now();
    await github();
    expect(Date.now() - fast).toBeLessThan(300);
  });

  it('failNext answers the given status N times, within its scope only', async () => {
    sandbox.knobs.failNext(2, 503, { company: 'acme' });
    expect((await call('/globex/gitlab/projects', { headers: apiKey('globex', 'gitlab') })).status).toBe(200);
    expect([(await github()).status, (await github()).status, (await github()).status]).toEqual([503, 503, 200]);
    sandbox.knobs.failNext(1, 500);
    expect(await github()).toMatchObject({ status: 500, body: { error: 'internal_server_error' } });
  });

  it('rateLimitNext answers 429 with Retry-After in seconds or as an HTTP-date', async () => {
    sandbox.knobs.rateLimitNext(1, 7);
    sandbox.knobs.rateLimitNext(1, 'http-date');
    const seconds = await github();
    expect([seconds.status, seconds.headers['retry-after']]).toEqual([429, '7']);
    const date = await github();
    expect(date.status).toBe(429);
    expect(Date.parse(String(date.headers['retry-after']))).toBeGreaterThan(Date.now());
    expect((await github()).status).toBe(200);
  });

  it('rateLimitHeaders sends X-RateLimit-* headers', async () => {
    sandbox.knobs.rateLimitHeaders = true;
    const first = await github();
    const second = await github();
    expect(first.headers['x-ratelimit-limit']).toBe('600');
    expect(Number(second.headers['x-ratelimit-remaining'])).toBe(Number(first.headers['x-ratelimit-remaining']) - 1);
    expect(Number(first.headers['x-ratelimit-reset'])).toBeGreaterThan(Date.now() / 1000);
  });

  it('hangNext never answers (the client times out)', async () => {
    sandbox.knobs.hangNext(1, { service: 'github' });
    await expect(call('/acme/github/repos', { headers: apiKey('acme', 'github'), timeoutMs: 200 })).rejects.toThrow(
      /timeout/i,
    );
    expect((await github()).status).toBe(200);
  });

  it('hugeResponseNext sends a JSON body of the given size', async () => {
    sandbox.knobs.hugeResponseNext(1, 3_000_000);
    const huge = await github();
    expect(huge.status).toBe(200);
    expect(huge.size).toBe(3_000_000);
    expect(huge.headers['content-length']).toBeUndefined();
    expect((await github()).size).toBeLessThan(10_000);
  });
});
