// Small helpers for the benchmarks: percentiles and alternating A/B rounds, so both sides of a
// comparison see the same machine load (this is a shared 2-core machine: compare ratios only).
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

async function timeEach(count: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    await fn(i);
    samples.push(performance.now() - started);
  }
  return samples;
}

export interface AlternateHooks {
  /** Run before each block of A (warm-up included), untimed: e.g. switch a setting A needs. */
  beforeA?: () => Promise<unknown>;
  beforeB?: () => Promise<unknown>;
}

/** Runs A and B alternately for `rounds` rounds after one warm-up of each; pooled samples. */
export async function alternate(
  rounds: number,
  perRound: number,
  a: (i: number) => Promise<unknown>,
  b: (i: number) => Promise<unknown>,
  hooks: AlternateHooks = {},
) {
  const blockA = async (count: number) => {
    await hooks.beforeA?.();
    return timeEach(count, a);
  };
  const blockB = async (count: number) => {
    await hooks.beforeB?.();
    return timeEach(count, b);
  };
  await blockA(Math.max(20, perRound / 5));
  await blockB(Math.max(20, perRound / 5));
  const A: number[] = [];
  const B: number[] = [];
  for (let r = 0; r < rounds; r += 1) {
    A.push(...(await blockA(perRound)));
    B.push(...(await blockB(perRound)));
  }
  return { a: A, b: B };
}

export const round2 = (n: number) => Math.round(n * 100) / 100;
