// The test fixture most server test files need: one real Tessera for the file, the ids of its demo
// world, and clients signed in as the demo personas. Instead of each file repeating
// beforeAll(startTestServer, worldIds) / afterAll(close):
//
//   import { serverTest as it } from '../../../test/fixture.ts';
//   import { graphql } from '../../../test/gql/gql.ts';
//
//   const ME = graphql(`query MyId { me { id } }`);
//   it('…', async ({ server, world, as }) => {
//     const ceo = await as('ceo');
//     const res = await ceo.gql(ME); // res.data: MyIdQuery, from `pnpm codegen`
//   });
//
// `server` and `world` are file-scoped (vitest's `{ scope: 'file' }`): made once, on the first test
// that asks, shared by the file's tests and closed after its last one. A file whose server needs
// other settings overrides `serverEnv` at its top: `it.override('serverEnv', { KEY: 'value' })`.
// A file that signs people in or sets data up once adds its own file-scoped fixtures
// (`serverTest.extend('admin', { scope: 'file' }, ({ server }) => server.login(PERSONAS.admin))`) and
// asks for them in an `it.beforeAll`, so they are made under the hook timeout, not a test's.
import { test } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from './fake-openai.ts';
import type { TypedDocumentString } from './gql/graphql.ts';
import { startTestServer, type GqlResponse, type TestServer } from './harness.ts';
import { PERSONAS, type Persona } from './personas.ts';
import { worldIds, type WorldIds } from './world.ts';

export { PERSONAS, type Persona };

/** GraphQL over HTTP as one signed-in person. */
export interface SignedInClient {
  email: string;
  /** The session's bearer token. */
  token: string;
  /** As `TestServer.gql`, with this session's token: a typed document brings its types. */
  gql: SignedInGql;
}

export interface SignedInGql {
  <R, V>(query: TypedDocumentString<R, V>, variables?: V): Promise<GqlResponse<R>>;
  <T = unknown>(query: string, variables?: Record<string, unknown>): Promise<GqlResponse<T>>;
}

/** Signs a persona in (a new session each call, as `server.login` does) and binds the client to it. */
export async function signIn(server: TestServer, persona: Persona): Promise<SignedInClient> {
  const email = PERSONAS[persona];
  const token = await server.login(email);
  // The overloads have checked the variables against the document already; the text is what is sent.
  const gql: SignedInGql = <T>(query: string | TypedDocumentString<T, unknown>, variables?: unknown) =>
    server.gql<T>(query.toString(), variables as Record<string, unknown> | undefined, token);
  return { email, token, gql };
}

export const serverTest = test
  .extend('serverEnv', { scope: 'file' }, {} as Record<string, string>)
  .extend('server', { scope: 'file' }, async ({ serverEnv }, { onCleanup }) => {
    const server = await startTestServer(serverEnv);
    onCleanup(() => server.close());
    return server;
  })
  .extend('world', { scope: 'file' }, async ({ server }): Promise<WorldIds> => worldIds(server.db))
  .extend(
    'as',
    { scope: 'file' },
    async ({ server }) =>
      (persona: Persona) =>
        signIn(server, persona),
  );

// Start the server in a suite hook, under hookTimeout, rather than inside the first test's
// testTimeout. Registered into the file that imports this module (each test file loads its own
// copy of the modules); without it the fixture still starts the server on first use.
serverTest.beforeAll(async ({ server, world }) => {
  void [server, world];
});

/**
 * serverTest whose server's assistant talks to a fake OpenAI-compatible model (fake-openai.ts), as
 * the file-scoped `fake`. The fake starts before the server and stops after it.
 */
export const assistantTest = serverTest.extend(
  'fake',
  { scope: 'file' },
  // biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from this pattern
  async ({}, { onCleanup }): Promise<FakeOpenAI> => {
    const fake = await startFakeOpenAI();
    onCleanup(() => fake.close());
    return fake;
  },
);

/** The settings that point a server at `fake`: `it.override('serverEnv', { scope: 'file' }, fakeModelEnv)`. */
export const fakeModelEnv = ({ fake }: { fake: FakeOpenAI }): Record<string, string> => ({
  OPENAI_BASE_URL: fake.url,
  OPENAI_API_KEY: 'sk-test-key-not-a-secret',
  OPENAI_MODEL: 'fake-model',
});
