import { describe, expect, it } from 'vitest';
import { pollIntervalFor } from './refresh.ts';

describe("the dashboard's refresh interval", () => {
  it('is the default unless a widget asks for a sooner refresh', () => {
    expect(pollIntervalFor([], 30_000)).toBe(30_000);
    expect(pollIntervalFor([{ refreshSeconds: null }, { refreshSeconds: 60 }], 30_000)).toBe(30_000);
    expect(pollIntervalFor([{ refreshSeconds: 15 }, { refreshSeconds: 20 }, {}], 30_000)).toBe(15_000);
  });
});
