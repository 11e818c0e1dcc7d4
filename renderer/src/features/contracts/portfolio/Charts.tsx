import { useCallback, useState, type ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, Pie, PieChart, ResponsiveContainer, XAxis, YAxis, type LabelProps } from 'recharts';
import { compactPounds, type Bar as BarRow } from './portfolio-format';

/**
 * The portfolio's charts. Each is a picture (role img) named by a sentence that says what it
 * shows; the table beside it carries every figure, so the chart is never the only carrier of
 * information. Colours keep at least 3:1 against white (WCAG 2.2 1.4.11), bars are labelled
 * with their values, and nothing moves (no animation).
 */

/** Brand teal (7.9:1 on white) and the grey used for "All others" (4.6:1). */
export const CHART_COLOURS = { main: '#0b5563', others: '#6b7682', accent: '#5b4a9e', warn: '#8a4b08' } as const;
const AXIS = { fontSize: 13, fill: '#16202a' };

/** Below this width (a phone, 400% zoom) a chart takes its narrow layout (WCAG 2.2 1.4.10 Reflow). */
const NARROW_PX = 480;

/** The width the chart's ResponsiveContainer measures, through its own onResize; 0 until first measured. */
function useChartWidth(): [number, (width: number) => void] {
  const [width, setWidth] = useState(0);
  const onResize = useCallback((w: number) => setWidth((old) => (Math.abs(old - w) < 1 ? old : w)), []);
  return [width, onResize];
}

const shorten = (v: string, max: number) => (v.length > max ? `${v.slice(0, max - 1)}…` : v);

/** A chart and its table side by side (stacked on a narrow window), with the chart's text alternative as its caption. */
export function ChartWithTable({ id, title, sentence, chart, table }: { id: string; title: string; sentence: string; chart: ReactNode; table: ReactNode }) {
  return (
    <section className="card pf-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      <p className="pf-sentence" id={`${id}-text`}>
        {sentence}
      </p>
      <div className="pf-pair">
        <figure className="pf-figure">
          <div className="pf-chart" role="img" aria-label={`Chart: ${title}. ${sentence}`}>
            {chart}
          </div>
          <figcaption className="visually-hidden">{title}: the same figures are in the table.</figcaption>
        </figure>
        {/* Scrolls sideways on a narrow window, so it can take the focus to be scrolled by keyboard. */}
        <div className="pf-table" tabIndex={0} role="region" aria-label={`${title}: the figures`}>
          {table}
        </div>
      </div>
    </section>
  );
}

/**
 * Pounds a year by name, largest first, as horizontal bars labelled with their values. On a wide
 * window the names are a category axis beside the bars; on a narrow one the axis would leave the
 * bars a sliver, so each name is written above its bar across the chart's width instead.
 */
export function PoundsBarChart({ rows }: { rows: BarRow[] }) {
  const [width, onResize] = useChartWidth();
  const narrow = width > 0 && width < NARROW_PX;
  const data = rows.map((r) => ({ ...r, pounds: r.pence, fill: r.others ? CHART_COLOURS.others : CHART_COLOURS.main }));
  const height = Math.max(120, (narrow ? 62 : 44) * data.length + 40);
  // About 7.5 px a character at 13 px: as many as fit on the chart's width.
  const fit = Math.max(12, Math.floor((width - 8) / 7.5));
  const nameAbove = (props: LabelProps) => (
    <text x={Number(props.x ?? 0)} y={Number(props.y ?? 0) - 6} fontSize={13} fill="#16202a">
      {shorten(String(props.value ?? ''), fit)}
    </text>
  );
  return (
    <ResponsiveContainer width="100%" height={height} onResize={onResize}>
      <BarChart data={data} layout="vertical" margin={{ top: narrow ? 20 : 4, right: narrow ? 56 : 64, bottom: 4, left: narrow ? 16 : 4 }} accessibilityLayer={false} barCategoryGap={narrow ? '36%' : '10%'}>
        <CartesianGrid horizontal={false} stroke="#dfe5ea" />
        <XAxis type="number" dataKey="pounds" tickFormatter={compactPounds} tick={AXIS} stroke="#6b7682" tickCount={narrow ? 3 : 5} />
        <YAxis type="category" dataKey="name" width={narrow ? 0 : 150} hide={narrow} tick={AXIS} stroke="#6b7682" interval={0} tickFormatter={(v: string) => shorten(v, 26)} />
        <Bar dataKey="pounds" isAnimationActive={false} barSize={26} fill={CHART_COLOURS.main}>
          {narrow ? <LabelList dataKey="name" content={nameAbove} /> : null}
          <LabelList dataKey="pounds" position="right" formatter={(v: unknown) => compactPounds(Number(v))} style={{ fontSize: 13, fill: '#16202a', fontWeight: 600 }} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

/** How many contracts end within 6, 12 and 18 months: one bar each, labelled with the count; narrower bars and shorter labels on a narrow window. */
export function EndingChart({ rows }: { rows: { label: string; contracts: number }[] }) {
  const [width, onResize] = useChartWidth();
  const narrow = width > 0 && width < NARROW_PX;
  const tick = narrow ? { ...AXIS, fontSize: 12 } : AXIS;
  return (
    <ResponsiveContainer width="100%" height={240} onResize={onResize}>
      <BarChart data={rows} margin={{ top: 24, right: narrow ? 8 : 16, bottom: 4, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke="#dfe5ea" />
        <XAxis dataKey="label" tick={tick} stroke="#6b7682" interval={0} tickFormatter={(v: string) => v.replace(/^Within /, '')} />
        <YAxis allowDecimals={false} tick={tick} stroke="#6b7682" width={narrow ? 28 : 40} />
        <Bar dataKey="contracts" isAnimationActive={false} barSize={narrow ? 36 : 56} fill={CHART_COLOURS.accent}>
          <LabelList dataKey="contracts" position="top" style={{ fontSize: 14, fill: '#16202a', fontWeight: 700 }} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

/** The largest commissioner's share against everyone else's, as a ring with the percentage in its middle. */
export function ShareRing({ share, label }: { share: number; label: string }) {
  const data = [
    { name: 'Largest commissioner', value: Math.max(0, Math.min(1, share)), fill: CHART_COLOURS.warn },
    { name: 'Everyone else', value: Math.max(0, 1 - share), fill: CHART_COLOURS.others },
  ];
  return (
    <div className="pf-ring">
      <ResponsiveContainer width="100%" height={220}>
        <PieChart accessibilityLayer={false}>
          <Pie data={data} dataKey="value" nameKey="name" innerRadius="66%" outerRadius="94%" startAngle={90} endAngle={-270} stroke="#ffffff" strokeWidth={2} isAnimationActive={false} />
        </PieChart>
      </ResponsiveContainer>
      <div className="pf-ring-centre" aria-hidden="true">
        <span className="pf-ring-figure">{label}</span>
        <span className="pf-ring-note">from the largest commissioner</span>
      </div>
    </div>
  );
}
