// Opaque keyset cursors for the audit log: a position in (createdAt desc, id desc) order.
// Keyset, not OFFSET, so a page after rows were added elsewhere neither repeats nor skips rows,
// and a deep page costs what the first one does. The format is private: clients pass it back.
import { BadInputError } from '../../lib/errors.ts';

export interface AuditPosition {
  createdAt: Date;
  id: bigint;
}

const PREFIX = 'a1:';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ID = /^[1-9]\d{0,18}$/;

export function encodeCursor({ createdAt, id }: AuditPosition): string {
  return Buffer.from(`${PREFIX}${createdAt.toISOString()}|${id}`, 'utf8').toString('base64url');
}

/** The position a cursor names; anything this server did not make is BAD_USER_INPUT. */
export function decodeCursor(cursor: string, field = 'after'): AuditPosition {
  const invalid = () =>
    new BadInputError('This cursor is not valid: pass an endCursor from a previous page, unchanged.', field);
  if (cursor.length > 100 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(PREFIX)) throw invalid();
  const [at, id, ...rest] = text.slice(PREFIX.length).split('|');
  if (rest.length || !at || !id || !ISO.test(at) || !ID.test(id)) throw invalid();
  const createdAt = new Date(at);
  const position = { createdAt, id: BigInt(id) };
  // A round trip must give the same text: rejects impossible dates (2024-02-31) and ids past bigint.
  if (Number.isNaN(createdAt.getTime()) || position.id > 9223372036854775807n || encodeCursor(position) !== cursor)
    throw invalid();
  return position;
}
