// "Try an operation": the operation's parameters as a form, Send, and the answer (status,
// duration, cached or not, the JSON as a tree). Reads run at once through readOperation; a
// write shows the exact request first and runs through writeOperation only on a second press.
// Both go through the gateway like every other call: the policy, limits, cache, call log and the
// granting role's field rules apply, and the server checks the parameters again.
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { errorMessage } from '../../../session/errors.ts';
import { JsonTree } from './JsonTree.tsx';
import { SchemaForm } from './SchemaForm.tsx';
import {
  allFields,
  formFields,
  paramsOf,
  previewRequest,
  type FormValues,
  type RequestPreview,
} from './schema-form.ts';
import './console.css';

const ReadOperationQuery = graphql(`
  query ConsoleReadOperation($companyId: ID!, $endpointId: ID!, $operation: String!, $params: JSON) {
    readOperation(companyId: $companyId, endpointId: $endpointId, operation: $operation, params: $params) {
      status
      data
      cached
      attempts
      durationMs
    }
  }
`);

const PreviewReadOperationQuery = graphql(`
  query ConsolePreviewReadOperation(
    $roleId: ID!
    $companyId: ID!
    $endpointId: ID!
    $operation: String!
    $params: JSON
  ) {
    previewReadOperation(
      roleId: $roleId
      companyId: $companyId
      endpointId: $endpointId
      operation: $operation
      params: $params
    ) {
      status
      data
      cached
      attempts
      durationMs
    }
  }
`);

const WriteOperationMutation = graphql(`
  mutation ConsoleWriteOperation($companyId: ID!, $endpointId: ID!, $operation: String!, $params: JSON) {
    writeOperation(companyId: $companyId, endpointId: $endpointId, operation: $operation, params: $params) {
      status
      data
      cached
      attempts
      durationMs
    }
  }
`);

interface ConsoleOperation {
  key: string;
  method: string;
  path: string;
  description?: string | null;
  paramsSchema?: unknown;
}

interface Answer {
  status: number;
  data?: unknown;
  cached: boolean;
  attempts: number;
  durationMs: number;
}

interface Props {
  companyId: string;
  endpointId: string;
  endpointName: string;
  operation: ConsoleOperation;
  onClose(): void;
  /** "Preview as": reads run as someone holding only this role would make them; writes are only shown. */
  previewRole?: { id: string; name: string };
}

export function OperationConsole({ companyId, endpointId, endpointName, operation, onClose, previewRole }: Props) {
  const fields = useMemo(() => formFields(operation.paramsSchema), [operation.paramsSchema]);
  const [values, setValues] = useState<FormValues>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState<{ params: Record<string, unknown>; request: RequestPreview } | null>(null);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const client = useApolloClient();
  const [write] = useMutation(WriteOperationMutation);
  const base = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const writes = operation.method.toUpperCase() !== 'GET';
  const variables = (params: Record<string, unknown>) => ({ companyId, endpointId, operation: operation.key, params });

  async function run(send: () => Promise<Answer | undefined>) {
    setBusy(true);
    setFailure(null);
    setAnswer(null);
    try {
      const result = await send();
      if (result) setAnswer(result);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const { params, errors: found } = paramsOf(fields, values);
    setErrors(found);
    if (!params) {
      const first = allFields(fields).find((f) => found[f.path]);
      if (first) formRef.current?.querySelector<HTMLElement>(`[name="${CSS.escape(first.path)}"]`)?.focus();
      return;
    }
    if (writes) {
      // A write is shown exactly as it will be sent and needs a second press.
      setAnswer(null);
      setFailure(null);
      setPending({ params, request: previewRequest(operation.method, operation.path, params) });
      return;
    }
    void run(async () => {
      if (previewRole) {
        const { data } = await client.query({
          query: PreviewReadOperationQuery,
          variables: { ...variables(params), roleId: previewRole.id },
          fetchPolicy: 'no-cache',
        });
        return data?.previewReadOperation;
      }
      const { data } = await client.query({
        query: ReadOperationQuery,
        variables: variables(params),
        fetchPolicy: 'no-cache',
      });
      return data?.readOperation;
    });
  }

  function confirm() {
    if (!pending) return;
    const { params } = pending;
    setPending(null);
    void run(async () => (await write({ variables: variables(params) })).data?.writeOperation);
  }

  const titleId = `${base}-title`;
  return (
    <section className="panel op-console" aria-labelledby={titleId}>
      <div className="title-row">
        <h3 id={titleId}>
          <span className={`method method-${operation.method.toLowerCase()}`}>{operation.method}</span>{' '}
          <code>{operation.key}</code> <span className="muted small">on {endpointName}</span>
          {previewRole && <span className="badge"> as {previewRole.name}</span>}
        </h3>
        <button type="button" onClick={onClose} aria-label={`Close the console of ${operation.key}`}>
          Close
        </button>
      </div>
      {operation.description && <p className="small muted">{operation.description}</p>}
      <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={`Parameters of ${operation.key}`}>
        <SchemaForm
          fields={fields}
          values={values}
          errors={errors}
          idPrefix={base}
          disabled={busy}
          onChange={(path, value) => {
            setValues((v) => ({ ...v, [path]: value }));
            setPending(null);
          }}
        />
        <div className="actions start">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Sending…' : writes ? 'Review request' : 'Send'}
          </button>
        </div>
      </form>
      {pending && (
        <div className="console-confirm" role="alertdialog" aria-labelledby={`${base}-confirm`}>
          <h4 id={`${base}-confirm`}>This request will change data at {endpointName}</h4>
          <pre className="console-request">
            {pending.request.method} {pending.request.target}
            {pending.request.body ? `\n\n${JSON.stringify(pending.request.body, null, 2)}` : ''}
          </pre>
          {previewRole ? (
            <p className="small">
              A preview never changes a company’s data: this is what someone holding {previewRole.name} would send after
              confirming.
            </p>
          ) : null}
          <div className="actions start">
            {!previewRole && (
              <button type="button" className="primary danger" onClick={confirm}>
                Send this request
              </button>
            )}
            <button type="button" onClick={() => setPending(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <div aria-live="polite">
        {failure && (
          <p className="error" role="alert">
            {failure}
          </p>
        )}
        {answer && <AnswerView answer={answer} />}
      </div>
    </section>
  );
}

function AnswerView({ answer }: { answer: Answer }) {
  const ok = answer.status >= 200 && answer.status < 300;
  return (
    <div className="console-answer">
      <p className="console-facts" role="status">
        <span className={`badge ${ok ? 'status-ok' : 'status-bad'}`}>HTTP {answer.status}</span>
        <span>{Math.round(answer.durationMs)} ms</span>
        <span>{answer.cached ? 'from the cache' : 'not cached'}</span>
      </p>
      {answer.data === undefined || answer.data === null ? (
        <p className="small muted">No content.</p>
      ) : (
        <JsonTree value={answer.data} />
      )}
    </div>
  );
}
