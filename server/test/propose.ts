// Proposes a write as the assistant would (tools.ts writeArgs, then proposeAction), for tests
// about what happens to a pending action without scripting a model.
import { proposeAction } from '../src/assistant/actions.ts';
import { writeArgs } from '../src/assistant/tools.ts';
import { toolName } from '../src/policy/policy.operations.ts';
import type { Db } from '../src/db/client.ts';

export async function proposeForTest(
  db: Db,
  input: {
    userId: string;
    email: string;
    companyId: string;
    endpointId: string;
    operationId: string;
    args: Record<string, unknown>;
  },
) {
  const endpoint = await db.apiEndpoint.findUniqueOrThrow({
    where: { id: input.endpointId },
    select: { id: true, slug: true, name: true, companyId: true, baseUrl: true },
  });
  const operation = await db.endpointOperation.findUniqueOrThrow({
    where: { id: input.operationId },
    select: { id: true, key: true, method: true, path: true, description: true, paramsSchema: true },
  });
  const proposed = await writeArgs(
    { tool: toolName(endpoint.slug, operation.key), endpoint, operation, access: 'WRITE' },
    input.args,
  );
  return proposeAction(
    db,
    { userId: input.userId, email: input.email, requestId: null },
    {
      userId: input.userId,
      companyId: input.companyId,
      conversationId: null,
      endpointId: input.endpointId,
      operationId: input.operationId,
      operationKey: operation.key,
      ...proposed,
    },
  );
}
