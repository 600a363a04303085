// "Preview as": the tools the assistant would offer someone who holds only this role in this
// company, straight from the server's own tool builder. Refetched after every saved change.
import { useId, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { ErrorNotice } from '../../../ui/ErrorNotice.tsx';
import { toolCountText } from './access-levels.ts';
import { OperationConsole } from '../../apis/console/OperationConsole.tsx';

const PreviewToolsQuery = graphql(`
  query PreviewTools($roleId: ID!, $companyId: ID!) {
    previewTools(roleId: $roleId, companyId: $companyId) {
      name
      description
      method
      path
      operationKey
      writes
      endpoint {
        id
        name
        operations {
          key
          method
          path
          description
          paramsSchema
        }
      }
    }
  }
`);

/** Past this many tools the assistant gets a search tool instead of the list (server: MAX_DIRECT_TOOLS). */
const DIRECT_TOOLS = 40;

export function ToolPreviewPanel({
  roleId,
  roleName,
  companyId,
  companyName,
}: {
  roleId: string;
  roleName: string;
  companyId: string;
  companyName: string;
}) {
  const { data, error, loading, refetch } = useQuery(PreviewToolsQuery, {
    variables: { roleId, companyId },
    fetchPolicy: 'cache-and-network',
  });
  const titleId = useId();
  const tools = data?.previewTools;
  // The console of one tool, open under it: what this role would get (previewReadOperation).
  const [trying, setTrying] = useState<string | null>(null);

  return (
    <aside className="panel tool-preview" aria-labelledby={titleId} aria-busy={loading}>
      <h2 id={titleId}>
        Preview as {roleName} at {companyName}
      </h2>
      <p className="small muted">
        The assistant offers exactly these tools to someone who holds only this role here. The list follows your
        changes.
      </p>
      {error && !tools ? (
        <ErrorNotice error={error} onRetry={() => void refetch()} />
      ) : !tools ? (
        <p role="status" className="tool-preview-placeholder">
          Loading the tools…
        </p>
      ) : (
        <>
          <p role="status" className="tool-count">
            {tools.length === 0
              ? 'No tools: the assistant could not reach any of this company’s data for this role.'
              : toolCountText(tools.length, tools.filter((t) => t.writes).length)}
          </p>
          {tools.length > DIRECT_TOOLS && (
            <p className="notice small">
              With more than {DIRECT_TOOLS} tools, the assistant searches this list instead of reading it all at once.
            </p>
          )}
          <ul className="tool-list">
            {tools.map((tool) => (
              <li key={tool.name}>
                <div className="tool-head">
                  <span className={`method method-${tool.method.toLowerCase()}`}>{tool.method}</span>
                  <code className="tool-name">{tool.name}</code>
                </div>
                <p className="small muted">{tool.description}</p>
                {tool.writes && <span className="badge asks-confirmation">Asks for confirmation</span>}
                <button
                  type="button"
                  className="small"
                  aria-expanded={trying === tool.name}
                  aria-label={`Try ${tool.name} as ${roleName}`}
                  onClick={() => setTrying(trying === tool.name ? null : tool.name)}
                >
                  Try
                </button>
                {trying === tool.name && (
                  <OperationConsole
                    companyId={companyId}
                    endpointId={tool.endpoint.id}
                    endpointName={tool.endpoint.name}
                    operation={
                      tool.endpoint.operations.find((o) => o.key === tool.operationKey) ?? {
                        key: tool.operationKey,
                        method: tool.method,
                        path: tool.path,
                      }
                    }
                    previewRole={{ id: roleId, name: roleName }}
                    onClose={() => setTrying(null)}
                  />
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}
