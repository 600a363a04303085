// How often the dashboard refreshes: its default, or sooner when one of its widgets asks for it
// (refreshSeconds, at least 10 s on the server). Widgets without one follow events and the default.
export function pollIntervalFor(widgets: readonly { refreshSeconds?: number | null }[], defaultMs: number): number {
  const asked = widgets.map((w) => w.refreshSeconds).filter((s): s is number => typeof s === 'number' && s > 0);
  return Math.min(defaultMs, ...asked.map((s) => s * 1000));
}
