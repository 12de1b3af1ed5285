"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

// Paid amounts by month, stacked by method, on the fee dashboard. The picture only
// repeats the table beside it, so it is hidden from screen readers and — unlike recharts'
// default — takes no keyboard focus (a focusable node inside aria-hidden is an axe error).
const palette = ["#1f6f63", "#b45309", "#1d4ed8", "#7c3aed", "#be123c"];

export type FeeChartData = { rows: Record<string, string | number>[]; keys: { key: string; label: string }[] };

export function FeeChart({ data, height = 240 }: { data: FeeChartData; height?: number }) {
  return (
    <div aria-hidden="true" className="w-full" style={{ height }} data-testid="fee-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data.rows} margin={{ top: 8, right: 8, left: 0, bottom: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="#d6d3d1" />
          <XAxis dataKey="month" tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={56} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {data.keys.map((k, i) => (
            <Bar
              key={k.key}
              dataKey={k.key}
              name={k.label}
              stackId="paid"
              fill={palette[i % palette.length]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
