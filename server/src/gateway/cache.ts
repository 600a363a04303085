// The gateway's response cache for GET calls, in process or in Redis.
//
// Isolation: entries live under a `scope` (one company's endpoint) and a `key` that hashes the
// credential, the operation and the parameters, so nothing is ever shared across companies or
// credentials. Invalidation: every scope has a version number that is part of every stored key;
// `invalidate(scope)` bumps it, which makes all of the scope's entries unreachable at once (they
// age out by TTL/LRU). A load started before an invalidation stores under the version it started
// with, so its (possibly pre-write) result is never served afterwards, and callers arriving after
// the invalidation do not join it.
//
// Single flight: concurrent getOrLoad calls for the same scope+version+key share one run of
// "read the store, else load". Everyone who shares a run gets its result, including its `cached`
// flag: a shared miss reports `cached: false` to the first caller *and* to every waiter (they all
// got a fresh upstream answer, not a stored one). Callers must treat entries as immutable: one
// entry object may be handed to several callers.
//
// The caller (the gateway) should invalidate after a write has completed or failed in an unknown
// state, not before: a read that raced the write then either saw the old version number (and is
// unreachable) or started after the bump.
import { createHash } from 'node:crypto';
import { luaScript, type Redis } from '../lib/redis.ts';
import { canonicalJson } from '../lib/canonical-json.ts';

export interface CacheEntry {
  status: number;
  body: string;
  headers?: Record<string, string>;
  storedAt: number;
}

export interface LoadResult {
  entry: CacheEntry;
  /** false for answers that must not be stored (errors, responses the upstream marks private...). */
  cacheable: boolean;
}

export interface CacheResult {
  entry: CacheEntry;
  /** true when the entry came from the store; false when it was loaded for this call (or its flight). */
  cached: boolean;
}

/**
 * A store lookup begun before its caller knew it would need it (the gateway starts one while its
 * facts load, for the key the same call used last time). getOrLoad uses it only when its scope
 * and key are the ones asked for; otherwise it is dropped.
 */
export interface LookAhead {
  scope: string;
  key: string;
  found: Promise<unknown>;
}

export interface ResponseCache {
  /**
   * `ttlSeconds <= 0`: never read or store (concurrent identical calls still share one load).
   * `ahead`: a lookAhead of this scope and key, read instead of a lookup of its own.
   */
  getOrLoad(
    scope: string,
    key: string,
    ttlSeconds: number,
    load: () => Promise<LoadResult>,
    ahead?: LookAhead,
  ): Promise<CacheResult>;
  /** Starts the store lookup of `key` now (a cache whose lookup is a round trip has one). */
  lookAhead?(scope: string, key: string): LookAhead;
  /** Make every entry of `scope` unreachable, including any being loaded right now. */
  invalidate(scope: string): Promise<void>;
}

export function cacheScope(companyId: string, endpointId: string): string {
  return `${companyId}:${endpointId}`;
}

export interface CacheKeyParts {
  credentialId: string;
  operationKey: string;
  params: unknown;
}

/** SHA-256 (hex) of a canonical JSON of the parts: object keys sorted at every depth. */
export function cacheKey(parts: CacheKeyParts): string {
  const canonical = canonicalJson({
    credentialId: parts.credentialId,
    operationKey: parts.operationKey,
    params: parts.params ?? null,
  });
  return createHash('sha256').update(canonical).digest('hex');
}

function ttlMs(ttlSeconds: number): number {
  // Endpoints use whole seconds; fractions are allowed (tests use short TTLs).
  return Math.max(1, Math.round(ttlSeconds * 1000));
}

/** Shares one promise per flight key while it runs. */
class Flights<T> {
  private readonly running = new Map<string, Promise<T>>();

  run(key: string, work: () => Promise<T>): Promise<T> {
    const existing = this.running.get(key);
    if (existing) return existing;
    const flight = work().finally(() => {
      if (this.running.get(key) === flight) this.running.delete(key);
    });
    this.running.set(key, flight);
    return flight;
  }
}

function share(flight: Promise<CacheResult>): Promise<CacheResult> {
  // A fresh wrapper per caller, so one caller mutating the result object cannot affect another.
  return flight.then((r) => ({ entry: r.entry, cached: r.cached }));
}

// ---------------------------------------------------------------------------------------------
// In process

export interface MemoryResponseCacheOptions {
  maxEntries?: number;
  maxBytes?: number;
  /** Clock in ms (tests inject one to expire entries without waiting). */
  now?: () => number;
}

interface MemoryEntry {
  entry: CacheEntry;
  expiresAt: number;
  bytes: number;
}

function entryBytes(storeKey: string, entry: CacheEntry): number {
  let bytes = 64 + storeKey.length + Buffer.byteLength(entry.body);
  for (const [k, v] of Object.entries(entry.headers ?? {})) bytes += Buffer.byteLength(k) + Buffer.byteLength(v);
  return bytes;
}

export class MemoryResponseCache implements ResponseCache {
  // A Map iterates in insertion order; re-inserting on every hit makes its first key the LRU one.
  private readonly entries = new Map<string, MemoryEntry>();
  private readonly versions = new Map<string, number>();
  private readonly flights = new Flights<CacheResult>();
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  private readonly now: () => number;
  private totalBytes = 0;

  constructor(options: MemoryResponseCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    this.now = options.now ?? Date.now;
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.totalBytes };
  }

  getOrLoad(scope: string, key: string, ttlSeconds: number, load: () => Promise<LoadResult>): Promise<CacheResult> {
    const version = this.versions.get(scope) ?? 0;
    const storeKey = `${version}\n${scope}\n${key}`;
    if (ttlSeconds > 0) {
      const hit = this.read(storeKey);
      if (hit) return Promise.resolve({ entry: hit, cached: true });
    }
    return share(
      this.flights.run(storeKey, async () => {
        const { entry, cacheable } = await load();
        // The version check only saves memory: a stale version's key is unreachable anyway.
        if (cacheable && ttlSeconds > 0 && (this.versions.get(scope) ?? 0) === version) {
          this.write(storeKey, entry, ttlMs(ttlSeconds));
        }
        return { entry, cached: false };
      }),
    );
  }

  async invalidate(scope: string): Promise<void> {
    // Old entries are left to LRU/TTL: finding them would cost a scan of the whole map.
    this.versions.set(scope, (this.versions.get(scope) ?? 0) + 1);
  }

  private read(storeKey: string): CacheEntry | undefined {
    const found = this.entries.get(storeKey);
    if (!found) return undefined;
    this.remove(storeKey);
    if (found.expiresAt <= this.now()) return undefined;
    this.entries.set(storeKey, found); // most recently used
    this.totalBytes += found.bytes;
    return found.entry;
  }

  private write(storeKey: string, entry: CacheEntry, ttl: number): void {
    const bytes = entryBytes(storeKey, entry);
    if (bytes > this.maxBytes) return;
    this.remove(storeKey);
    this.entries.set(storeKey, { entry, expiresAt: this.now() + ttl, bytes });
    this.totalBytes += bytes;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries && this.totalBytes <= this.maxBytes) break;
      this.remove(oldest);
    }
  }

  private remove(storeKey: string): void {
    const found = this.entries.get(storeKey);
    if (!found) return;
    this.entries.delete(storeKey);
    this.totalBytes -= found.bytes;
  }
}

// ---------------------------------------------------------------------------------------------
// Redis

/** What a Redis lookup finds: the scope's version, and the entry stored under it (or null). */
interface Found {
  version: string;
  raw: string | null;
}

/** KEYS[1]: the scope's version key; the entry's key is ARGV[1] .. version .. ARGV[2]. */
const lookupEntry = luaScript(`
local version = redis.call('GET', KEYS[1]) or '0'
return {version, redis.call('GET', ARGV[1] .. version .. ARGV[2])}
`);

export interface RedisResponseCacheOptions {
  /** Told about Redis failures the cache absorbed (it then loads from upstream instead). */
  onError?: (err: unknown) => void;
}

/**
 * Entries are shared by every instance; single flight is per process only, so a miss may be
 * loaded once per instance (not once in all) when several instances miss at the same moment.
 * Redis failures on reads and stores fail open (the call goes upstream, uncached), which is always
 * correct, only slower; a failed `invalidate` rejects, because the caller must know that stale
 * reads may follow.
 *
 * Round trips: a hit is one (a script reads the scope's version and the entry together); a miss
 * adds a read inside its flight and the store; an endpoint that caches nothing (TTL ≤ 0) makes
 * none, since nothing is read or stored.
 */
export class RedisResponseCache implements ResponseCache {
  private readonly flights = new Flights<CacheResult>();
  private readonly onError: (err: unknown) => void;
  /** Invalidations made here, for TTL-0 flights (which read no version from Redis). */
  private readonly localVersions = new Map<string, number>();

  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'tessera:cache:',
    options: RedisResponseCacheOptions = {},
  ) {
    this.onError = options.onError ?? (() => {});
  }

  lookAhead(scope: string, key: string): LookAhead {
    const found = this.lookup(scope, key);
    found.catch(() => undefined); // it may never be awaited; getOrLoad reports a failure when it is
    return { scope, key, found };
  }

  async getOrLoad(
    scope: string,
    key: string,
    ttlSeconds: number,
    load: () => Promise<LoadResult>,
    ahead?: LookAhead,
  ): Promise<CacheResult> {
    if (ttlSeconds <= 0) {
      // Concurrent identical calls still share one load. A write made through this process starts
      // new flights (its invalidate bumps the local version), so a read after it never joins a
      // flight that began before it; another instance's write is concurrent with such a read.
      const flightKey = `n:${scope}:${this.localVersions.get(scope) ?? 0}:${key}`;
      return share(this.flights.run(flightKey, async () => ({ entry: (await load()).entry, cached: false })));
    }
    let found: Found;
    try {
      found =
        ahead && ahead.scope === scope && ahead.key === key
          ? ((await ahead.found) as Found)
          : await this.lookup(scope, key);
    } catch (err) {
      // Without the version we cannot tell current entries from invalidated ones: go upstream.
      this.onError(err);
      const { entry } = await load();
      return { entry, cached: false };
    }
    const storeKey = this.entryKey(scope, found.version, key);
    const hit = found.raw === null ? undefined : this.parse(found.raw);
    if (hit) return { entry: hit, cached: true };
    return share(
      this.flights.run(storeKey, async () => {
        // A flight that ended after this caller's lookup has stored its answer: read once more
        // rather than load the same answer again.
        const stored = await this.read(storeKey);
        if (stored) return { entry: stored, cached: true };
        const { entry, cacheable } = await load();
        if (cacheable) {
          // Stored under the version read before loading: if invalidate ran meanwhile, nobody reads it.
          await this.redis.set(storeKey, JSON.stringify(entry), 'PX', ttlMs(ttlSeconds)).catch(this.onError);
        }
        return { entry, cached: false };
      }),
    );
  }

  async invalidate(scope: string): Promise<void> {
    this.localVersions.set(scope, (this.localVersions.get(scope) ?? 0) + 1);
    // The version key has no TTL: if it expired, version numbers would restart and could
    // resurrect entries still alive under an old number. One tiny key per invalidated scope.
    await this.redis.incr(this.versionKey(scope));
  }

  /** The scope's current version and the entry stored under it, in one round trip. */
  private async lookup(scope: string, key: string): Promise<Found> {
    const [version, raw] = (await lookupEntry(
      this.redis,
      [this.versionKey(scope)],
      [this.entryKeyBefore(scope), this.entryKeyAfter(key)],
    )) as [string, string | null];
    return { version, raw };
  }

  // An entry's key is `<before><version><after>`: the lookup script puts the version in between.
  private entryKey(scope: string, version: string, key: string): string {
    return `${this.entryKeyBefore(scope)}${version}${this.entryKeyAfter(key)}`;
  }

  private entryKeyBefore(scope: string): string {
    return `${this.prefix}e:${scope}:`;
  }

  private entryKeyAfter(key: string): string {
    return `:${key}`;
  }

  private versionKey(scope: string): string {
    return `${this.prefix}v:${scope}`;
  }

  private async read(storeKey: string): Promise<CacheEntry | undefined> {
    try {
      const raw = await this.redis.get(storeKey);
      return raw === null ? undefined : this.parse(raw);
    } catch (err) {
      this.onError(err);
      return undefined;
    }
  }

  /** A stored entry, or undefined (a miss) when it is not what this class stored. */
  private parse(raw: string): CacheEntry | undefined {
    try {
      return JSON.parse(raw) as CacheEntry;
    } catch (err) {
      this.onError(err);
      return undefined;
    }
  }
}
