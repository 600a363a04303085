import { describe, expect, it } from 'vitest';
import { absoluteTime, actionLabel, actionsOf, dateRange, relativeTime, shortId, summarize } from './audit-format.ts';

describe('action names', () => {
  it('reads known actions in words', () => {
    expect(actionLabel('permission.set')).toBe('Access changed');
    expect(actionLabel('credential.rotate')).toBe('Credential secret replaced');
    expect(actionLabel('auth.login_failed')).toBe('Sign-in failed');
  });

  it('still reads an action it does not know', () => {
    expect(actionLabel('webhook.delivery_failed')).toBe('Webhook delivery failed');
    expect(actionLabel('oddity')).toBe('Oddity');
  });

  it('lists the actions of a family for the filter', () => {
    expect(actionsOf('credential.').map((a) => a.value)).toEqual([
      'credential.create',
      'credential.update',
      'credential.rotate',
      'credential.delete',
      'credential.test',
    ]);
    expect(actionsOf('nothing.')).toEqual([]);
  });
});

describe('summaries', () => {
  it.each([
    ['permission.set', { roleId: 'r', from: 'NONE', to: 'READ' }, 'no access → read'],
    ['credential.create', { name: 'Sales key', kind: 'API_KEY' }, '“Sales key” (api key)'],
    ['credential.update', { name: 'new', renamedFrom: 'old', secretReplaced: false }, '“old” → “new”'],
    ['credential.test', { ok: false, status: 401 }, 'failed (HTTP 401)'],
    ['credential.test', { ok: true, status: 200 }, 'worked'],
    ['membership.grant', { roleId: 'r', roleKey: 'cfo' }, 'cfo'],
    ['endpoint.delete', { slug: 'hr-api' }, 'hr-api'],
    ['auth.login', null, null],
    ['company.update', ['odd'], null],
    [
      'access_token.revoke',
      { name: 'ci', prefix: 'tsr_pat_abcd', via: { accessTokenId: 't1' } },
      'ci · with an access token',
    ],
    [
      'assistant.action_proposed',
      { endpointId: 'e', operation: 'createOpportunity', via: { channel: 'mcp' } },
      'through MCP',
    ],
    [
      'assistant.action_proposed',
      { via: { channel: 'mcp', accessTokenId: 't1' } },
      'through MCP, with an access token',
    ],
  ])('%s %j → %s', (action, details, expected) => {
    expect(summarize(action, details)).toBe(expected);
  });
});

describe('times', () => {
  const now = Date.parse('2025-06-15T12:00:00Z');
  it.each([
    ['2025-06-15T11:59:30Z', 'just now'],
    ['2025-06-15T11:55:00Z', '5 minutes ago'],
    ['2025-06-15T09:00:00Z', '3 hours ago'],
    ['2025-06-14T10:00:00Z', 'yesterday'],
    ['2025-06-01T12:00:00Z', '2 weeks ago'],
    ['2024-06-01T12:00:00Z', 'last year'],
  ])('%s is "%s"', (iso, expected) => {
    expect(relativeTime(iso, now, 'en')).toBe(expected);
  });

  it('formats the absolute time in the given zone', () => {
    expect(absoluteTime('2025-06-15T12:00:00Z', 'en-GB', 'UTC')).toBe('15 Jun 2025, 12:00:00');
  });
});

describe('date range', () => {
  it('turns picked days into [start of from, start of the day after to)', () => {
    expect(dateRange('2025-01-02', '2025-01-05')).toEqual({
      from: new Date(2025, 0, 2).toISOString(),
      to: new Date(2025, 0, 6).toISOString(),
    });
    expect(dateRange('2025-01-31', '2025-01-31')).toEqual({
      from: new Date(2025, 0, 31).toISOString(),
      to: new Date(2025, 1, 1).toISOString(),
    });
  });

  it('leaves out an empty end', () => {
    expect(dateRange('', '')).toEqual({});
    expect(dateRange('2025-01-02', '')).toEqual({ from: new Date(2025, 0, 2).toISOString() });
    expect(dateRange('', '2025-01-02')).toEqual({ to: new Date(2025, 0, 3).toISOString() });
  });

  it('says what is wrong with a reversed or impossible range', () => {
    expect(dateRange('2025-01-05', '2025-01-02')).toEqual({ error: 'The “to” date is before the “from” date.' });
    expect(dateRange('2025-02-31', '')).toEqual({ error: 'Enter dates as year-month-day.' });
    expect(dateRange('yesterday', '')).toEqual({ error: 'Enter dates as year-month-day.' });
  });
});

it('shortens long ids only', () => {
  expect(shortId('0f8c2d3e-1111-4222-8333-444455556666')).toBe('0f8c2d3e…');
  expect(shortId('42')).toBe('42');
});
