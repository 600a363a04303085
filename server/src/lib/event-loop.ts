// Long runs of database work on PGlite never leave the event loop: PGlite is PostgreSQL in
// WebAssembly on this thread, each statement's promise settles as a microtask, and a loop of
// awaits on them runs to the end before any request (even /healthz) gets a turn. Work whose
// size a user controls awaits this between its steps.
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Lets the event loop serve what is waiting (I/O, timers) before going on. */
export function yieldToEventLoop(): Promise<void> {
  return nextTurn();
}
