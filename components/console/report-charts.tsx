"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

// Charts are pictures of the tables shown beside them; screen readers get the tables
// (the chart itself is aria-hidden), so nothing is only in the picture.
const palette = ["#1f6f63", "#b45309", "#1d4ed8", "#7c3aed", "#be123c", "#0f766e", "#4d5a57", "#a16207"];

export type StackedSeries = {
  rows: Record<string, string | number>[];
  keys: { key: string; label: string }[];
  xKey: string;
};

export function StackedBarChart({ data, height = 280 }: { data: StackedSeries; height?: number }) {
  return (
    <div aria-hidden="true" className="h-[280px] w-full" style={{ height }} data-testid="chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data.rows} margin={{ top: 8, right: 8, left: 0, bottom: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="#d6d3d1" />
          <XAxis dataKey={data.xKey} tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={48} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {data.keys.map((k, i) => (
            <Bar
              key={k.key}
              dataKey={k.key}
              name={k.label}
              stackId="a"
              fill={palette[i % palette.length]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
