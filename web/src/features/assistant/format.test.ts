import { describe, expect, it } from 'vitest';
import {
  actionArgs,
  describeTool,
  displayStatus,
  expiresIn,
  messageProblem,
  modelLabel,
  prettyJson,
  resolvePath,
  suggestPrompts,
  summarizeResult,
} from './format.ts';

describe('the request of a pending action', () => {
  it('fills path parameters as the gateway does, and leaves missing ones visible', () => {
    expect(resolvePath('/opportunities/{id}', { id: 'opp 1/2' })).toBe('/opportunities/opp%201%2F2');
    expect(resolvePath('/repos/{repo}/issues', {})).toBe('/repos/{repo}/issues');
    expect(
      resolvePath('/opportunities/{id}', actionArgs({ params: { id: 'opp_1' }, body: { stage: 'Closed Won' } }).params),
    ).toBe('/opportunities/opp_1');
    expect(actionArgs('not an object')).toEqual({ params: {}, body: null });
    expect(actionArgs({ params: [1], body: { a: 1 } })).toEqual({ params: {}, body: { a: 1 } });
  });

  it('shows the stored arguments exactly, pretty-printed', () => {
    const args = { params: {}, body: { name: 'Deal', amount: 4242 } };
    expect(prettyJson(args)).toBe('{\n  "params": {},\n  "body": {\n    "name": "Deal",\n    "amount": 4242\n  }\n}');
    expect(JSON.parse(prettyJson(args))).toEqual(args);
  });
});

describe('summarizeResult', () => {
  it('names the notable fields of an object first', () => {
    expect(summarizeResult({ amount: 4242, accountId: 'acc_1', name: 'Deal', id: 'opp_1', stage: 'Prospecting' })).toBe(
      'id: opp_1 · name: Deal · stage: Prospecting · amount: 4242',
    );
    expect(summarizeResult({ data: { id: 'x', title: 'T' } })).toBe('id: x · title: T');
  });

  it('counts lists, and says so when there is nothing', () => {
    expect(summarizeResult([1, 2, 3])).toBe('3 items.');
    expect(summarizeResult([1])).toBe('1 item.');
    expect(summarizeResult(null)).toBe('No content.');
    expect(summarizeResult({ nested: { a: 1 } })).toBe('1 field.');
    expect(summarizeResult('x'.repeat(500))).toHaveLength(160);
  });
});

describe('describeTool', () => {
  const proposed = new Set(['sales-api__createOpportunity']);
  it('splits endpoint and operation, and words the outcome', () => {
    expect(describeTool({ tool: 'finance-api__getCashBalance', status: 200, ok: true }, proposed)).toEqual({
      endpoint: 'finance-api',
      operation: 'getCashBalance',
      outcome: 'HTTP 200',
      tone: 'ok',
    });
    expect(describeTool({ tool: 'sales-api__createOpportunity', status: null, ok: true }, proposed)).toMatchObject({
      outcome: 'proposed: waits for your decision',
      tone: 'proposed',
    });
    expect(describeTool({ tool: 'hr-api__getHeadcount', status: null, ok: false }, proposed)).toMatchObject({
      outcome: 'not run',
      tone: 'failed',
    });
    expect(describeTool({ tool: 'finance-api__listInvoices', status: 503, ok: false }, proposed)).toMatchObject({
      outcome: 'failed: HTTP 503',
      tone: 'failed',
    });
    expect(describeTool({ tool: 'search_operations', status: null, ok: true }, proposed)).toEqual({
      endpoint: null,
      operation: 'search_operations',
      outcome: 'done',
      tone: 'ok',
    });
  });
});

describe('status and time of an action', () => {
  const now = Date.parse('2026-01-01T00:10:00.000Z');
  it('shows a pending action past its time as expired', () => {
    expect(displayStatus({ status: 'pending', expiresAt: '2026-01-01T00:15:00.000Z' }, now)).toBe('pending');
    expect(displayStatus({ status: 'pending', expiresAt: '2026-01-01T00:10:00.000Z' }, now)).toBe('expired');
    expect(displayStatus({ status: 'executed', expiresAt: '2026-01-01T00:00:00.000Z' }, now)).toBe('executed');
    expect(displayStatus({ status: 'something new', expiresAt: '2026-01-01T00:15:00.000Z' }, now)).toBe('failed');
  });

  it('counts the minutes left, rounding up', () => {
    expect(expiresIn('2026-01-01T00:15:00.000Z', now)).toBe('expires in 5 minutes');
    expect(expiresIn('2026-01-01T00:14:00.001Z', now)).toBe('expires in 5 minutes');
    expect(expiresIn('2026-01-01T00:10:30.000Z', now)).toBe('expires in less than a minute');
  });
});

describe('messageProblem', () => {
  it('refuses empty and overlong messages, with a sentence', () => {
    expect(messageProblem('  \n ')).toMatch(/Write a question/);
    expect(messageProblem('x'.repeat(4001))).toMatch(/at most 4000 characters; this one has 4001/);
    expect(messageProblem(' How is our pipeline? ')).toBeNull();
  });
});

describe('suggestPrompts', () => {
  const sales = {
    access: 'WRITE',
    endpoint: {
      name: 'Sales API',
      operations: [
        { key: 'listAccounts', method: 'GET' },
        { key: 'listOpportunities', method: 'GET' },
        { key: 'createOpportunity', method: 'POST' },
      ],
    },
  };
  const finance = {
    access: 'READ',
    endpoint: {
      name: 'Finance API',
      operations: [
        { key: 'getCashBalance', method: 'GET' },
        { key: 'listInvoices', method: 'GET' },
        { key: 'createInvoice', method: 'POST' },
      ],
    },
  };
  const custom = {
    access: 'READ',
    endpoint: { name: 'Fleet API', operations: [{ key: 'listTrucks', method: 'GET' }] },
  };

  it('suggests questions about what the person may read', () => {
    expect(suggestPrompts([sales, finance, custom], { writes: false })).toEqual([
      'How is our pipeline?',
      'What is our cash balance?',
      'Which invoices are overdue?',
      'Show our trucks from the Fleet API.',
    ]);
    expect(suggestPrompts([], { writes: true })).toEqual([]);
    expect(suggestPrompts([{ ...finance, access: 'NONE' }], { writes: false })).toEqual([]);
  });

  it('suggests a change only with a model that proposes them, and only where the person may write', () => {
    expect(suggestPrompts([sales, finance], { writes: true })).toContain('Create a new opportunity in the Sales API.');
    expect(suggestPrompts([finance], { writes: true }).some((p) => p.startsWith('Create'))).toBe(false);
    expect(suggestPrompts([sales, finance, custom], { writes: true, max: 3 })).toHaveLength(3);
    expect(suggestPrompts([sales, finance, custom], { writes: true, max: 3 }).at(-1)).toMatch(/^Create/);
  });
});

describe('modelLabel', () => {
  it('names the offline planner and strips the provider prefix', () => {
    expect(modelLabel('offline-planner')).toBe('the offline planner (reads only)');
    expect(modelLabel('openai:gpt-4o-mini')).toBe('gpt-4o-mini');
    expect(modelLabel('other')).toBe('other');
  });
});
