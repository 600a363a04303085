// The expressions below were also evaluated with JSONata 2.2.2 on these answers (the server's
// evaluator): 3, 175, [{paid: 2}, {overdue: 1}] as points, 50; and won 2 / lost 1.
import { describe, expect, it } from 'vitest';
import type { DashboardWidgetKind, SeriesMeaning } from '../../../gql/graphql.ts';
import { EMPTY_WIDGET, formValuesOf, inputOf, keyOf, suggestionsFor, validate } from './widget-form.ts';

const answer = {
  invoices: [
    { id: 'a', status: 'paid', amount: 100, issuedAt: '2026-01-02' },
    { id: 'b', status: 'overdue', amount: 50, issuedAt: '2026-03-01' },
    { id: 'c', status: 'paid', amount: 25, issuedAt: '2026-02-01' },
  ],
};

describe('the widget editor form', () => {
  it('suggests a count, a sum, a grouping by the field with fewest values, and the latest value', () => {
    expect(suggestionsFor(answer).map((s) => [s.label, s.expression, s.kind])).toEqual([
      ['Count of the list', '$count(invoices)', 'STAT'],
      ['Sum of amount', '$sum(invoices.amount)', 'STAT'],
      [
        'Count by status',
        '[$each(invoices{ status: $count($) }, function($v, $k) { { "label": $k, "value": $v } })]',
        'BAR',
      ],
      ['Latest amount', '$sort(invoices, function($a, $b) { $a.issuedAt > $b.issuedAt })[-1].amount', 'STAT'],
    ]);
  });

  it('reads a list at the top, quotes odd field names, and offers nothing without a list', () => {
    const rows = [{ 'the stage': 'won' }, { 'the stage': 'won' }, { 'the stage': 'lost' }];
    expect(suggestionsFor(rows).map((s) => s.expression)).toEqual([
      '$count($)',
      '[$each(${ `the stage`: $count($) }, function($v, $k) { { "label": $k, "value": $v } })]',
    ]);
    expect(suggestionsFor({ total: 3 })).toEqual([]);
  });

  it('checks the fields it can and writes the server input', () => {
    expect(validate(EMPTY_WIDGET)).toMatchObject({ operationKey: expect.any(String), title: expect.any(String) });
    expect(validate({ ...EMPTY_WIDGET, operationKey: 'x', title: 'X', expression: '1', refreshSeconds: '5' })).toEqual({
      refreshSeconds: expect.any(String),
    });
    const values = { ...EMPTY_WIDGET, endpointId: 'e', operationKey: 'op', title: 'Open deals (€)', expression: '1' };
    expect(inputOf({ ...values, refreshSeconds: '60', roleIds: ['r1', 'r2'] }, 'c', 3)).toMatchObject({
      key: 'open_deals',
      refreshSeconds: 60,
      format: null,
      unit: null,
      position: 3,
      roles: [
        { roleId: 'r1', position: 0 },
        { roleId: 'r2', position: 1 },
      ],
    });
    expect(keyOf('Über')).toBe('uber');
  });

  it('keeps what the editor does not show (parameters, fan-out, colours) when a widget is saved again', () => {
    const seeded = {
      endpoint: { id: 'e' },
      operationKey: 'listInvoices',
      title: 'Invoices by status',
      key: 'by_status',
      kind: 'PIE' as DashboardWidgetKind,
      expression: '$groupBy(invoices, "status")',
      params: { limit: 100 },
      fanOut: null,
      colours: [{ label: 'overdue', meaning: 'BAD' as SeriesMeaning }],
      roles: [
        { role: { id: 'r2' }, position: 1 },
        { role: { id: 'r1' }, position: 0 },
      ],
    };
    expect(inputOf(formValuesOf(seeded), 'c', 0)).toMatchObject({
      key: 'by_status',
      params: { limit: 100 },
      fanOut: null,
      colours: [{ label: 'overdue', meaning: 'BAD' }],
      roles: [
        { roleId: 'r1', position: 0 },
        { roleId: 'r2', position: 1 },
      ],
    });
  });
});
