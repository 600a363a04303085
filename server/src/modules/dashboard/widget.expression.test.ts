// Widget expressions: checked on save with the character a problem is at; evaluated with limits,
// so a runaway expression is stopped and reported, in the offload worker, without holding the
// main thread's event loop.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { runOffloaded } from '../../offload/offload.ts';
import { checkExpression, evaluateExpressions, metricOf, type Evaluation } from './widget.expression.ts';

const answer = {
  data: [
    { status: 'overdue', amount: 10 },
    { status: 'paid', amount: '2.5' },
    { status: 'open', amount: 4 },
  ],
  total: 3,
};

const one = async (expression: string, input: unknown = answer): Promise<Evaluation> =>
  (await evaluateExpressions({ answer: input, expressions: [expression] }))[0]!;

describe('checking an expression on save', () => {
  it('accepts JSONata, refuses what it cannot read with the position of the problem', () => {
    expect(() => checkExpression('$count($list($).items)')).not.toThrow();
    try {
      checkExpression('$sum(data.amount');
      expect.unreachable();
    } catch (error) {
      const e = error as { extensions: Record<string, unknown>; message: string };
      expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expression', position: 16 });
      expect(e.message).toMatch(/cannot be read: .*\(at character 16\)/);
    }
    expect(() => checkExpression('   ')).toThrow(/empty/);
    expect(() => checkExpression(`${'1 + '.repeat(1_100)}1`)).toThrow(/too long/);
  });
});

describe('evaluating', () => {
  it('turns the answer into a metric with the widget functions', async () => {
    expect(await one('$count($list($).items)')).toEqual({ ok: true, metric: expect.objectContaining({ value: 3 }) });
    expect(await one('$groupBy($list($).items, "status", "amount", ["open"])')).toMatchObject({
      ok: true,
      metric: {
        value: 16.5,
        series: [
          { label: 'open', value: 4 },
          { label: 'overdue', value: 10 },
          { label: 'paid', value: 2.5 },
        ],
      },
    });
    expect(await one('{"value": $total($list($).items, "amount"), "caption": "all", "previous": 12}')).toMatchObject({
      ok: true,
      metric: { value: 16.5, caption: 'all', previous: 12 },
    });
    // One match is one object, not a list of one: [ … ] keeps it a list (rows).
    expect(await one('[$list($).items[status = "open"]]')).toMatchObject({
      ok: true,
      metric: { value: 1, rows: [{ status: 'open', amount: 4 }] },
    });
  });

  it('an answer of another shape is reported as not understood, and a wrong result in words', async () => {
    expect(await one('$count($list($).items)', { hello: 'world' })).toMatchObject({ ok: false, failure: 'shape' });
    expect(await one('"text"')).toMatchObject({ ok: false, failure: 'expression', message: /must give a number/ });
    expect(() => metricOf({ value: 'x' })).toThrow(/value must be a number/);
  });

  it.each([
    ['endless recursion', '($f := function($n) { $f($n + 1) + 1 }; $f(0))'],
    ['an endless loop of steps', '($f := function($n) { $n > 0 ? $f($n - 1) : 0 }; [1..50000].$f(1000))'],
    ['a huge range', '$count([1..10000000])'],
  ])('%s is stopped and reported', async (_name, expression) => {
    const started = Date.now();
    expect(await one(expression)).toMatchObject({ ok: false, failure: 'limit', message: /stopped/ });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a result larger than the limit is refused', async () => {
    expect(await one('[1..20000].{"a": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}')).toMatchObject({
      ok: false,
      failure: 'limit',
      message: /larger than/,
    });
  });
});

describe('in the offload worker', () => {
  it('a hostile expression never holds the event loop more than 50 ms, and one step that runs away ends the worker', async () => {
    // Warm: the worker's start is not what is measured.
    await runOffloaded(
      'evaluateWidgets',
      { answer, expressions: ['1'] },
      { owner: 'c', subject: 'x', lane: 'widgets' },
    );
    // The machine is shared: the loop's own stalls while idle are the baseline (measured: 15 to 50 ms).
    const idle = monitorEventLoopDelay({ resolution: 5 });
    idle.enable();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    idle.disable();
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const [stepwise, regex] = await Promise.allSettled([
      runOffloaded(
        'evaluateWidgets',
        { answer, expressions: ['($f := function($n) { $f($n + 1) + 1 }; $f(0))', '$count($list($).items)'] },
        { owner: 'c', subject: "A widget's expression", lane: 'widgets' },
      ),
      // A catastrophic regular expression is one step: only the worker's hard limit ends it.
      runOffloaded(
        'evaluateWidgets',
        { answer, expressions: [`$match("${'a'.repeat(40)}!", /(a+)+$/)`] },
        { owner: 'c', subject: "A widget's expression", lane: 'widgets', timeLimitMs: 500 },
      ),
    ]);
    delay.disable();
    expect(stepwise.status === 'fulfilled' && stepwise.value.value).toEqual([
      expect.objectContaining({ ok: false, failure: 'limit' }),
      expect.objectContaining({ ok: true }),
    ]);
    expect(regex).toMatchObject({ status: 'rejected', reason: { extensions: { code: 'BAD_USER_INPUT' } } });
    // On the main thread the first would hold it 250 ms (JSONata's guardrail), the second 500 ms.
    expect(delay.max / 1e6).toBeLessThan(idle.max / 1e6 + 50);
  });
});
