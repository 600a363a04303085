// Fuzzing every mutation: from a valid-ish baseline, one argument or input field at a time is
// replaced by a hostile value (huge and strange strings, wrong types, nulls, odd numbers, SQL and
// JSON fragments, malformed ids, ids of a company the caller cannot see). Each answer must be a
// contract code (never INTERNAL_SERVER_ERROR, never a 5xx), its messages short and free of SQL
// and stack frames, and a call that failed must leave every table as it was (a per-table hash
// before and after each case; see fingerprint.ts). Accepted hostile values (a unicode name) are
// fine and listed. Deterministic: FUZZ_SEED=<n> reproduces a run (it orders the pools and drives
// the generator); FUZZ_PER_SLOT=<n> samples fewer pool values per slot (default: all of them);
// FUZZ_GENERATED=<n> sets how many generated values each slot also gets.
//
// Every Query that takes arguments is fuzzed the same way (run first, before mutations change
// the fuzzer's company), with two differences: a query must change nothing whatever it answers
// (one table fingerprint around all of a query's cases, not one per case: reads are many and
// cheap), and one given an id of a company the caller cannot see must be refused, not answered.
import { getNamedType, getNullableType, isLeafType, type GraphQLField } from 'graphql';
import { afterAll, describe, expect } from 'vitest';
import { PERSONAS, serverTest } from '../fixture.ts';
import type { GqlResponse, TestServer } from '../harness.ts';
import type { WorldIds } from '../world.ts';
import { buildBareSchema } from '../../src/graphql/schema.ts';
import { baselines, queryBaselines, type Baseline, type FuzzIds, type Persona } from './baselines.ts';
import {
  describeValue,
  generatedValue,
  hostilePool,
  jsonText,
  prng,
  sample,
  slotsOf,
  withValue,
  type Hostile,
} from './hostile-values.ts';
import { fingerprint, diffTables } from './fingerprint.ts';
import { generateInvitationToken } from '../../src/modules/invitation/invitation.token.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_707);
/** Values per slot from the hand-written pools (every one of them by default: a full run is quick). */
const PER_SLOT = Number(process.env.FUZZ_PER_SLOT ?? 1000);
/** Values per slot made up by the seeded generator. */
const GENERATED = Number(process.env.FUZZ_GENERATED ?? 3);

/** The contract's codes, and the codes of GraphQL's own refusals that formatError keeps. */
const ALLOWED_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'UPSTREAM_ERROR',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
]);
const MAX_MESSAGE = 300;
const LEAKS =
  /\b(select|insert into|delete from|update \w+ set|prisma|postgres|pglite|violates|constraint|syntax error at|relation "|node_modules)\b|\s+at \S+ \(|\.ts:\d+/i;

// Read at load, so each mutation of the schema is a test of its own, named before setup runs.
const bare = await buildBareSchema();
const mutations = Object.values(bare.getMutationType()!.getFields());
const MUTATION_NAMES = mutations.map((m) => m.name);
/**
 * A mutation with many input slots (createEndpoint: its operations and its declared auth) is
 * fuzzed in parts of this many consecutive slots, each a test of its own within the test
 * timeout; every slot is still fuzzed, with the same cases.
 */
const SLOTS_PER_TEST = 8;
const MUTATION_TESTS = mutations.flatMap((m) => {
  const count = slotsOf(m).length;
  const parts = Math.max(1, Math.ceil(count / SLOTS_PER_TEST));
  return Array.from({ length: parts }, (_, i) => ({
    title:
      i === 0 ? m.name : `${m.name} (slots ${i * SLOTS_PER_TEST + 1}–${Math.min(count, (i + 1) * SLOTS_PER_TEST)})`,
    name: m.name,
    from: i * SLOTS_PER_TEST,
    to: (i + 1) * SLOTS_PER_TEST,
  }));
});
/** Queries without arguments have nothing to fuzz. */
const queries = Object.values(bare.getQueryType()!.getFields()).filter((q) => q.args.length > 0);
const QUERY_NAMES = queries.map((q) => q.name);

/** What the tests read from the file's setup: its server, the baselines, and the personas' sessions. */
interface Fuzz {
  server: TestServer;
  plans: Record<string, Baseline>;
  queryPlans: Record<string, Baseline>;
  /** Signed in again after a mutation that ends sessions. */
  tokens: Partial<Record<Persona, string | null>>;
}
const EMAILS: Record<Exclude<Persona, 'anonymous'>, string> = {
  admin: PERSONAS.admin,
  member: PERSONAS.ceo,
  companyAdmin: 'fuzzadmin@demo.test',
};
/**
 * Mutations that end sessions (a null userId is the caller's own): each case runs with a session
 * of its own, and every persona signs in again afterwards.
 */
const ENDS_SESSIONS = new Set(['logout', 'signOutEverywhere']);
/** Accepted hostile values: fine, listed so a person can look. */
const accepted: string[] = [];
let ran = 0;
/** Per mutation, how many cases ended with each code ("ok" when accepted): how deep the cases got. */
const outcomes: Record<string, Record<string, number>> = {};
function countOutcome(name: string, outcome: string): void {
  outcomes[name] ??= {};
  outcomes[name][outcome] = (outcomes[name][outcome] ?? 0) + 1;
}

function operationText(field: GraphQLField<unknown, unknown>, kind: 'query' | 'mutation' = 'mutation'): string {
  const defs = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const leaf = isLeafType(getNamedType(getNullableType(field.type)));
  return `${kind} Fuzz${defs ? `(${defs})` : ''} { ${field.name}${args ? `(${args})` : ''}${leaf ? '' : ' { __typename }'} }`;
}

interface Case {
  label: string;
  vars: Record<string, unknown>;
  as: Persona;
  /** An id of a company the caller cannot see: a query must refuse it. */
  other?: boolean;
}

/** The cases of one mutation: per slot, a seeded sample of its pool, plus the other company's ids. */
function casesOf(field: GraphQLField<unknown, unknown>, plan: Baseline, part = { from: 0, to: Infinity }): Case[] {
  const random = prng(SEED ^ hash(field.name));
  const cases: Case[] = [];
  for (const [index, slot] of slotsOf(field).entries()) {
    // The seeded generator advances for every slot, so a part's cases are those of the whole run.
    const inPart = index >= part.from && index < part.to;
    const where = slot.path.join('.');
    const picks: Hostile[] = sample(hostilePool(slot.type), PER_SLOT, random);
    for (let i = 0; i < GENERATED; i += 1) {
      const made = generatedValue(slot.type, random);
      if (made) picks.push(made);
    }
    if (!inPart) continue;
    for (const h of picks)
      cases.push({
        label: `${where} = ${describeValue(h.label, h.value)}`,
        vars: withValue(plan.vars, slot.path, h.value) as Record<string, unknown>,
        as: plan.as,
      });
    const otherId = plan.other?.[where];
    if (otherId)
      cases.push({
        label: `${where} = an id of a company the caller cannot see`,
        vars: withValue(plan.vars, slot.path, otherId) as Record<string, unknown>,
        as: plan.otherAs!,
        other: true,
      });
  }
  // Nothing to fuzz (logout): the call itself, once.
  if (field.args.length === 0) cases.push({ label: 'no arguments', vars: plan.vars, as: plan.as });
  return cases;
}

function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}

/** What is wrong with an answer, or null. */
function problemsOf(res: GqlResponse): string | null {
  if (res.status >= 500) return `HTTP ${res.status}`;
  for (const e of res.errors ?? []) {
    const code = e.extensions?.code;
    if (!code || !ALLOWED_CODES.has(code)) return `code ${code}: ${e.message.slice(0, 200)}`;
    if (e.message.length > MAX_MESSAGE)
      return `message of ${e.message.length} chars (${code}): ${e.message.slice(0, 120)}…`;
    if (LEAKS.test(e.message)) return `message leaks internals (${code}): ${e.message.slice(0, 200)}`;
  }
  if (!res.errors?.length && res.status >= 400) return `HTTP ${res.status} without errors`;
  return null;
}

/** The server's own account of a masked error: the logged original, shortened. */
function causeIn(lines: Record<string, unknown>[]): string {
  const err = lines.find((l) => l.err)?.err as { type?: string; message?: string } | undefined;
  return err ? ` (logged: ${err.type}: ${String(err.message).replace(/\s+/g, ' ').slice(0, 240)})` : '';
}

/**
 * Tables a failed call may still write by design: the audit row of a failed login; for an
 * upstream call that was made and failed, its log row, its audit row and the credential's health.
 */
function allowedWrites(field: string, res: GqlResponse): Set<string> {
  if (field === 'login') return new Set(['audit_logs']);
  if (res.errors?.some((e) => e.extensions?.code === 'UPSTREAM_ERROR'))
    return new Set(['audit_logs', 'upstream_calls', 'api_credentials']);
  return new Set();
}

async function send(
  server: TestServer,
  query: string,
  vars: Record<string, unknown>,
  token: string | null,
): Promise<GqlResponse> {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    // Not JSON.stringify: it overflows on the 10,000-level values.
    body: jsonText({ query, variables: vars }),
  });
  const text = await res.text();
  try {
    const body = JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: GqlResponse['errors'] };
    return { status: res.status, data: body.data, errors: body.errors };
  } catch {
    return {
      status: res.status,
      data: null,
      errors: [{ message: `not JSON: ${text.slice(0, 200)}`, extensions: { code: 'NOT_JSON' } }],
    };
  }
}

async function gqlOk(
  server: TestServer,
  query: string,
  vars: Record<string, unknown>,
  token: string,
): Promise<Record<string, any>> {
  const res = await server.gql(query, vars, token);
  if (res.errors) throw new Error(`setup: ${JSON.stringify(res.errors)}`);
  return res.data!;
}

/** The fuzzer's own company and the rows the baselines point at, then the baselines and sessions. */
async function setUp(server: TestServer, w: WorldIds): Promise<Fuzz> {
  const admin = await server.login(PERSONAS.admin);
  // The fuzzer's own company: an endpoint with an operation, a credential, an administrator, a member.
  const company = (
    await gqlOk(
      server,
      'mutation { createCompany(input: { name: "Fuzz Target", slug: "fuzz-target" }) { id } }',
      {},
      admin,
    )
  ).createCompany.id as string;
  const endpoint = (
    await gqlOk(
      server,
      'mutation ($input: CreateEndpointInput!) { createEndpoint(input: $input) { id operations { id } } }',
      {
        input: {
          companyId: company,
          name: 'Target API',
          slug: 'target-api',
          baseUrl: `${server.sandbox.url}/acme/hr`,
          operations: [{ key: 'targetOp', method: 'POST', path: '/x' }],
        },
      },
      admin,
    )
  ).createEndpoint;
  const cred = (
    await gqlOk(
      server,
      'mutation ($input: CreateCredentialInput!) { createCredential(input: $input) { id } }',
      {
        input: {
          companyId: company,
          endpointId: endpoint.id,
          name: 'target',
          kind: 'BEARER',
          secret: { token: 'target-token-value' },
        },
      },
      admin,
    )
  ).createCredential.id as string;
  const fuzzAdmin = (
    await gqlOk(
      server,
      'mutation { createUser(input: { email: "fuzzadmin@demo.test", name: "Fuzz Admin", password: "tessera-demo" }) { id } }',
      {},
      admin,
    )
  ).createUser.id as string;
  const grant =
    'mutation ($u: ID!, $c: ID!, $r: ID!) { grantCompanyAccess(userId: $u, companyId: $c, roleId: $r) { role { key } } }';
  await gqlOk(server, grant, { u: fuzzAdmin, c: company, r: w.role.company_admin }, admin);
  await gqlOk(server, grant, { u: w.user.dev, c: company, r: w.role.developer }, admin);
  const pending = (userId: string) =>
    server.db.pendingAction.create({
      data: {
        userId,
        companyId: w.company.acme!,
        endpointId: w.endpoint['acme/sales-api']!,
        operationId: w.operation['acme/sales-api/createOpportunity']!,
        args: { params: {}, body: { name: 'x', accountId: 'a1', amount: 1 } },
        argsHash: 'fuzz',
        expiresAt: new Date(Date.now() + 3_600_000),
      },
    });
  // A real account of Acme's sandbox CRM, so the baseline write succeeds; and a rate limit the
  // fuzzer's hundreds of writes stay under (RATE_LIMITED would be a fine answer, but a shallow one).
  const ceo = await server.login(PERSONAS.ceo);
  const accounts = await gqlOk(
    server,
    'query ($c: ID!, $e: ID!) { readOperation(companyId: $c, endpointId: $e, operation: "listAccounts") { data } }',
    { c: w.company.acme, e: w.endpoint['acme/sales-api'] },
    ceo,
  );
  await server.db.apiEndpoint.update({
    where: { id: w.endpoint['acme/sales-api']! },
    data: { rateLimitPerMinute: 1_000_000 },
  });
  const acmeCredential = (
    await server.db.apiCredential.findFirstOrThrow({ where: { companyId: w.company.acme! }, orderBy: { name: 'asc' } })
  ).id;
  // Subscribed to an event no fuzzed mutation raises, so no delivery runs (and writes) in the background.
  const subscribe = async (companyId: string) =>
    (
      await gqlOk(
        server,
        'mutation ($c: ID!) { createWebhookSubscription(companyId: $c, url: "https://hooks.example.test/fuzz", events: ["credential.needs_reconnect"]) { subscription { id } } }',
        { c: companyId },
        admin,
      )
    ).createWebhookSubscription.subscription.id as string;
  const token = (userId: string) =>
    server.db.accessToken.create({
      data: {
        userId,
        companyId: w.company.acme!,
        name: 'fuzz',
        prefix: 'tsr_pat_fuzz',
        tokenHash: `fuzz-${userId}`,
        expiresAt: new Date(Date.now() + 3_600_000),
      },
    });
  const invite = async (companyId: string, email: string) => {
    const { token, tokenHash } = generateInvitationToken();
    const row = await server.db.invitation.create({
      data: {
        companyId,
        email,
        openEmail: email,
        tokenHash,
        expiresAt: new Date(Date.now() + 3_600_000),
        roles: { create: [{ roleId: w.role.developer! }] },
      },
    });
    return { id: row.id, token };
  };
  const f: FuzzIds = {
    company,
    endpoint: endpoint.id,
    endpointBaseUrl: `${server.sandbox.url}/acme/hr`,
    operation: endpoint.operations[0].id,
    credential: cred,
    action: (await pending(w.user.ceo!)).id,
    othersAction: (await pending(w.user.dev!)).id,
    acmeCredential,
    oauthApp: (
      await gqlOk(
        server,
        'mutation ($c: ID!) { createOAuthApp(input: { companyId: $c, provider: "gitlab", clientId: "fuzz", clientSecret: "fuzz-client-secret" }) { id } }',
        { c: company },
        admin,
      )
    ).createOAuthApp.id as string,
    acmeOAuthApp: (await server.db.oAuthApp.findFirstOrThrow({ where: { companyId: w.company.acme! } })).id,
    webhook: await subscribe(company),
    acmeWebhook: await subscribe(w.company.acme!),
    acmeAccount: accounts.readOperation.data.data[0].id as string,
    accessToken: (await token(w.user.ceo!)).id,
    othersAccessToken: (await token(w.user.dev!)).id,
    invitation: (await invite(company, 'fuzz-pending@demo.test')).id,
    acmeInvitation: (await invite(w.company.acme!, 'fuzz-acme@demo.test')).id,
    invitationToken: (await invite(company, 'fuzz-link@demo.test')).token,
  };
  const tokens: Fuzz['tokens'] = {
    anonymous: null,
    admin,
    member: ceo,
    companyAdmin: await server.login('fuzzadmin@demo.test'),
  };
  console.info(`mutation fuzzer: FUZZ_SEED=${SEED} FUZZ_PER_SLOT=${PER_SLOT} FUZZ_GENERATED=${GENERATED}`);
  return { server, plans: baselines(w, f), queryPlans: queryBaselines(w, f), tokens };
}

// Login's per-account and per-address failure limits would answer RATE_LIMITED (a fine answer)
// to most login cases before they reach the code that reads the values: raised here.
const it = serverTest
  .override('serverEnv', { LOGIN_MAX_FAILURES_PER_ACCOUNT: '100000', LOGIN_MAX_FAILURES_PER_ADDRESS: '100000' })
  .extend('fuzz', { scope: 'file' }, ({ server, world }) => setUp(server, world));
// File fixtures are made under the hook timeout, not the first test's.
it.beforeAll(({ fuzz }) => {
  void [fuzz];
});
afterAll(() => {
  console.info(
    `mutation and query fuzzer: ${ran} cases, ${accepted.length} accepted (fine, listed for review):\n  ${accepted.join('\n  ')}`,
  );
  console.info(
    `mutation fuzzer outcomes:\n${Object.entries(outcomes)
      .map(([m, o]) => `  ${m}: ${JSON.stringify(o)}`)
      .join('\n')}`,
  );
});

describe('the fuzzer covers the schema', () => {
  it('has a baseline for every mutation', ({ fuzz: { plans } }) => {
    expect(Object.keys(plans).sort()).toEqual([...MUTATION_NAMES].sort());
  });

  it('has a baseline for every query that takes arguments', ({ fuzz: { queryPlans } }) => {
    expect(Object.keys(queryPlans).sort()).toEqual(QUERY_NAMES.slice().sort());
  });
});

describe('every query answers hostile values with a contract code, changes nothing, and refuses other companies', () => {
  it.for(QUERY_NAMES)('%s', async (name, { fuzz: { server, queryPlans, tokens } }) => {
    const field = queries.find((q) => q.name === name)!;
    const query = operationText(field, 'query');
    const failures: string[] = [];
    await server.tessera.callLog.flush();
    const before = await fingerprint(server.db);
    const cases = casesOf(field, queryPlans[name]!);
    for (const c of cases) {
      ran += 1;
      const logged = server.logs.length;
      const res = await send(server, query, c.vars, tokens[c.as] ?? null);
      const where = `${name}(${c.label}) as ${c.as} [FUZZ_SEED=${SEED}]`;
      const outcome = res.errors?.[0]?.extensions?.code ?? (res.status < 400 ? 'ok' : `HTTP ${res.status}`);
      countOutcome(name, outcome);
      const problem = problemsOf(res);
      if (problem) failures.push(`${where}: ${problem}${causeIn(server.logs.slice(logged))}`);
      if (!res.errors?.length && res.status < 400) {
        if (c.other) failures.push(`${where}: answered for a company the caller cannot see`);
        else accepted.push(where);
      }
    }
    // Reads write only the call log (and a credential's health, an upstream call's audit row).
    await server.tessera.callLog.flush();
    const changed = diffTables(before, await fingerprint(server.db)).filter(
      (t) => !['upstream_calls', 'api_credentials', 'audit_logs'].includes(t),
    );
    if (changed.length) failures.push(`${name}: its cases changed ${changed.join(', ')}`);
    expect(cases.length).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  });
});

describe('every mutation answers hostile values with a contract code and changes nothing when it fails', () => {
  it.for(MUTATION_TESTS)('$title', async ({ name, from, to }, { fuzz: { server, plans, tokens } }) => {
    const field = mutations.find((m) => m.name === name)!;
    const query = operationText(field);
    const failures: string[] = [];
    // Calls logged by the previous mutation's cases must land before the first "before".
    await server.tessera.callLog.flush();
    let before = await fingerprint(server.db);
    const cases = casesOf(field, plans[name]!, { from, to });
    for (const c of cases) {
      ran += 1;
      let token = tokens[c.as] ?? null;
      if (ENDS_SESSIONS.has(name) && c.as !== 'anonymous') {
        token = await server.login(EMAILS[c.as]);
        before = await fingerprint(server.db); // the sign-in's own audit row
      }
      const logged = server.logs.length;
      const res = await send(server, query, c.vars, token);
      await server.tessera.callLog.flush();
      const after = await fingerprint(server.db);
      const where = `${name}(${c.label}) as ${c.as} [FUZZ_SEED=${SEED}]`;
      const outcome = res.errors?.[0]?.extensions?.code ?? (res.status < 400 ? 'ok' : `HTTP ${res.status}`);
      countOutcome(name, outcome);
      const problem = problemsOf(res);
      if (problem) failures.push(`${where}: ${problem}${causeIn(server.logs.slice(logged))}`);
      if (!res.errors?.length && res.status < 400) {
        accepted.push(`${where}`);
      } else {
        const changed = diffTables(before, after).filter((t) => !allowedWrites(name, res).has(t));
        if (changed.length)
          failures.push(`${where}: failed with ${res.errors?.[0]?.extensions?.code} but changed ${changed.join(', ')}`);
      }
      before = after;
    }
    if (ENDS_SESSIONS.has(name))
      for (const persona of Object.keys(EMAILS) as (keyof typeof EMAILS)[])
        tokens[persona] = await server.login(EMAILS[persona]);
    expect(cases.length).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  });
});

describe('after all of it', () => {
  it('still stores real-world unicode as sent: emoji (surrogate pairs), right-to-left text, accents', async ({
    fuzz: { server, plans, tokens },
  }) => {
    const name = 'Ünïcode 👩‍👩‍👧‍👦 \u202eشركة\u202c 漢字';
    const res = await server.gql<{ updateCompany: { name: string } }>(
      'mutation ($id: ID!, $name: String!) { updateCompany(id: $id, input: { name: $name }) { name } }',
      { id: plans.updateCompany!.vars.id, name },
      tokens.admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateCompany.name).toBe(name);
  });

  it('no JSON "__proto__" or "constructor" key polluted the prototypes of the server process', () => {
    const probe = {} as Record<string, unknown>;
    expect(probe.polluted).toBeUndefined();
    expect(probe.isPlatformAdmin).toBeUndefined();
  });
});
