// /healthz asked back to back while something runs: its slowest answer is the event loop's
// longest stall (plus one local round trip). The event-loop scenarios measure with it.

/** /healthz latencies (ms), asked one after another until `until` settles (fulfilled or not). */
export async function probeHealthz(url: string, until: Promise<unknown>): Promise<number[]> {
  let done = false;
  // Settled either way; the caller awaits `until` itself and sees its error there.
  until.then(
    () => (done = true),
    () => (done = true),
  );
  const samples: number[] = [];
  while (!done) {
    const started = performance.now();
    try {
      await (await fetch(`${url}/healthz`)).arrayBuffer();
    } catch {
      continue; // a kept-alive connection the server closed meanwhile: ask again on a new one
    }
    samples.push(performance.now() - started);
  }
  return samples;
}
