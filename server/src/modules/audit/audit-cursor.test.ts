import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './audit-cursor.ts';

const position = { createdAt: new Date('2025-03-04T05:06:07.089Z'), id: 1234n };

describe('audit cursors', () => {
  it('round-trip a position and are opaque base64url', () => {
    const cursor = encodeCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain('2025');
    expect(decodeCursor(cursor)).toEqual(position);
  });

  it('keep the largest bigint id', () => {
    const big = { createdAt: position.createdAt, id: 9223372036854775807n };
    expect(decodeCursor(encodeCursor(big))).toEqual(big);
  });

  const b64 = (text: string) => Buffer.from(text).toString('base64url');
  it.each([
    ['empty', ''],
    ['not base64url', 'abc$%'],
    ['plain text', 'hello'],
    ['no prefix', b64('2025-03-04T05:06:07.089Z|1')],
    ['missing id', b64('a1:2025-03-04T05:06:07.089Z|')],
    ['extra part', b64('a1:2025-03-04T05:06:07.089Z|1|2')],
    ['not an ISO time', b64('a1:yesterday|1')],
    ['impossible date', b64('a1:2025-02-31T00:00:00.000Z|1')],
    ['negative id', b64('a1:2025-03-04T05:06:07.089Z|-1')],
    ['leading zero', b64('a1:2025-03-04T05:06:07.089Z|01')],
    ['id past bigint', b64('a1:2025-03-04T05:06:07.089Z|9999999999999999999')],
    ['too long', 'A'.repeat(101)],
  ])('reject %s with BAD_USER_INPUT', (_name, cursor) => {
    expect(() => decodeCursor(cursor)).toThrowError(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }) }),
    );
  });
});
