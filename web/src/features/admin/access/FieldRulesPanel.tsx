// "Response fields": for one role in one company, which fields of an operation's answers the
// role sees. The gateway applies the rule to every call (readOperation, dashboards, the
// assistant); this editor lists the role's rules and sets or deletes one operation's.
import { useId, useState, type FormEvent } from 'react';
import { CombinedGraphQLErrors } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';
import type { FieldRulesEditorQuery as FieldRulesEditorQueryResult } from '../../../gql/graphql.ts';
import { errorMessage } from '../../../session/errors.ts';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { ErrorNotice } from '../../../ui/ErrorNotice.tsx';
import { FieldHint } from '../../../ui/fields.tsx';
import { MODE_LABEL, pathsFromText, ruleSummary, textFromPaths, type FieldRuleMode } from './field-rules.ts';
import './field-rules.css';

const FieldRulesEditorQuery = graphql(`
  query FieldRulesEditor($roleId: ID!, $companyId: ID!) {
    roleAccess(roleId: $roleId, companyId: $companyId) {
      access
      endpoint {
        id
      }
    }
    endpoints(companyId: $companyId) {
      id
      name
      operations {
        id
        key
        method
      }
    }
    fieldRules(companyId: $companyId) {
      id
      mode
      paths
      operation {
        id
      }
      role {
        id
      }
    }
  }
`);

const SetFieldRuleMutation = graphql(`
  mutation SetFieldRule($input: SetFieldRuleInput!) {
    setFieldRule(input: $input) {
      id
      mode
      paths
    }
  }
`);

const DeleteFieldRuleMutation = graphql(`
  mutation DeleteFieldRule($operationId: ID!, $roleId: ID!, $companyId: ID!) {
    deleteFieldRule(operationId: $operationId, roleId: $roleId, companyId: $companyId)
  }
`);

const MODES: FieldRuleMode[] = ['REMOVE', 'ALLOW'];
const REFETCH = { refetchQueries: ['FieldRulesEditor'], awaitRefetchQueries: true };

/** A problem with the paths shows under the textarea; any other above the buttons. */
function placeError(error: unknown): { paths: string | null; form: string | null } {
  const first = CombinedGraphQLErrors.is(error) ? error.errors[0] : undefined;
  const onPaths = first?.extensions?.code === 'BAD_USER_INPUT' && first.extensions.field === 'paths';
  return onPaths ? { paths: errorMessage(error), form: null } : { paths: null, form: errorMessage(error) };
}

interface Props {
  roleId: string;
  roleName: string;
  companyId: string;
  companyName: string;
}

type EditorData = FieldRulesEditorQueryResult;
type Endpoint = EditorData['endpoints'][number];
type Rule = EditorData['fieldRules'][number];
type Errors = { paths: string | null; form: string | null };
const NO_ERRORS: Errors = { paths: null, form: null };

/** The role's rules and what to say of each: where it applies, and whether it is in effect yet. */
function rulesOfRole(data: EditorData | undefined, roleId: string, roleName: string) {
  const endpoints = data?.endpoints ?? [];
  const mine = (data?.fieldRules ?? []).filter((r) => r.role.id === roleId);
  const ruleOf = (opId: string) => mine.find((r) => r.operation.id === opId) ?? null;
  const endpointOf = (opId: string) => endpoints.find((e) => e.operations.some((o) => o.id === opId)) ?? null;
  const where = (opId: string) => {
    const endpoint = endpointOf(opId);
    const op = endpoint?.operations.find((o) => o.id === opId);
    return endpoint && op ? `${endpoint.name} · ${op.key}` : 'An operation';
  };
  /** A rule on an API the role cannot use changes nothing until it may (say so, or it looks broken). */
  const inert = (opId: string) => {
    const endpoint = endpointOf(opId);
    const access = data?.roleAccess.find((g) => g.endpoint.id === endpoint?.id)?.access;
    return endpoint && access === 'NONE' ? `Not in effect yet: ${roleName} cannot use ${endpoint.name}.` : null;
  };
  return { endpoints, mine, ruleOf, where, inert };
}

type RulesOfRole = ReturnType<typeof rulesOfRole>;

/** The rule being edited (one operation's): its draft, and saving or deleting it. */
function useRuleDraft({ roleId, companyId }: Pick<Props, 'roleId' | 'companyId'>, ruleOf: RulesOfRole['ruleOf']) {
  const [save] = useMutation(SetFieldRuleMutation);
  const [remove] = useMutation(DeleteFieldRuleMutation);
  const [operationId, setOperationId] = useState('');
  const [mode, setMode] = useState<FieldRuleMode>('REMOVE');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Errors>(NO_ERRORS);
  const [status, setStatus] = useState('');

  function choose(opId: string) {
    const rule = ruleOf(opId);
    setOperationId(opId);
    setMode((rule?.mode as FieldRuleMode | undefined) ?? 'REMOVE');
    setText(rule ? textFromPaths(rule.paths) : '');
    setErrors(NO_ERRORS);
    setStatus('');
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!operationId) return;
    setBusy(true);
    setErrors(NO_ERRORS);
    setStatus('');
    try {
      const res = await save({
        variables: { input: { companyId, roleId, operationId, mode, paths: pathsFromText(text) } },
        ...REFETCH,
      });
      if (res.data) setText(textFromPaths(res.data.setFieldRule.paths));
      setStatus('Saved. Every call of this operation by this role is filtered from now on.');
    } catch (e) {
      setErrors(placeError(e));
    } finally {
      setBusy(false);
    }
  }

  async function deleteRule() {
    setErrors(NO_ERRORS);
    try {
      await remove({ variables: { companyId, roleId, operationId }, ...REFETCH });
      setText('');
      setMode('REMOVE');
      setStatus('Deleted. This role sees whole answers of this operation again.');
    } catch (e) {
      setErrors({ paths: null, form: errorMessage(e) });
    }
  }

  return {
    operationId,
    mode,
    setMode,
    text,
    setText,
    busy,
    errors,
    status,
    current: operationId ? ruleOf(operationId) : null,
    choose,
    submit,
    deleteRule,
  };
}

type RuleDraft = ReturnType<typeof useRuleDraft>;

/** Mount with key={roleId + companyId}: the draft belongs to one role in one company. */
export function FieldRulesPanel({ roleId, roleName, companyId, companyName }: Props) {
  const { data, error, refetch } = useQuery(FieldRulesEditorQuery, {
    variables: { roleId, companyId },
    fetchPolicy: 'cache-and-network',
  });
  const rules = rulesOfRole(data, roleId, roleName);
  const draft = useRuleDraft({ roleId, companyId }, rules.ruleOf);
  const id = useId();

  if (error && !data) return <ErrorNotice error={error} onRetry={() => void refetch()} />;

  return (
    <section className="panel field-rules" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        Response fields for {roleName} at {companyName}
      </h2>
      <p className="small muted">
        Hide parts of an API’s answers from this role: the rule applies to every call, on dashboards and in the
        assistant too. A path names keys separated by dots, with [] for every element of a list, e.g.{' '}
        <code>data[].customer.email</code>.
      </p>
      {!data ? (
        <p role="status">Loading the rules…</p>
      ) : (
        <RuleList rules={rules} roleName={roleName} onEdit={draft.choose} />
      )}
      <RuleForm id={id} draft={draft} rules={rules} roleName={roleName} loaded={Boolean(data)} />
    </section>
  );
}

function RuleList({
  rules: { mine, where, inert },
  roleName,
  onEdit,
}: {
  rules: RulesOfRole;
  roleName: string;
  onEdit: (operationId: string) => void;
}) {
  if (mine.length === 0) return <p className="small">No rule yet: {roleName} sees whole answers.</p>;
  return (
    <ul className="field-rule-list">
      {mine.map((rule: Rule) => (
        <li key={rule.id}>
          <span>
            <strong>{where(rule.operation.id)}</strong>
            <span className="small muted block">{ruleSummary(rule.mode as FieldRuleMode, rule.paths)}</span>
            {inert(rule.operation.id) && <span className="small block">{inert(rule.operation.id)}</span>}
          </span>
          <button
            type="button"
            onClick={() => onEdit(rule.operation.id)}
            aria-label={`Edit the rule on ${where(rule.operation.id)}`}
          >
            Edit
          </button>
        </li>
      ))}
    </ul>
  );
}

function RuleForm({
  id,
  draft,
  rules,
  roleName,
  loaded,
}: {
  id: string;
  draft: RuleDraft;
  rules: RulesOfRole;
  roleName: string;
  loaded: boolean;
}) {
  const { operationId, mode, text, busy, errors, status, current } = draft;
  return (
    <form onSubmit={(e) => void draft.submit(e)} noValidate>
      <div className="field-rule-choices">
        <div className="field">
          <label htmlFor={`${id}-operation`}>Operation</label>
          <select
            id={`${id}-operation`}
            value={operationId}
            onChange={(e) => draft.choose(e.target.value)}
            disabled={!loaded}
          >
            <option value="">Choose an operation…</option>
            <OperationOptions endpoints={rules.endpoints} ruleOf={rules.ruleOf} />
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-mode`}>Rule</label>
          <select
            id={`${id}-mode`}
            value={mode}
            onChange={(e) => draft.setMode(e.target.value as FieldRuleMode)}
            disabled={!operationId}
          >
            {MODES.map((m) => (
              <option key={m} value={m}>
                {MODE_LABEL[m]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-paths`}>Paths, one per line</label>
        <textarea
          id={`${id}-paths`}
          rows={4}
          value={text}
          onChange={(e) => draft.setText(e.target.value)}
          disabled={!operationId}
          spellCheck={false}
          placeholder={'data[].customer.email\naccounts[].accountNumber'}
          aria-invalid={errors.paths ? true : undefined}
          aria-describedby={`${id}-paths-hint`}
        />
        <FieldHint
          id={`${id}-paths-hint`}
          hint="At most 100 paths. No wildcards: [] already means every element."
          error={errors.paths ?? undefined}
        />
      </div>
      {errors.form && (
        <p className="error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="actions">
        {current && (
          <ConfirmButton
            title="Delete this rule?"
            message={`${roleName} will see whole answers of ${rules.where(current.operation.id)} again.`}
            onConfirm={draft.deleteRule}
          >
            Delete rule
          </ConfirmButton>
        )}
        <button type="submit" className="primary" disabled={busy || !operationId}>
          {busy ? 'Saving…' : 'Save rule'}
        </button>
      </div>
      <p role="status" className="small muted">
        {status}
      </p>
    </form>
  );
}

function OperationOptions({ endpoints, ruleOf }: { endpoints: Endpoint[]; ruleOf: RulesOfRole['ruleOf'] }) {
  return endpoints.map((endpoint) => (
    <optgroup key={endpoint.id} label={endpoint.name}>
      {endpoint.operations.map((op) => (
        <option key={op.id} value={op.id}>
          {op.method} {op.key}
          {ruleOf(op.id) ? ' (has a rule)' : ''}
        </option>
      ))}
    </optgroup>
  ));
}
