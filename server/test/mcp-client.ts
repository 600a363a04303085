// An MCP client (the SDK's own) connected to a Tessera's /mcp over Streamable HTTP, for the MCP
// tests and the browser tests (which live outside the server package, where the SDK is).
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

export function mcpUrl(serverUrl: string, query: Record<string, string> = {}): URL {
  const url = new URL('/mcp', serverUrl);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  return url;
}

/** `bearer`: a session token or a personal access token; `query`: `companyId` for a session. */
export async function connectMcp(
  serverUrl: string,
  bearer: string | null,
  query: Record<string, string> = {},
  headers: Record<string, string> = {},
): Promise<Client> {
  const client = new Client({ name: 'tessera-test', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(mcpUrl(serverUrl, query), {
    requestInit: { headers: { ...headers, ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) } },
  });
  await client.connect(transport);
  return client;
}
