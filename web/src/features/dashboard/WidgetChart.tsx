// A widget's series as a recharts chart. The drawing is hidden from assistive technology; a
// visually hidden table carries the same numbers for screen readers. The keyboard layer is off
// and the drawing is inert: nothing focusable may sit inside aria-hidden (axe checks this in
// web/e2e/accessibility.e2e.test.ts), and the table already gives every value.
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Line,
  LineChart,
  Pie,
  PieChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { DashboardWidgetKind, SeriesMeaning } from '../../gql/graphql.ts';
import { formatCompact, formatLabel, formatValue } from './format.ts';

export interface Point {
  label: string;
  value: number;
  /** What the label's colour says (the widget's colour meanings); none: the palette's. */
  meaning?: SeriesMeaning | null;
}

/** Distinguishable colours with enough contrast on white, in a fixed order. */
export const PALETTE = ['#3346c4', '#0e9384', '#c4320a', '#7a5af8', '#ca8504', '#dd2590', '#175cd3', '#4e5ba6'];

/** Status colours follow meaning: paid/done green, overdue/failed red, the rest grey. */
const MEANING_COLOUR: Record<SeriesMeaning, string> = { GOOD: '#067647', BAD: '#b42318', NEUTRAL: '#667085' };

/** A point's colour: its meaning's, else the palette's in order. */
const colourOf = (p: Point, i: number): string =>
  p.meaning ? MEANING_COLOUR[p.meaning] : (PALETTE[i % PALETTE.length] as string);

const chartStyle = { width: '100%', height: '100%' };
const tick = { fontSize: 12, fill: '#5b6676' };

const MAX_LABEL = 20;
const shorten = (label: unknown) => {
  const text = String(label);
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
};
/** Room for the longest category name (up to MAX_LABEL characters at 12 px). */
const labelWidth = (data: readonly Point[]) =>
  Math.min(MAX_LABEL, Math.max(...data.map((p) => p.label.length))) * 6.6 + 12;

export function WidgetChart({
  kind,
  title,
  series,
  unit,
}: {
  kind: DashboardWidgetKind;
  title: string;
  series: readonly Point[];
  unit: string | null;
}) {
  if (series.length === 0) return <p className="widget-nodata muted">Nothing to chart right now.</p>;
  const data = series.map((p) => ({ ...p, label: formatLabel(p.label) }));
  const value = (v: unknown) => (typeof v === 'number' ? formatValue(v, unit) : String(v));
  const compact = (v: unknown) => (typeof v === 'number' ? formatCompact(v, unit) : String(v));

  let chart;
  if (kind === 'PIE') {
    // Slices are told apart by colour; the legend keeps the server's order and shows each number.
    const slices = data.map((p, i) => ({ ...p, fill: colourOf(p, i) }));
    const labels = slices.map((p) => p.label);
    const byLabel = new Map(slices.map((p) => [p.label, p.value]));
    chart = (
      <PieChart responsive style={chartStyle} accessibilityLayer={false}>
        <Pie
          data={slices}
          dataKey="value"
          nameKey="label"
          innerRadius="45%"
          outerRadius="78%"
          paddingAngle={1}
          isAnimationActive={false}
        />
        <Tooltip formatter={value} />
        <Legend
          verticalAlign="bottom"
          iconSize={10}
          wrapperStyle={{ fontSize: 12 }}
          itemSorter={(item) => labels.indexOf(String(item.value))}
          formatter={(label: string) => `${label} ${compact(byLabel.get(label))}`}
        />
      </PieChart>
    );
  } else if (kind === 'LINE') {
    chart = (
      <LineChart
        responsive
        style={chartStyle}
        accessibilityLayer={false}
        data={data}
        margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
      >
        <CartesianGrid stroke="#eef0f3" vertical={false} />
        <XAxis dataKey="label" tick={tick} />
        <YAxis tickFormatter={compact} tick={tick} width={56} allowDecimals={false} />
        <Tooltip formatter={value} />
        <Line
          type="monotone"
          dataKey="value"
          name={title}
          stroke={PALETTE[0]}
          strokeWidth={2}
          dot={{ r: 3 }}
          isAnimationActive={false}
        />
      </LineChart>
    );
  } else {
    // Horizontal bars: category names (stages, departments, accounts) stay readable.
    chart = (
      <BarChart
        responsive
        style={chartStyle}
        accessibilityLayer={false}
        data={data}
        layout="vertical"
        margin={{ top: 4, right: 16, bottom: 0, left: 0 }}
      >
        <CartesianGrid stroke="#eef0f3" horizontal={false} />
        <XAxis type="number" tickFormatter={compact} tick={tick} allowDecimals={false} />
        <YAxis
          type="category"
          dataKey="label"
          tick={tick}
          width={labelWidth(data)}
          interval={0}
          tickFormatter={shorten}
        />
        <Tooltip formatter={value} cursor={{ fill: '#f5f6f8' }} />
        <Bar dataKey="value" name={title} fill={PALETTE[0]} radius={[0, 4, 4, 0]} isAnimationActive={false}>
          {data.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: one cell per bar, in the series' order.
            <Cell key={i} fill={p.meaning ? colourOf(p, i) : PALETTE[0]} />
          ))}
        </Bar>
      </BarChart>
    );
  }

  return (
    <div className="widget-chart">
      <div className="widget-chart-drawing" aria-hidden="true" inert>
        {chart}
      </div>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <tbody>
          {data.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the points of one chart, in their order; labels may repeat.
            <tr key={i}>
              <th scope="row">{p.label}</th>
              <td>{formatValue(p.value, unit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
