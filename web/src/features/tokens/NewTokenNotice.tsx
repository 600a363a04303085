// The token, right after it is made: the only time anyone sees it (the server keeps its hash).
import { useId, useState } from 'react';

export function NewTokenNotice({ token, name, onDone }: { token: string; name: string; onDone(): void }) {
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const titleId = useId();

  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
      setCopied('yes');
    } catch {
      // No clipboard (an insecure origin, or permission refused): the text is selectable.
      setCopied('failed');
    }
  }

  return (
    <section className="card token-new" aria-labelledby={titleId}>
      <h2 id={titleId}>Your new token “{name}”</h2>
      <p className="token-warning" role="alert">
        Copy it now: it is shown only this once. Tessera keeps only a fingerprint of it and cannot show it again.
      </p>
      <div className="token-value">
        {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: names the shown token for voice control and the browser tests; its text is the token. */}
        <code aria-label="The new token">{token}</code>
        <button type="button" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <p className="small muted" role="status" aria-live="polite">
        {copied === 'yes' && 'Copied to the clipboard.'}
        {copied === 'failed' && 'Could not copy: select the token and copy it yourself.'}
      </p>
      <p className="small muted">
        Send it as <code>Authorization: Bearer &lt;token&gt;</code> to <code>/graphql</code> or <code>/mcp</code>.
        Anyone holding it acts as you: keep it secret, and revoke it here if it leaks.
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={onDone}>
          I have copied it
        </button>
      </div>
    </section>
  );
}
