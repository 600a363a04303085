// Work that grows with what a user sends (an OpenAPI import, compiling large parameter schemas)
// and widget expressions runs here, off the event loop: per lane (LANES) one worker thread, one
// task at a time, under a time limit and a memory cap. While it works, the main thread keeps
// answering every other request.
//
// - Time: a task still running after its lane's time limit has its worker terminated and fails
//   with BAD_USER_INPUT ("too large or too complex"); the next task gets a new worker.
// - Memory: the worker's heap is capped (resourceLimits); running out is the same refusal.
// - Fairness: tasks wait in one queue per lane, at most maxPendingPerOwner per company and
//   maxQueued in all, so one company cannot fill the queue ahead of the others (RATE_LIMITED).
// - Idle: the worker ends OFFLOAD_IDLE_MS after its last task, so it holds no memory for nothing.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, BadInputError, RateLimitedError } from '../lib/errors.ts';
import type { TaskName, TaskInput, TaskOutput } from './offload.tasks.ts';
import type { TaskReply, TaskRequest } from './offload.worker.ts';

interface LaneLimits {
  timeLimitMs: number;
  memoryMb: number;
  maxQueued: number;
  maxPendingPerOwner: number;
}

const OFFLOAD_IDLE_MS = 30_000;
/** A worker that has not started within this long is stuck (its task fails); the clock of a task starts once it runs. */
const WORKER_START_LIMIT_MS = 30_000;

/**
 * Two lanes, each its own worker and queue. Large, rare work (imports, schema compiles) may take
 * seconds; widget expressions are many, small and must answer quickly: in one lane, a dashboard
 * would wait behind an import.
 */
const LANES = {
  default: { timeLimitMs: 20_000, memoryMb: 128, maxQueued: 32, maxPendingPerOwner: 2 },
  // A widget's expression is stopped between steps after 250 ms by JSONata itself
  // (widget.expression.ts); this limit ends the worker when a single step runs away.
  widgets: { timeLimitMs: 2_000, memoryMb: 96, maxQueued: 1_000, maxPendingPerOwner: 200 },
} as const satisfies Record<string, LaneLimits>;

export type OffloadLane = keyof typeof LANES;

export interface OffloadOptions {
  /** Who asked (a company id): bounds how many of the queue's places one company takes. */
  owner: string;
  /** What the task works on, for the refusal's message: "The OpenAPI document". */
  subject: string;
  /** Overrides the lane's time limit (tests). */
  timeLimitMs?: number;
  /** Overrides the lane's pending tasks per owner: short tasks many calls may need at once (the gateway's compiles). */
  maxPending?: number;
  /** Which worker and queue: 'default', or 'widgets' for widget expressions. */
  lane?: OffloadLane;
}

export interface OffloadResult<T> {
  value: T;
  /** The worker thread that computed it (never the main thread's 0): tests check the work left the event loop. */
  threadId: number;
}

interface Job {
  id: number;
  task: TaskName;
  input: unknown;
  options: OffloadOptions;
  resolve: (result: OffloadResult<unknown>) => void;
  reject: (error: unknown) => void;
}

/**
 * The worker's entry: the TypeScript source under tsx (tests, `pnpm dev`; this file then ends in
 * .ts), or offload-worker.mjs beside the bundle (server/dist/main.mjs, see scripts/build-server.mjs).
 */
function spawnWorker(memoryMb: number): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const resourceLimits = { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 16 };
  if (fromSource) {
    // tsx's loader, registered inside the worker before its entry is imported (an --import in
    // execArgv comes too late for the entry on Node 20).
    const tsx = pathToFileURL(
      createRequire(import.meta.url)
        .resolve('tsx/esm/api')
        .replace(/\.cjs$/, '.mjs'),
    ).href;
    const entry = new URL('./offload.worker.ts', import.meta.url).href;
    const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
    return new Worker(boot, { eval: true, execArgv: [], resourceLimits });
  }
  return new Worker(new URL('./offload-worker.mjs', import.meta.url), { execArgv: [], resourceLimits });
}

class Offloader {
  constructor(private readonly limits: LaneLimits) {}
  private worker: Worker | null = null;
  /** The worker has said it is listening: a task's clock starts when it is sent, not while the worker boots. */
  private ready = false;
  private queue: Job[] = [];
  private running: Job | null = null;
  private timer: NodeJS.Timeout | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private nextId = 1;
  private completed = new Map<TaskName, number>();

  run<N extends TaskName>(
    task: N,
    input: TaskInput<N>,
    options: OffloadOptions,
  ): Promise<OffloadResult<TaskOutput<N>>> {
    const pending =
      this.queue.filter((j) => j.options.owner === options.owner).length +
      (this.running?.options.owner === options.owner ? 1 : 0);
    if (pending >= (options.maxPending ?? this.limits.maxPendingPerOwner)) {
      return Promise.reject(
        new RateLimitedError(
          30,
          'This company already has work of this kind running; wait until it is done and try again.',
        ),
      );
    }
    if (this.queue.length >= this.limits.maxQueued)
      return Promise.reject(
        new RateLimitedError(30, 'The server is busy with other large work; try again in a minute.'),
      );
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, input, options, resolve: resolve as Job['resolve'], reject });
      this.pump();
    });
  }

  completedCount(task: TaskName) {
    return this.completed.get(task) ?? 0;
  }

  activity() {
    return {
      running: this.running ? { task: this.running.task, owner: this.running.options.owner } : null,
      queued: this.queue.length,
    };
  }

  private pump() {
    if (this.running || this.queue.length === 0) return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const job = this.queue.shift()!;
    this.running = job;
    this.ensureWorker();
    if (this.ready) this.send(job);
    else this.timer = setTimeout(() => this.fail(new Error('the offload worker did not start')), WORKER_START_LIMIT_MS);
  }

  private send(job: Job) {
    if (this.timer) clearTimeout(this.timer);
    const limit = job.options.timeLimitMs ?? this.limits.timeLimitMs;
    this.timer = setTimeout(() => {
      this.fail(
        new BadInputError(
          `${job.options.subject} is too large or too complex: processing it took longer than ${limit / 1000} s. Split it into smaller parts.`,
        ),
      );
    }, limit);
    const request: TaskRequest = { id: job.id, task: job.task, input: job.input };
    this.worker!.postMessage(request);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = spawnWorker(this.limits.memoryMb);
    this.ready = false;
    worker.unref(); // never what keeps the process alive
    worker.on('message', (reply: TaskReply | { ready: true }) => {
      if (this.worker !== worker) return;
      if ('ready' in reply) {
        this.ready = true;
        if (this.running) this.send(this.running);
        return;
      }
      this.settle(reply);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (this.worker !== worker) return; // an ended worker's last words
      // Out of memory ends the worker with this code; anything else is a bug (masked as internal).
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      const subject = this.running?.options.subject ?? 'The input';
      this.fail(
        outOfMemory
          ? new BadInputError(
              `${subject} is too large or too complex: processing it needs more than ${this.limits.memoryMb} MB. Split it into smaller parts.`,
            )
          : error,
      );
    });
    worker.on('exit', () => {
      if (this.worker !== worker) return; // ended on purpose (fail, idle)
      this.worker = null;
      if (this.running) this.fail(new Error('the offload worker stopped'));
    });
    this.worker = worker;
    return worker;
  }

  private settle(reply: TaskReply) {
    const job = this.running;
    if (!job || job.id !== reply.id) return;
    this.completed.set(job.task, (this.completed.get(job.task) ?? 0) + 1);
    this.finish();
    if (reply.ok) job.resolve({ value: reply.value, threadId: reply.threadId });
    else if (reply.error.code)
      job.reject(
        new AppError(
          reply.error.code as AppError['code'],
          reply.error.message,
          reply.error.field ? { field: reply.error.field } : {},
        ),
      );
    else job.reject(new Error(reply.error.message));
  }

  /** The running task fails and its worker is ended (it may be stuck); the queue goes on with a new one. */
  private fail(error: unknown) {
    const job = this.running;
    const worker = this.worker;
    this.worker = null;
    if (worker) void worker.terminate();
    if (!job) return;
    this.finish();
    job.reject(error);
  }

  private finish() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running = null;
    if (this.queue.length) return this.pump();
    this.idleTimer = setTimeout(() => {
      const worker = this.worker;
      this.worker = null;
      if (worker) void worker.terminate();
    }, OFFLOAD_IDLE_MS);
    this.idleTimer.unref();
  }
}

const offloaders: Record<OffloadLane, Offloader> = {
  default: new Offloader(LANES.default),
  widgets: new Offloader(LANES.widgets),
};

/** What a lane's worker is doing (tests and diagnostics): the running task, if any, and how many wait. */
export function offloadActivity(lane: OffloadLane = 'default'): {
  running: { task: TaskName; owner: string } | null;
  queued: number;
} {
  return offloaders[lane].activity();
}

/** How many tasks of this name the worker has answered (result or error) since the process started: tests check work went there. */
export function offloadCompleted(task: TaskName, lane: OffloadLane = 'default'): number {
  return offloaders[lane].completedCount(task);
}

/** Runs a task of offload.tasks.ts in the worker; its errors arrive as the task threw them (typed ones keep their code). */
export function runOffloaded<N extends TaskName>(
  task: N,
  input: TaskInput<N>,
  options: OffloadOptions,
): Promise<OffloadResult<TaskOutput<N>>> {
  return offloaders[options.lane ?? 'default'].run(task, input, options);
}
