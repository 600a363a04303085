// A small seeded PRNG (sfc32 seeded from SHA-256 of a string), so every company's sandbox data is
// the same on every run and different between companies.
import { createHash } from 'node:crypto';

/** The sandbox world's "today": data is dated relative to it, never to the wall clock. */
export const DATA_AS_OF = new Date('2026-11-25T12:00:00Z');
const DAY_MS = 86_400_000;

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Items weighted by `[item, weight]` pairs. */
  weighted<T>(pairs: readonly (readonly [T, number])[]): T;
  chance(probability: number): boolean;
  /** Distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[];
  /** A money amount rounded to `step`. */
  amount(min: number, max: number, step?: number): number;
  /** `digits` random characters of `alphabet`. */
  chars(count: number, alphabet?: string): string;
  /** An ISO timestamp `fromDays`..`toDays` days relative to DATA_AS_OF (negative: the past). */
  timestamp(fromDays: number, toDays: number): string;
}

export function createRandom(seed: string): Random {
  const digest = createHash('sha256').update(seed).digest();
  let a = digest.readUInt32LE(0);
  let b = digest.readUInt32LE(4);
  let c = digest.readUInt32LE(8);
  let d = digest.readUInt32LE(12);
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const r = (t + d) | 0;
    c = (c + r) | 0;
    return (r >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();

  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return {
    next,
    int,
    pick,
    weighted(pairs) {
      const total = pairs.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [item, weight] of pairs) {
        roll -= weight;
        if (roll < 0) return item;
      }
      return pairs[pairs.length - 1]![0];
    },
    chance: (probability) => next() < probability,
    sample(items, count) {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy.slice(0, Math.min(count, copy.length));
    },
    amount: (min, max, step = 100) => Math.round((min + next() * (max - min)) / step) * step,
    chars(count, alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789') {
      let out = '';
      for (let i = 0; i < count; i++) out += pick(alphabet.split(''));
      return out;
    },
    timestamp(fromDays, toDays) {
      const offset = fromDays + next() * (toDays - fromDays);
      const date = new Date(DATA_AS_OF.getTime() + offset * DAY_MS);
      date.setUTCSeconds(0, 0);
      return date.toISOString();
    },
  };
}

/** `YYYY-MM-DD` of an ISO timestamp plus `days`. */
export function isoDay(timestamp: string | Date, days = 0): string {
  const base = typeof timestamp === 'string' ? new Date(timestamp) : timestamp;
  return new Date(base.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** `hours` after an ISO timestamp, but never after DATA_AS_OF (nothing happened in the future). */
export function hoursAfter(timestamp: string, hours: number): string {
  return new Date(Math.min(Date.parse(timestamp) + hours * 3_600_000, DATA_AS_OF.getTime())).toISOString();
}
