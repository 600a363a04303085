// "Create user" (platform admins): name, email and a first password the admin passes on. The
// form checks what the server will check, and shows each problem next to its field.
import { useId, useRef, useState, type FormEvent } from 'react';
import { CombinedGraphQLErrors } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { errorMessage } from '../../../session/errors.ts';
import { FieldHint, focusFirstError } from '../../../ui/fields.tsx';
import { FormActions } from '../../../ui/FormActions.tsx';
import { formField, MIN_PASSWORD, validateNewUser, type NewUser, type NewUserErrors } from './people.ts';

const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
      name
      email
      isPlatformAdmin
    }
  }
`);

const FIELDS: { key: keyof NewUser; label: string; type: string; autoComplete: string; hint: string }[] = [
  { key: 'name', label: 'Name', type: 'text', autoComplete: 'off', hint: 'As colleagues know them, e.g. “Pat Lee”.' },
  { key: 'email', label: 'Email', type: 'email', autoComplete: 'off', hint: 'They sign in with it.' },
  {
    key: 'password',
    label: 'First password',
    type: 'password',
    autoComplete: 'new-password',
    hint: `At least ${MIN_PASSWORD} characters. Pass it on to them safely.`,
  },
];
const FIELD_ORDER = FIELDS.map((f) => f.key);

export function CreateUserForm({
  onCreated,
  onCancel,
}: {
  onCreated(user: { id: string; name: string; email: string }): void;
  onCancel(): void;
}) {
  const [values, setValues] = useState<NewUser>({ name: '', email: '', password: '' });
  const [platformAdmin, setPlatformAdmin] = useState(false);
  const [errors, setErrors] = useState<NewUserErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [create, { loading }] = useMutation(CreateUserMutation);
  const base = useId();
  const formRef = useRef<HTMLFormElement>(null);

  const focusFirst = (found: NewUserErrors) => focusFirstError(formRef.current, base, FIELD_ORDER, found);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const found = validateNewUser(values);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirst(found);
      return;
    }
    try {
      const { data } = await create({
        variables: {
          input: {
            name: values.name.trim(),
            email: values.email.trim(),
            password: values.password,
            isPlatformAdmin: platformAdmin,
          },
        },
        refetchQueries: ['PeopleList', 'AccessPeople'],
      });
      if (data) onCreated(data.createUser);
    } catch (e) {
      // The server names the field it refuses (e.g. an email already in use): show it there.
      const field = CombinedGraphQLErrors.is(e) ? formField(e.errors[0]?.extensions?.field) : null;
      if (field) {
        const fromServer = { [field]: errorMessage(e) };
        setErrors(fromServer);
        focusFirst(fromServer);
      } else setFormError(errorMessage(e));
    }
  }

  return (
    <form
      ref={formRef}
      className="panel create-user"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-labelledby={`${base}-title`}
    >
      <h2 id={`${base}-title`}>Create user</h2>
      <div className="create-user-fields">
        {FIELDS.map((f) => {
          const id = `${base}-${f.key}`;
          const error = errors[f.key];
          return (
            <div className="field" key={f.key}>
              <label htmlFor={id}>{f.label}</label>
              <input
                id={id}
                type={f.type}
                autoComplete={f.autoComplete}
                value={values[f.key]}
                onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
                aria-invalid={error ? true : undefined}
                aria-describedby={`${id}-hint`}
              />
              <FieldHint id={`${id}-hint`} hint={f.hint} error={error} />
            </div>
          );
        })}
      </div>
      <div className="checkbox">
        <input
          id={`${base}-admin`}
          type="checkbox"
          checked={platformAdmin}
          onChange={(e) => setPlatformAdmin(e.target.checked)}
        />
        <label htmlFor={`${base}-admin`}>Platform admin: may manage every company (rarely needed)</label>
      </div>
      <FormActions
        error={formError}
        busy={loading}
        submitLabel="Create user"
        busyLabel="Creating…"
        onCancel={onCancel}
      />
    </form>
  );
}
