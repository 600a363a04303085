// The order of a dashboard's widgets: the topics the caller's roles care about most come first
// (a CEO sees sales and cash before code), then the rest in the catalog's order.
import { CATALOG, type Topic } from './dashboard.catalog.ts';

/** Which topics each role sees first; roles not listed see the catalog's own order. */
const ROLE_TOPICS: Record<string, Topic[]> = {
  ceo: ['sales', 'finance', 'operations', 'hr', 'code'],
  cfo: ['finance', 'sales', 'hr', 'operations', 'code'],
  finance_analyst: ['finance', 'sales'],
  accountant: ['finance'],
  coo: ['operations', 'finance', 'hr'],
  operations_manager: ['operations'],
  cto: ['code', 'operations'],
  developer: ['code'],
  devops_engineer: ['code', 'operations'],
  product_manager: ['code', 'sales'],
  sales_manager: ['sales'],
  sales_rep: ['sales'],
  customer_success_manager: ['sales', 'operations'],
  hr_manager: ['hr'],
  recruiter: ['hr'],
};

const CATALOG_TOPICS: Topic[] = [...new Set(CATALOG.map((e) => e.topic))];

/** The topic order for someone holding these roles: their roles' preferences, then the rest. */
export function topicOrder(roleKeys: readonly string[]): Topic[] {
  const preferred = [...roleKeys].sort().flatMap((key) => ROLE_TOPICS[key] ?? []);
  return [...new Set([...preferred, ...CATALOG_TOPICS])];
}
