import { describe, expect, it } from 'vitest';
import { AnswerBudget, HEAP_PER_ANSWER_BYTE, LARGE_ANSWER_BYTES } from './answer-budget.ts';

const MB = 1024 * 1024;
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('AnswerBudget', () => {
  it('lets small answers through at once, without counting them', async () => {
    const budget = new AnswerBudget(MB);
    const release = await budget.reserve(LARGE_ANSWER_BYTES - 1);
    release();
    expect(budget.peak).toBe(0);
  });

  it('holds large answers beyond the budget until room is given back, first come first served', async () => {
    const budget = new AnswerBudget(8 * MB);
    const order: string[] = [];
    const first = await budget.reserve(MB); // costs 4 MB
    const second = await budget.reserve(MB); // 8 MB: full
    const third = budget.reserve(MB).then((release) => {
      order.push('third');
      return release;
    });
    // Waits behind the third.
    const small = budget.reserve(300 * 1024).then((release) => {
      order.push('small');
      return release;
    });
    await tick();
    expect(order).toEqual([]);
    first();
    await tick();
    expect(order).toEqual(['third']); // 4 MB came back: room for the third, not yet for the small one after it
    second();
    await tick();
    expect(order).toEqual(['third', 'small']);
    (await third)();
    (await small)();
    expect(budget.peak).toBe(8 * MB);
  });

  it('runs an answer costlier than the whole budget alone, and a release given twice counts once', async () => {
    const budget = new AnswerBudget(2 * MB);
    const huge = await budget.reserve(5 * MB);
    expect(budget.peak).toBe(2 * MB);
    let next = false;
    const waiting = budget.reserve(MB / 2).then((release) => {
      next = true;
      return release;
    });
    await tick();
    expect(next).toBe(false);
    huge();
    huge();
    (await waiting)();
    const a = await budget.reserve(MB / 4);
    const b = await budget.reserve(MB / 4); // 2 MB in all: both fit once the huge one is gone
    expect(budget.peak).toBe(2 * MB);
    a();
    b();
  });

  it('counts an answer as HEAP_PER_ANSWER_BYTE heap bytes per byte', async () => {
    const budget = new AnswerBudget(100 * MB);
    (await budget.reserve(MB))();
    expect(budget.peak).toBe(MB * HEAP_PER_ANSWER_BYTE);
  });
});
