// What each access level means, in words an administrator reads next to the control. The
// server's policy decides; this only describes it (READ = GET operations, WRITE = all:
// company/policy.ts accessAllows).
import { accessAllows, accessChanges } from '../../../company/policy.ts';

export type Level = 'NONE' | 'READ' | 'WRITE';

export const LEVELS: readonly Level[] = ['NONE', 'READ', 'WRITE'];

export const LEVEL_LABEL: Record<Level, string> = { NONE: 'None', READ: 'Read', WRITE: 'Write' };

export const LEVEL_HINT: Record<Level, string> = {
  NONE: 'cannot use the API at all',
  READ: 'may look data up (GET operations)',
  WRITE: 'may also change data (every operation; the assistant asks before each change)',
};

/** How many of an API's operations a level allows, as a short sentence. */
export function coverageText(operations: readonly { method: string }[], level: Level): string {
  const total = operations.length;
  if (total === 0) return 'This API has no operations yet.';
  const reads = operations.filter((o) => o.method.toUpperCase() === 'GET').length;
  const changes = total - reads;
  if (!accessAllows(level, 'GET')) return 'Nothing: this role cannot call the API.';
  if (!accessChanges(level)) {
    if (reads === 0) return 'Nothing: every operation of this API changes data.';
    if (reads < total) return `${reads} of ${total} operations: the ones that look data up.`;
    return total === 1 ? 'Its one operation, which looks data up.' : `All ${total} operations: they all look data up.`;
  }
  if (changes === 0) return total === 1 ? 'Its one operation.' : `All ${total} operations.`;
  return `All ${total} operations, ${changes === 1 ? '1 of which changes' : `${changes} of which change`} data.`;
}

/** The preview's summary: how many tools, and how many of them change data. */
export function toolCountText(total: number, writes: number): string {
  if (total === 1)
    return writes ? '1 tool; it changes data, so it asks for confirmation.' : '1 tool; it looks data up.';
  if (writes === 0) return `${total} tools; all of them look data up.`;
  if (writes === total) return `${total} tools; all of them change data, so they ask for confirmation.`;
  return `${total} tools; ${writes} of them change data, so they ask for confirmation.`;
}
