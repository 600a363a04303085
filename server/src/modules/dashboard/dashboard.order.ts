// The order of a dashboard's widgets: the topics the caller's roles care about most come first
// (in the demo, a CEO sees sales and cash before code), then the rest in the catalog's order.
import type { DashboardCatalog, Topic } from './dashboard.catalog.ts';

/** The topic order for someone holding these roles: their roles' preferences, then the rest. */
export function topicOrder(catalog: DashboardCatalog, roleKeys: readonly string[]): Topic[] {
  const preferred = [...roleKeys].sort().flatMap((key) => catalog.roleTopics[key] ?? []);
  return [...new Set([...preferred, ...catalog.entries.map((e) => e.topic)])];
}
