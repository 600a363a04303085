// Which numbers a dashboard shows for which operation: the catalog's shape. An entry names a GET
// operation by its key and turns its answer into one or more widgets with pure functions
// (dashboard.derive.ts). Operations without an entry get no widget: a generic "N items" of an
// unknown list is rarely worth a card, and every card costs upstream calls on each refresh of each
// viewer. The entries are data the composition root gives (tessera.ts; the demo world's are
// demo/dashboard-catalog.ts): the product names no API's operations.
import type { WidgetSpec } from './dashboard.derive.ts';

/** What an entry is about ("sales", "code"): roles see the topics they care about first. */
export type Topic = string;

/** For an operation whose required parameter names an item of another list (pulls of a repo). */
interface FanOut {
  /** The list operation of the same endpoint that supplies the parameter. */
  from: string;
  param: string;
  /** The parent item's field passed as the parameter, and the one shown as its label. */
  key: string;
  label: string;
  /** Parents are taken most recently active first, by this timestamp field. */
  recency: string;
  /** Calls per refresh stay bounded: at most this many parents. */
  max: number;
  /** The parents in captions, plural: "repositories". */
  noun: string;
}

export interface CatalogEntry {
  operationKey: string;
  topic: Topic;
  params?: Record<string, unknown>;
  fanOut?: FanOut;
  widgets: WidgetSpec[];
}

export interface DashboardCatalog {
  /** In the order widgets of the same topic are shown. */
  entries: readonly CatalogEntry[];
  /** Which topics each role (by key) sees first; roles not listed see the entries' own order. */
  roleTopics: Readonly<Record<string, readonly Topic[]>>;
}

/** No entries: a dashboard without cards until a catalog is given. */
export const EMPTY_DASHBOARD_CATALOG: DashboardCatalog = { entries: [], roleTopics: {} };

export const catalogEntry = (catalog: DashboardCatalog, operationKey: string) =>
  catalog.entries.find((e) => e.operationKey === operationKey) ?? null;
