// The widget editor's live result: the operation's answer as someone holding only the chosen role
// would get it (previewReadOperation's path: the role's grant, credential and field rules, audited
// and logged under the administrator), and the draft expression evaluated on it by the very
// evaluator the dashboard uses (the offload worker's widget lane, with its limits).
import type { Db } from '../../db/client.ts';
import type { Gateway } from '../../gateway/gateway.ts';
import { AppError, BadInputError, ErrorCode } from '../../lib/errors.ts';
import { runOffloaded } from '../../offload/offload.ts';
import type { Actor } from '../audit/audit.record.ts';
import { MAX_EXPRESSION_LENGTH } from './widget.expression.ts';
import { previewReadOperation } from '../permission/permission.preview.ts';
import type { WidgetPreview, WidgetPreviewInput } from './widget.types.ts';

export async function previewWidget(
  db: Db,
  gateway: Gateway,
  actor: Actor,
  input: WidgetPreviewInput,
): Promise<WidgetPreview> {
  const { companyId, roleId, endpointId, operationKey, expression } = input;
  // Refused before the API is called: no expression this long could be saved.
  if (expression.length > MAX_EXPRESSION_LENGTH)
    throw new BadInputError(`The expression is too long: at most ${MAX_EXPRESSION_LENGTH} characters.`, 'expression');
  const read = await previewReadOperation(db, gateway, actor, {
    companyId,
    roleId,
    endpointId,
    operation: operationKey,
    params: input.params ?? {},
  });
  const answer = read.data ?? null;
  // No expression yet: the editor shows the sample answer to write one against.
  if (expression.trim() === '') return { answer, result: null, error: null, position: null };
  try {
    const [evaluated] = (
      await runOffloaded(
        'evaluateWidgets',
        { answer, expressions: [expression] },
        { owner: companyId, subject: "A widget's expression", lane: 'widgets' },
      )
    ).value;
    if (!evaluated) return { answer, result: null, error: 'The expression gave no result.', position: null };
    if (evaluated.ok) return { answer, result: evaluated.metric, error: null, position: null };
    return { answer, result: null, error: evaluated.message, position: evaluated.position };
  } catch (error) {
    // The worker's hard limits (time, memory) or a full queue are typed; anything else is a bug.
    if (!(error instanceof AppError)) throw error;
    const message =
      error.code === ErrorCode.RATE_LIMITED
        ? 'The server is busy: try again in a moment.'
        : 'The expression took too long or needed too much memory, and was stopped.';
    return { answer, result: null, error: message, position: null };
  }
}
