// Numbers and labels of the dashboard, formatted with Intl in the reader's locale. The unit
// comes from the server: an ISO currency code ("USD"), "people", "count", or nothing.

const CURRENCY = /^[A-Z]{3}$/;

export const isCurrency = (unit: string | null | undefined): boolean => !!unit && CURRENCY.test(unit);

/** The full number: "$8,673,000", "40 people", "7". */
export function formatValue(value: number, unit: string | null | undefined, locale?: string): string {
  if (unit && isCurrency(unit)) {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: unit,
      maximumFractionDigits: Number.isInteger(value) ? 0 : 2,
    }).format(value);
  }
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
  if (unit === 'people') return `${number} ${value === 1 ? 'person' : 'people'}`;
  return number;
}

/** Short, for axes and tight spaces: "$8.7M", "1.2K". */
export function formatCompact(value: number, unit: string | null | undefined, locale?: string): string {
  const options: Intl.NumberFormatOptions = { notation: 'compact', maximumFractionDigits: 1 };
  if (unit && isCurrency(unit)) Object.assign(options, { style: 'currency', currency: unit });
  return new Intl.NumberFormat(locale, options).format(value);
}

/** "2026-07" → "Jul 2026"; any other label as it is. */
export function formatLabel(label: string, locale?: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(label);
  if (!month) return label;
  const date = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** "14:05:09" in the reader's clock. */
export function formatTime(iso: string, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(date);
}
