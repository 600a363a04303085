// /graphiql: GraphiQL against this server's /graphql, as the person signed in to the web app.
import { useMemo } from 'react';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { useToken } from '../session/auth.ts';
import { fetcherOptions } from './fetcher-options.ts';

const DEFAULT_QUERY = `# Requests run as you, with your access, in every company you belong to.
# Press Ctrl+Enter (or the run button) to run.
{
  me {
    email
    name
  }
}
`;

// Tabs keep queries and their responses; sessionStorage keeps them from outliving the browser
// tab, so the next person signing in on this machine does not find them.
const storage = typeof sessionStorage === 'undefined' ? undefined : sessionStorage;

// useToken() already drops an expired token, so "none" covers "expired" too.
function SignInFirst() {
  return (
    <main className="graphiql-signin">
      <h1>GraphiQL</h1>
      <p role="status">
        You are not signed in, or your session has expired. <a href="/">Sign in to Tessera</a>, then come back to{' '}
        <a href="/graphiql">/graphiql</a>: GraphiQL runs every request as the person signed in.
      </p>
    </main>
  );
}

function Explorer({ token }: { token: string }) {
  const fetcher = useMemo(() => createGraphiQLFetcher(fetcherOptions(token, window.location)), [token]);
  return (
    <div className="graphiql-page">
      <header className="graphiql-bar">
        <a href="/">← Tessera</a>
        <span>GraphiQL: requests run as you</span>
      </header>
      <div className="graphiql-host">
        {/* key: a new session starts from a clean editor state, not the previous person's */}
        <GraphiQL
          key={token}
          fetcher={fetcher}
          defaultQuery={DEFAULT_QUERY}
          storage={storage}
          isHeadersEditorEnabled={false}
        />
      </div>
    </div>
  );
}

export function GraphiQLPage() {
  const token = useToken();
  return token ? <Explorer token={token} /> : <SignInFirst />;
}
