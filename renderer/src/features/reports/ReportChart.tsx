import { Bar, BarChart, CartesianGrid, Cell, Legend, Pie, PieChart, XAxis, YAxis, LabelList } from 'recharts';
import type { ReportBlock, ReportTable } from '../../../../shared/contract/reports';
import { compactPounds } from '../contracts/portfolio/portfolio-format';
import { chartData, isMoneyColumn } from './report-format';

type ChartBlock = Extract<ReportBlock, { type: 'chart' }>;

/**
 * Colours with at least 3:1 against white (WCAG 2.2 1.4.11), the brand's teal first; values are
 * written on the bars and slices and the table carries every figure, so colour is never the only
 * carrier of meaning.
 */
export const REPORT_COLOURS = ['#0b5563', '#5b4a9e', '#8a4b08', '#1d6b35', '#9b1c4a', '#6b7682'] as const;
const AXIS = { fontSize: 13, fill: '#16202a' };
/** A fixed size, so the chart is the same on screen, in print and in the picture the DOCX carries. */
const WIDTH = 720;

/**
 * One chart of the report, drawn from its table: a picture (role img) named by the report's own
 * text alternative, with a caption pointing to the table that holds the same figures. The SVG is
 * what the DOCX receives as a PNG (chart-png.ts finds it by data-report-chart).
 */
export function ReportChart({ block, table }: { block: ChartBlock; table: ReportTable | undefined }) {
  if (!table) {
    return <p className="rpt-note">The chart “{block.title}” has no table to draw from.</p>;
  }
  const data = chartData(table, block.labelKey, block.valueKeys);
  const names = new Map(table.columns.map((c) => [c.key, c.label]));
  // Money is pence in the table's numbers: shown in pounds, compactly ("£4.1m"), as the portfolio's charts do.
  const format = block.valueKeys.every((k) => isMoneyColumn(table, k)) ? compactPounds : (v: number) => v.toLocaleString('en-GB');
  return (
    <figure className="rpt-chart" data-report-chart={block.id}>
      <div className="rpt-chart-picture" role="img" aria-label={block.alt}>
        {block.chart === 'pie' ? <PieDrawing data={data} valueKey={block.valueKeys[0]!} format={format} /> : <BarDrawing data={data} valueKeys={block.valueKeys} names={names} stacked={block.chart === 'stackedBar'} format={format} />}
      </div>
      <figcaption>
        <span className="rpt-chart-title">{block.title}</span> <span className="rpt-chart-source">The figures are in the table “{table.title}”.</span>
      </figcaption>
    </figure>
  );
}

function BarDrawing({ data, valueKeys, names, stacked, format }: { data: Record<string, string | number>[]; valueKeys: string[]; names: Map<string, string>; stacked: boolean; format: (v: number) => string }) {
  const height = Math.max(200, Math.min(520, 36 * data.length * (stacked ? 1 : Math.max(1, valueKeys.length * 0.7)) + 80));
  return (
    <BarChart width={WIDTH} height={height} data={data} layout="vertical" margin={{ top: 8, right: 72, bottom: 8, left: 8 }} accessibilityLayer={false}>
      <CartesianGrid horizontal={false} stroke="#dfe5ea" />
      <XAxis type="number" allowDecimals={false} tick={AXIS} stroke="#6b7682" tickFormatter={(v: number) => format(v)} />
      <YAxis type="category" dataKey="label" width={190} tick={AXIS} stroke="#6b7682" interval={0} tickFormatter={(v: string) => (v.length > 30 ? `${v.slice(0, 29)}…` : v)} />
      {valueKeys.length > 1 ? <Legend wrapperStyle={{ fontSize: 13 }} /> : null}
      {valueKeys.map((k, i) => (
        <Bar key={k} dataKey={k} name={names.get(k) ?? k} stackId={stacked ? 'one' : undefined} isAnimationActive={false} fill={REPORT_COLOURS[i % REPORT_COLOURS.length]}>
          {stacked ? null : <LabelList dataKey={k} position="right" style={{ fontSize: 12, fill: '#16202a', fontWeight: 600 }} formatter={(v: unknown) => format(Number(v))} />}
        </Bar>
      ))}
    </BarChart>
  );
}

function PieDrawing({ data, valueKey, format }: { data: Record<string, string | number>[]; valueKey: string; format: (v: number) => string }) {
  return (
    <PieChart width={WIDTH} height={300} accessibilityLayer={false}>
      <Pie
        data={data}
        dataKey={valueKey}
        nameKey="label"
        cx="50%"
        cy="50%"
        outerRadius={110}
        stroke="#ffffff"
        strokeWidth={2}
        isAnimationActive={false}
        label={({ name, value }: { name?: string; value?: number }) => `${name ?? ''}: ${format(Number(value ?? 0))}`}
        labelLine
      >
        {data.map((row, i) => (
          <Cell key={String(row.label)} fill={REPORT_COLOURS[i % REPORT_COLOURS.length]} />
        ))}
      </Pie>
    </PieChart>
  );
}
