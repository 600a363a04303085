// The analytics page's two charts, drawn as the dashboard's are (WidgetChart.tsx): the drawing
// is inert and hidden from assistive technology, and a visually hidden table carries the same
// numbers for screen readers.
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { PALETTE } from '../dashboard/WidgetChart.tsx';
import { formatDay, formatMs } from './analytics-format.ts';

const chartStyle = { width: '100%', height: '100%' };
const tick = { fontSize: 12, fill: '#5b6676' };
const ERROR_COLOUR = PALETTE[2];

interface DayRow {
  key: string;
  calls: number;
  errors: number;
  rateLimited: number;
}

/** Calls per UTC day, the failed ones (errors and rate-limit refusals) as a bar beside them. */
export function DailyChart({ rows }: { rows: readonly DayRow[] }) {
  const data = rows.map((r) => ({ day: formatDay(r.key), calls: r.calls, failed: r.errors + r.rateLimited }));
  return (
    <figure className="analytics-chart">
      <figcaption>Calls and failures per day</figcaption>
      <div className="analytics-chart-drawing" aria-hidden="true" inert>
        <BarChart
          responsive
          style={chartStyle}
          accessibilityLayer={false}
          data={data}
          margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
          barGap={1}
        >
          <CartesianGrid stroke="#eef0f3" vertical={false} />
          <XAxis dataKey="day" tick={tick} minTickGap={12} />
          <YAxis tick={tick} width={40} allowDecimals={false} />
          <Tooltip cursor={{ fill: '#f5f6f8' }} />
          <Legend iconSize={10} wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="calls" name="Calls" fill={PALETTE[0]} isAnimationActive={false} />
          <Bar dataKey="failed" name="Errors and rate limited" fill={ERROR_COLOUR} isAnimationActive={false} />
        </BarChart>
      </div>
      <table className="visually-hidden">
        <caption>Calls and failures per day (UTC)</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Calls</th>
            <th scope="col">Errors and rate limited</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.key}>
              <th scope="row">{data[i]!.day}</th>
              <td>{r.calls}</td>
              <td>{data[i]!.failed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

interface EndpointRow {
  key: string;
  label: string;
  p50Ms?: number | null;
  p95Ms?: number | null;
}

/** Median and 95th percentile latency of each endpoint, slowest (by p95) first. */
export function LatencyChart({ rows }: { rows: readonly EndpointRow[] }) {
  const data = rows
    .filter((r) => r.p95Ms != null)
    .map((r) => ({ label: r.label, p50: r.p50Ms ?? 0, p95: r.p95Ms ?? 0 }))
    .sort((a, b) => b.p95 - a.p95);
  const width = Math.min(20, Math.max(4, ...data.map((d) => d.label.length))) * 6.6 + 12;
  return (
    <figure className="analytics-chart">
      <figcaption>Latency per endpoint (p50 and p95)</figcaption>
      {data.length === 0 ? (
        <p className="muted">No call in this period was answered.</p>
      ) : (
        <div className="analytics-chart-drawing" aria-hidden="true" inert>
          <BarChart
            responsive
            style={chartStyle}
            accessibilityLayer={false}
            data={data}
            layout="vertical"
            margin={{ top: 4, right: 16, bottom: 0, left: 0 }}
          >
            <CartesianGrid stroke="#eef0f3" horizontal={false} />
            <XAxis type="number" tick={tick} tickFormatter={(v: number) => formatMs(v)} />
            <YAxis type="category" dataKey="label" tick={tick} width={width} interval={0} />
            <Tooltip
              formatter={(v) => (typeof v === 'number' ? formatMs(v) : String(v))}
              cursor={{ fill: '#f5f6f8' }}
            />
            <Legend iconSize={10} wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey="p50" name="p50" fill={PALETTE[1]} isAnimationActive={false} />
            <Bar dataKey="p95" name="p95" fill={PALETTE[3]} isAnimationActive={false} />
          </BarChart>
        </div>
      )}
      <table className="visually-hidden">
        <caption>Latency per endpoint</caption>
        <thead>
          <tr>
            <th scope="col">Endpoint</th>
            <th scope="col">p50</th>
            <th scope="col">p95</th>
          </tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={d.label}>
              <th scope="row">{d.label}</th>
              <td>{formatMs(d.p50)}</td>
              <td>{formatMs(d.p95)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
