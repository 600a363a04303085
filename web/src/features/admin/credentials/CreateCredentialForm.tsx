// "Add credential": which API, who uses it (one role, or every role of the company), a name,
// the kind, then the kind's own fields. Problems show next to their field, the server's too.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { FieldHint, focusField, focusFirstError } from '../../../ui/fields.tsx';
import { FormActions } from '../../../ui/FormActions.tsx';
import { NamedOptions } from '../../../ui/NamedOptions.tsx';
import { buildSecret, kindDefinition, type CredentialKind, type FieldErrors } from './credential-kinds.ts';
import { kindPrefill, offeredKinds, type DeclaredAuth } from './auth-form.ts';
import { kindLabels, KindFields, placeServerError, readKindFields } from './KindFields.tsx';

const CreateCredentialMutation = graphql(`
  mutation CreateCredential($input: CreateCredentialInput!) {
    createCredential(input: $input) {
      id
      name
    }
  }
`);

/** The role select's value for a company-wide credential ("" means nothing chosen yet). */
const SHARED = 'shared';

interface Named {
  id: string;
  name: string;
}

/** An API to choose, with how it authenticates (null: not declared). */
interface EndpointChoice extends Named {
  auth?: DeclaredAuth | null;
}

interface Props {
  companyId: string;
  endpoints: readonly EndpointChoice[];
  roles: readonly Named[] | undefined;
  initialEndpointId?: string;
  onCreated(credential: { id: string; name: string }): unknown;
  onCancel(): void;
}

export function CreateCredentialForm({ companyId, endpoints, roles, initialEndpointId, onCreated, onCancel }: Props) {
  const [endpointId, setEndpointId] = useState(initialEndpointId ?? (endpoints.length === 1 ? endpoints[0]!.id : ''));
  const [roleChoice, setRoleChoice] = useState('');
  const [name, setName] = useState('');
  const auth = endpoints.find((e) => e.id === endpointId)?.auth ?? null;
  const kinds = offeredKinds(auth);
  const [chosenKind, setKind] = useState<CredentialKind>('BEARER');
  // The API's declared auth decides which kinds are offered; the choice follows the API.
  const kind = kinds.includes(chosenKind) ? chosenKind : (kinds[0] ?? chosenKind);
  const prefill = kindPrefill(auth, kind);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [create, { loading }] = useMutation(CreateCredentialMutation);
  const base = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const id = (key: string) => `${base}-${key}`;
  const order = ['endpoint', 'role', 'name', 'kind', ...kindDefinition(kind).fields.map((f) => f.key)];

  // Opened from a section far down the page: start where the person will type first.
  useEffect(() => {
    const first = initialEndpointId ? 'role' : 'endpoint';
    focusField(formRef.current, `${base}-${first}`);
  }, [base, initialEndpointId]);

  const show = (found: FieldErrors) => {
    setErrors(found);
    focusFirstError(formRef.current, base, order, found);
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const form = event.currentTarget;
    const found: FieldErrors = {};
    if (!endpointId) found.endpoint = 'Choose the API this credential is for.';
    else if (kinds.length === 0) found.endpoint = 'This API declares no authentication: it needs no credential.';
    if (!roleChoice) found.role = 'Choose a role, or “Shared by every role”.';
    if (!name.trim()) found.name = 'Give it a name, e.g. “GitHub token for developers”.';
    else if (name.trim().length > 120) found.name = 'A name has at most 120 characters.';
    const { secret, errors: secretErrors } = buildSecret(kind, readKindFields(form, kind));
    Object.assign(found, secretErrors);
    if (Object.keys(found).length > 0 || !secret) return show(found);
    try {
      const { data } = await create({
        variables: {
          input: {
            companyId,
            endpointId,
            roleId: roleChoice === SHARED ? null : roleChoice,
            name: name.trim(),
            kind,
            secret,
          },
        },
      });
      form.reset();
      if (data) await onCreated(data.createCredential);
    } catch (e) {
      const placed = placeServerError(e, { ...kindLabels(kind), name: 'Name', endpoint: 'API', role: 'Used by' });
      setFormError(placed.formError);
      if (Object.keys(placed.errors).length > 0) show(placed.errors);
    }
  }

  const hint = (key: string, text: string) => <FieldHint id={`${id(key)}-hint`} hint={text} error={errors[key]} />;
  const invalid = (key: string) => (errors[key] ? true : undefined);

  return (
    <form
      ref={formRef}
      className="cred-form card"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-labelledby={id('title')}
    >
      <h2 id={id('title')}>Add credential</h2>
      <div className="cred-fields">
        <div className="field">
          <label htmlFor={id('endpoint')}>API</label>
          <select
            id={id('endpoint')}
            value={endpointId}
            onChange={(e) => setEndpointId(e.target.value)}
            aria-invalid={invalid('endpoint')}
            aria-describedby={`${id('endpoint')}-hint`}
          >
            <option value="">Choose an API…</option>
            <NamedOptions items={endpoints} />
          </select>
          {hint('endpoint', 'Calls to this API will use it.')}
        </div>
        <div className="field">
          <label htmlFor={id('role')}>Used by</label>
          <select
            id={id('role')}
            value={roleChoice}
            onChange={(e) => setRoleChoice(e.target.value)}
            aria-invalid={invalid('role')}
            aria-describedby={`${id('role')}-hint`}
            disabled={!roles}
          >
            <option value="">{roles ? 'Choose who uses it…' : 'Loading roles…'}</option>
            <option value={SHARED}>Shared by every role</option>
            <NamedOptions items={roles} />
          </select>
          {hint('role', 'A role’s own credential wins; the shared one is used by roles without one.')}
        </div>
        <div className="field">
          <label htmlFor={id('name')}>Name</label>
          <input
            id={id('name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoComplete="off"
            aria-invalid={invalid('name')}
            aria-describedby={`${id('name')}-hint`}
          />
          {hint('name', 'For you and other admins, e.g. “GitHub token for developers”.')}
        </div>
        <div className="field">
          <label htmlFor={id('kind')}>Kind</label>
          <select
            id={id('kind')}
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as CredentialKind);
              setErrors({});
            }}
            aria-describedby={`${id('kind')}-hint`}
          >
            {kinds.map((k) => (
              <option key={k} value={k}>
                {kindDefinition(k).label}
              </option>
            ))}
          </select>
          {hint(
            'kind',
            kinds.length === 1 && auth
              ? `The only kind this API takes. ${kindDefinition(kind).summary}`
              : kindDefinition(kind).summary,
          )}
        </div>
      </div>
      <fieldset className="cred-secret">
        <legend>{kindDefinition(kind).label}</legend>
        <p className="small muted">Secrets are encrypted when you save and are never shown again, not even to you.</p>
        {prefill.note && <p className="small auth-note">{prefill.note}</p>}
        <KindFields
          key={`${endpointId}-${kind}`}
          kind={kind}
          idPrefix={base}
          errors={errors}
          defaults={prefill.defaults}
          fixed={prefill.fixed}
        />
      </fieldset>
      <FormActions error={formError} busy={loading} submitLabel="Save credential" onCancel={onCancel} />
    </form>
  );
}
