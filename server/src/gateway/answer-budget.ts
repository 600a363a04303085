// Bounds the heap that large upstream answers take at once. Each caller of a large answer parses
// it (JSON.parse), filters it and has it serialized into its response: a few times the answer's
// size, on the heap, per caller. Thirty-two callers of one 4.3 MB answer ended a process whose
// heap is sized to 192 MB (V8 out of memory) although the answer was fetched once. Here a large
// answer reserves its cost before it is parsed and gives it back when the call returns (its
// response is serialized right after, before other I/O runs), so callers beyond the budget wait
// their turn instead of taking the process down. Small answers never wait.

/** Answers below this many bytes are not counted: the budget is for the rare large ones. */
export const LARGE_ANSWER_BYTES = 256 * 1024;
/** Heap an answer takes while parsed, filtered and serialized, per byte of JSON (measured 3-4). */
export const HEAP_PER_ANSWER_BYTE = 4;

export class AnswerBudget {
  private used = 0;
  private readonly waiting: { cost: number; grant: () => void }[] = [];
  /** The most ever held at once (tests, and a gauge of how close the budget runs). */
  peak = 0;

  /** `capacity`: heap bytes (tessera.ts: a quarter of the heap's limit). */
  constructor(readonly capacity: number) {}

  /**
   * Waits until an answer of `bytes` may be handled, and holds its cost until the returned
   * release is called (once). An answer costlier than the whole budget runs alone.
   */
  async reserve(bytes: number): Promise<() => void> {
    if (bytes < LARGE_ANSWER_BYTES) return () => {};
    const cost = Math.min(bytes * HEAP_PER_ANSWER_BYTE, this.capacity);
    if (this.waiting.length > 0 || this.used + cost > this.capacity) {
      // First come, first served: a small reservation does not overtake a waiting large one.
      await new Promise<void>((grant) => this.waiting.push({ cost, grant }));
    } else {
      this.take(cost);
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.used -= cost;
      this.grantWaiting();
    };
  }

  private take(cost: number): void {
    this.used += cost;
    this.peak = Math.max(this.peak, this.used);
  }

  private grantWaiting(): void {
    while (this.waiting.length > 0 && this.used + this.waiting[0]!.cost <= this.capacity) {
      const next = this.waiting.shift()!;
      this.take(next.cost);
      next.grant();
    }
  }
}
