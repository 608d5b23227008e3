"use client";

import { Area, AreaChart, Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

// Charts are pictures of the table beside them: hidden from screen readers, which read the table.
const colors = { first: "#4f46e5", second: "#10b981", third: "#f59e0b" };

type Series<Row> = { key: keyof Row & string; label: string; color?: keyof typeof colors };

function Frame({ children, height = 220 }: { children: React.ReactElement; height?: number }) {
  return (
    <div aria-hidden="true" className="w-full rounded-xl border border-slate-200 bg-white p-3" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </div>
  );
}

/** Grouped bars: one group per row (a month, a weekday, an hour…), one bar per series. */
export function BarsChart<Row extends Record<string, unknown>>({
  rows,
  label,
  series,
  format = (value: number) => String(value),
  height,
}: {
  rows: Row[];
  label: (row: Row) => string;
  series: Series<Row>[];
  format?: (value: number) => string;
  height?: number;
}) {
  const data: Record<string, unknown>[] = rows.map((row) => ({ ...row, __label: label(row) }));
  return (
    <Frame height={height}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
        <XAxis dataKey="__label" tick={{ fontSize: 11, fill: "#64748b" }} interval="preserveStartEnd" />
        <YAxis tick={{ fontSize: 11, fill: "#64748b" }} tickFormatter={(value: number) => format(value)} width={56} allowDecimals={false} />
        <Tooltip formatter={(value) => format(Number(value))} isAnimationActive={false} />
        {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
        {series.map((s, i) => (
          <Bar key={s.key} dataKey={s.key as string} name={s.label} fill={colors[s.color ?? (["first", "second", "third"] as const)[i % 3]!]} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        ))}
      </BarChart>
    </Frame>
  );
}

/** One value over the days of the range. */
export function AreaOverTime<Row extends Record<string, unknown>>({ rows, label, series }: { rows: Row[]; label: (row: Row) => string; series: Series<Row> }) {
  const data: Record<string, unknown>[] = rows.map((row) => ({ ...row, __label: label(row) }));
  return (
    <Frame>
      <AreaChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
        <XAxis dataKey="__label" tick={{ fontSize: 11, fill: "#64748b" }} interval="preserveStartEnd" minTickGap={24} />
        <YAxis tick={{ fontSize: 11, fill: "#64748b" }} width={56} allowDecimals={false} />
        <Tooltip isAnimationActive={false} />
        <Area type="monotone" dataKey={series.key as string} name={series.label} stroke={colors.first} fill={colors.first} fillOpacity={0.15} isAnimationActive={false} />
      </AreaChart>
    </Frame>
  );
}
