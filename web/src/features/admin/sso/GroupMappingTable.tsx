// The company's group → role mappings: at each single sign-on a person's roles here follow the
// groups their provider lists. Edited as a whole and saved at once (the server replaces them).
import { useId, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { errorMessage } from '../../../session/errors.ts';

const SetMappingsMutation = graphql(`
  mutation SetIdentityProviderGroupMappings($companyId: ID!, $mappings: [GroupMappingInput!]!) {
    setIdentityProviderGroupMappings(companyId: $companyId, mappings: $mappings) {
      group
      roleId
    }
  }
`);

interface Mapping {
  group: string;
  roleId: string;
}

export function GroupMappingTable({
  companyId,
  mappings,
  roles,
  groupsOnly,
  onSaved,
}: {
  companyId: string;
  mappings: readonly Mapping[];
  roles: readonly { id: string; name: string }[];
  groupsOnly: boolean;
  onSaved(): void;
}) {
  const [rows, setRows] = useState<Mapping[]>(mappings.map(({ group, roleId }) => ({ group, roleId })));
  const [save, { loading, error }] = useMutation(SetMappingsMutation);
  const [saved, setSaved] = useState(false);
  const title = useId();
  const update = (index: number, change: Partial<Mapping>) => {
    setSaved(false);
    setRows((r) => r.map((row, i) => (i === index ? { ...row, ...change } : row)));
  };

  async function onSave() {
    const complete = rows.filter((r) => r.group.trim() && r.roleId);
    const res = await save({ variables: { companyId, mappings: complete } }).catch(() => null);
    if (res?.data) {
      setSaved(true);
      onSaved();
    }
  }

  return (
    <section aria-labelledby={title} className="sso-mappings">
      <h2 id={title}>Roles from groups</h2>
      <p className="muted">
        At each sign-in, a person gets the roles their groups map to and loses those their groups no longer give.
        {groupsOnly ? ' Groups only is on: roles granted by hand are removed too.' : ' Roles granted by hand stay.'}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Group (claim value)</th>
            <th scope="col">Role in this company</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id until saved; order is stable while editing
            <tr key={index}>
              <td>
                <input
                  aria-label={`Group ${index + 1}`}
                  value={row.group}
                  onChange={(e) => update(index, { group: e.target.value })}
                />
              </td>
              <td>
                <select
                  aria-label={`Role for group ${index + 1}`}
                  value={row.roleId}
                  onChange={(e) => update(index, { roleId: e.target.value })}
                >
                  <option value="">Choose a role…</option>
                  {roles.map((role) => (
                    <option key={role.id} value={role.id}>
                      {role.name}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <button type="button" onClick={() => setRows((r) => r.filter((_, i) => i !== index))}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error && (
        <p className="error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      {saved && (
        <p className="notice" role="status">
          Mappings saved.
        </p>
      )}
      <div className="actions start">
        <button type="button" onClick={() => setRows((r) => [...r, { group: '', roleId: '' }])}>
          Add mapping
        </button>
        <button type="button" className="primary" disabled={loading} onClick={() => void onSave()}>
          Save mappings
        </button>
      </div>
    </section>
  );
}
