// An answer's JSON as a tree whose objects and arrays fold (<details>, so keyboard and screen
// readers work without script). The first two levels start open; long lists are cut with a note.
const OPEN_LEVELS = 2;
const MAX_CHILDREN = 200;

export function JsonTree({ value, label = 'Answer' }: { value: unknown; label?: string }) {
  return (
    <section className="json-tree" aria-label={label}>
      <Node name={null} value={value} depth={0} />
    </section>
  );
}

function Node({ name, value, depth }: { name: string | null; value: unknown; depth: number }) {
  const key = name === null ? null : <span className="json-key">{name}: </span>;
  if (value === null || typeof value !== 'object')
    return (
      <div className="json-leaf">
        {key}
        <span className={`json-${value === null ? 'null' : typeof value}`}>{JSON.stringify(value)}</span>
      </div>
    );
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [String(i), v])
    : Object.entries(value as Record<string, unknown>);
  const summary = Array.isArray(value)
    ? `[${entries.length} item${entries.length === 1 ? '' : 's'}]`
    : `{${entries.length} field${entries.length === 1 ? '' : 's'}}`;
  return (
    <details open={depth < OPEN_LEVELS}>
      <summary>
        {key}
        <span className="muted">{summary}</span>
      </summary>
      <div className="json-children">
        {entries.slice(0, MAX_CHILDREN).map(([k, v]) => (
          <Node key={k} name={k} value={v} depth={depth + 1} />
        ))}
        {entries.length > MAX_CHILDREN && (
          <p className="small muted">…and {entries.length - MAX_CHILDREN} more, not shown.</p>
        )}
      </div>
    </details>
  );
}
