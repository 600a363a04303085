// "Import OpenAPI": paste a document or choose a file, preview what the import would change (a
// dry run: nothing written), then import. A native modal <dialog>, like ui/ConfirmButton.tsx:
// focus moves in and back, Escape closes. The server's refusals are shown inside the dialog.
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import type { ImportOpenApiMutation } from '../../../gql/graphql';
import { errorMessage } from '../../../session/errors.ts';
import { FieldHint } from '../../../ui/fields.tsx';

const ImportOpenApi = graphql(`
  mutation ImportOpenApi($companyId: ID!, $document: String!, $removeMissing: Boolean, $dryRun: Boolean) {
    importOpenApi(companyId: $companyId, document: $document, removeMissing: $removeMissing, dryRun: $dryRun) {
      endpoint {
        id
        name
        slug
        baseUrl
      }
      created
      operationsCreated
      operationsUpdated
      operationsUnchanged
      operationsRemoved
      warnings
    }
  }
`);

type Report = ImportOpenApiMutation['importOpenApi'];

/** The limit the server applies (a clearer answer than the request being cut off). */
const MAX_BYTES = 1_000_000;

interface Props {
  companyId: string;
  onImported(report: Report): Promise<unknown>;
}

const count = (n: number, what: string) => (n ? `${n} ${what} operation${n === 1 ? '' : 's'}` : null);

/** The page's notice after an import, e.g. "Imported Swagger Petstore: 3 new operations." */
export function importSummary(report: Report): string {
  const parts = [
    count(report.operationsCreated.length, 'new'),
    count(report.operationsUpdated.length, 'changed'),
    count(report.operationsRemoved.length, 'deleted'),
  ].filter(Boolean);
  const next = report.created
    ? ' Give it a credential on the Credentials page and grant roles access on the Access page.'
    : '';
  return `${report.created ? 'Imported' : 'Updated'} ${report.endpoint.name}: ${parts.length ? parts.join(', ') : 'no operation changed'}.${next}`;
}

function KeyList({ label, keys }: { label: string; keys: string[] }) {
  if (keys.length === 0) return null;
  return (
    <li>
      {label} ({keys.length}):{' '}
      {keys.map((k, i) => (
        <span key={k}>
          {i > 0 && ', '}
          <code>{k}</code>
        </span>
      ))}
    </li>
  );
}

export function ImportOpenApiDialog({ companyId, onImported }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
  const [removeMissing, setRemoveMissing] = useState(false);
  const [preview, setPreview] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [run, { loading }] = useMutation(ImportOpenApi);
  const id = useId();

  const reset = () => {
    setPreview(null);
    setError(null);
  };
  const open = () => {
    reset();
    dialogRef.current?.showModal();
  };
  const close = () => dialogRef.current?.close();

  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    reset();
    if (file.size > MAX_BYTES)
      return setError(`${file.name} is ${(file.size / 1_000_000).toFixed(1)} MB; the limit is 1 MB.`);
    setText(await file.text());
  }

  async function submit(dryRun: boolean) {
    setError(null);
    if (!text.trim()) return setError('Paste an OpenAPI document or choose a file first.');
    try {
      const { data } = await run({ variables: { companyId, document: text, removeMissing, dryRun } });
      if (!data) return;
      if (dryRun) return setPreview(data.importOpenApi);
      close();
      setText('');
      setPreview(null);
      await onImported(data.importOpenApi);
    } catch (e) {
      setPreview(null);
      setError(errorMessage(e));
    }
  }

  return (
    <>
      <button type="button" onClick={open}>
        Import OpenAPI
      </button>
      <dialog ref={dialogRef} className="confirm ep-import" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>Import an OpenAPI document</h2>
        <p className="small muted">
          OpenAPI 3.0 or 3.1, JSON or YAML, up to 1 MB. It creates the endpoint, or updates the one with the same slug
          or name; its grants and credentials stay as they are.
        </p>
        <div className="field">
          <label htmlFor={`${id}-file`}>Choose a file</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml"
            onChange={(e) => void chooseFile(e)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-doc`}>…or paste the document</label>
          <textarea
            id={`${id}-doc`}
            rows={8}
            value={text}
            spellCheck={false}
            aria-describedby={`${id}-doc-hint`}
            onChange={(e) => {
              setText(e.target.value);
              reset();
            }}
          />
          <FieldHint
            id={`${id}-doc-hint`}
            hint="The first server URL becomes the base URL; it must be absolute (https://…)."
          />
        </div>
        <div className="ep-import-check">
          <input
            id={`${id}-remove`}
            type="checkbox"
            checked={removeMissing}
            onChange={(e) => {
              setRemoveMissing(e.target.checked);
              reset();
            }}
          />
          <label htmlFor={`${id}-remove`}>Delete operations the document does not have</label>
        </div>

        <div role="status" aria-live="polite">
          {preview && (
            <div className="ep-import-preview">
              <h3>Preview: nothing is saved yet</h3>
              <p>
                {preview.created ? 'Creates the endpoint' : 'Updates the endpoint'}{' '}
                <strong>{preview.endpoint.name}</strong> (<code>{preview.endpoint.slug}</code>).
              </p>
              <ul>
                <KeyList label="New operations" keys={preview.operationsCreated} />
                <KeyList label="Changed operations" keys={preview.operationsUpdated} />
                <KeyList label="Unchanged operations" keys={preview.operationsUnchanged} />
                <KeyList label="Deleted operations" keys={preview.operationsRemoved} />
              </ul>
              {preview.warnings.length > 0 && (
                <>
                  <h4>Warnings ({preview.warnings.length})</h4>
                  <ul className="ep-import-warnings">
                    {preview.warnings.map((w, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list from one preview; warnings may repeat.
                      <li key={i}>{w}</li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          )}
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={close}>
            Cancel
          </button>
          {preview ? (
            <button type="button" className="primary" disabled={loading} onClick={() => void submit(false)}>
              {loading ? 'Importing…' : 'Import'}
            </button>
          ) : (
            <button type="button" className="primary" disabled={loading} onClick={() => void submit(true)}>
              {loading ? 'Checking…' : 'Preview'}
            </button>
          )}
        </div>
      </dialog>
    </>
  );
}
