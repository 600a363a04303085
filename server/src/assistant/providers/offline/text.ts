// Words and numbers for the offline planner: tokenizing questions and tool names the same way,
// and formatting what it says (money, counts, quoted data).

const IRREGULAR: Record<string, string> = {
  people: 'people',
  prs: 'pr',
  mrs: 'mr',
  ci: 'ci',
  status: 'status',
  bus: 'bus',
  news: 'news',
};

/** Words that carry no topic. */
const STOPWORDS = new Set(
  (
    'a an the is are was were be been being am our ours my mine we us me i you your yours what whats which who whom whose how many much ' +
    'any some there here this that these those do does did done have has had of in on at to for from by with and or not no nor ' +
    'please tell show give list get find about current currently right now today all each every can could would should will shall ' +
    'it its they them their as if then than so just also like look looking see know want need let lets into over under up down ' +
    'api apis data info information status state summary overview doing going look us via per one ones'
  ).split(' '),
);

/**
 * Words that qualify a topic ("open", "failed") rather than name one. They do not pick a tool (or
 * "Any open incidents?" would also match listOpenPositions), but they steer the answer.
 */
export const MODIFIERS = new Set(
  (
    'open opened close closed new active pending fail failed failing running success successful paid unpaid merged draft drafts ' +
    'wait waiting resolved unresolved high low medium top biggest largest total number count overall recent latest ' +
    'outstanding need needs needing'
  )
    .split(' ')
    .map((w) => stem(w)),
);

/** A crude English stemmer: plural to singular, enough to match "opportunities" with "opportunity". */
export function stem(word: string): string {
  const w = word.toLowerCase();
  if (IRREGULAR[w]) return IRREGULAR[w];
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && /(sses|xes|ches|shes)$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

/** "listPullRequests" → ["list", "pull", "requests"]; "sales-api" → ["sales", "api"]. */
export function splitWords(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Stemmed words without stopwords (modifiers are kept: callers decide). */
export function tokens(text: string): string[] {
  return splitWords(text)
    .filter((w) => !STOPWORDS.has(w))
    .map(stem)
    .filter((w) => !STOPWORDS.has(w));
}

const ACRONYMS: Record<string, string> = {
  api: 'API',
  hr: 'HR',
  crm: 'CRM',
  ci: 'CI',
  github: 'GitHub',
  gitlab: 'GitLab',
  it: 'IT',
  erp: 'ERP',
};

/** "sales-api" → "Sales API", "github-api" → "GitHub API". */
export function sourceName(slug: string): string {
  return splitWords(slug)
    .map((w) => ACRONYMS[w] ?? `${w[0]!.toUpperCase()}${w.slice(1)}`)
    .join(' ');
}

/** "$1,234,567" (or "1,234,567 EUR" for another currency). */
export function money(amount: number, currency = 'USD'): string {
  const n = Math.round(amount).toLocaleString('en-US');
  if (currency.toUpperCase() === 'USD') return amount < 0 ? `-$${n.slice(1)}` : `$${n}`;
  return `${n} ${currency.toUpperCase()}`;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : pluralForm}`;
}

/**
 * A value from upstream data, made safe to show as a quotation: one line, no markup-breaking
 * characters, bounded length. Data is only ever quoted, never phrased as the planner's own words.
 */
export function quote(value: unknown, max = 80): string {
  const text = String(value ?? '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes.
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/[`<>[\]]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return `“${text.length > max ? `${text.slice(0, max - 1)}…` : text}”`;
}

/** A short plain label from data (names, stages), same cleaning as quote() without the quotes. */
export function label(value: unknown, max = 60): string {
  return quote(value, max).slice(1, -1);
}

/** Readable names of ids, by the id in lower case (the vocabulary's labels). */
export type Labels = Readonly<Record<string, string>>;

/** "Closed Won" / "closedwon" (with a label for it) / "on_leave" / "CHANGES_REQUESTED" → readable. */
export function humanize(value: unknown, labels: Labels = {}): string {
  const text = String(value ?? '');
  const known = Object.hasOwn(labels, text.toLowerCase()) ? labels[text.toLowerCase()] : undefined;
  if (known) return known;
  const spaced = text.replace(/_/g, ' ');
  // Shouted enum values (CHANGES_REQUESTED, APPROVED) read better in lower case; acronyms (HR, ACH) stay.
  return label(/[a-z]/.test(spaced) || spaced.length <= 4 ? spaced : spaced.toLowerCase());
}

/** "a: 3, b: 2" from a count map, largest first. */
export function breakdown(counts: Map<string, number>, order?: readonly string[], labels: Labels = {}): string {
  const entries = [...counts.entries()].filter(([, n]) => n > 0);
  if (order) entries.sort(([a], [b]) => rank(order, a) - rank(order, b));
  else entries.sort((a, b) => b[1] - a[1]);
  return entries.map(([k, n]) => `${humanize(k, labels)} ${n.toLocaleString('en-US')}`).join(', ');
}

function rank(order: readonly string[], value: string): number {
  const i = order.indexOf(value.toLowerCase());
  return i < 0 ? order.length : i;
}

export function countBy<T>(items: readonly T[], key: (item: T) => unknown): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = String(key(item) ?? 'unknown');
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

export const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
