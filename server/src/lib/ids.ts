// Every id in Tessera is a UUID. Anything else cannot name a row, so callers answer NOT_FOUND
// without asking the database (which would reject the value with an error).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
