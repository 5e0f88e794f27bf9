// Server-side inline SVG charts: horizontal bar charts sized to their content, with a value axis through zero, every
// label and value printed as text; readable without JavaScript or colour (the stylesheet colours them).
import type { Bar } from '../stats/summary.ts';

/** What a bar chart shows: a title (the SVG's accessible name) and its bars, top to bottom. */
export interface BarChart {
  title: string;
  bars: readonly Bar[];
  /** Printed when there are no bars. */
  empty?: string;
}

// Each row is its label on one line and its bar below; the values stand in a column on the right.
const layout = { minWidth: 320, maxWidth: 640, charWidth: 7, side: 4, top: 30, label: 16, bar: 14, gap: 10, axis: 28 };

/** Escapes text for SVG/XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function shorten(label: string, max = 80): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/** A round step (1, 2 or 5 times a power of ten) that cuts `span` into at most about four parts. */
function tickStep(span: number): number {
  const rough = span / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  return ([1, 2, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
}

/** The value axis: from the lowest tick at or below min(0, values) to the highest at or above max(0, values). */
function axisOf(bars: readonly Bar[]): { low: number; high: number; ticks: number[] } {
  const values = bars.map((bar) => bar.value).filter(Number.isFinite);
  const min = Math.min(0, ...values);
  const max = Math.max(0, ...values);
  if (min === max) return { low: 0, high: 1, ticks: [0, 1] };
  const step = tickStep(max - min);
  const low = Math.floor(min / step) * step;
  const high = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let tick = low; tick <= high + step / 2; tick += step) ticks.push(Number(tick.toPrecision(12)));
  return { low, high, ticks };
}

interface Frame {
  plotLeft: number;
  plotWidth: number;
  valueX: number;
  x: (value: number) => number;
}

function barRow(bar: Bar, index: number, frame: Frame): string {
  const y = layout.top + index * (layout.label + layout.bar + layout.gap);
  const value = Number.isFinite(bar.value) ? bar.value : 0;
  const from = Math.min(frame.x(0), frame.x(value));
  const width = Math.abs(frame.x(value) - frame.x(0));
  const text = escapeXml(bar.text ?? formatValue(bar.value));
  const barY = y + layout.label;
  return [
    `<g><title>${escapeXml(bar.label)}: ${text}</title>`,
    `<text x="${frame.plotLeft}" y="${y + 12}">${escapeXml(shorten(bar.label))}</text>`,
    `<rect class="bar" x="${from.toFixed(1)}" y="${barY}" width="${width.toFixed(1)}" height="${layout.bar}" fill="#3d64a8"></rect>`,
    `<text x="${frame.valueX}" y="${barY + 11}" text-anchor="end">${text}</text></g>`,
  ].join('');
}

function axisMarks(axis: ReturnType<typeof axisOf>, frame: Frame, plotBottom: number): string {
  const parts = axis.ticks.map((tick) => {
    const x = frame.x(tick).toFixed(1);
    const line = tick === 0 ? 'axis' : 'grid';
    return (
      `<line class="${line}" x1="${x}" x2="${x}" y1="${layout.top - 4}" y2="${plotBottom}" stroke="#888"></line>` +
      `<text x="${x}" y="${plotBottom + 16}" text-anchor="middle">${formatValue(tick)}</text>`
    );
  });
  const left = frame.plotLeft.toFixed(1);
  const right = (frame.plotLeft + frame.plotWidth).toFixed(1);
  return `<line class="axis" x1="${left}" x2="${right}" y1="${plotBottom}" y2="${plotBottom}" stroke="#888"></line>${parts.join('')}`;
}

/** An inline `<svg>` bar chart; a negative value is a bar left of zero. Every label and value is also text. */
export function barChartSvg(chart: BarChart): string {
  const { top, label, bar, gap, side, charWidth } = layout;
  const title = escapeXml(chart.title);
  const texts = chart.bars.map((b) => b.text ?? formatValue(b.value));
  const valueWidth = Math.max(4, ...texts.map((t) => t.length)) * charWidth + 12;
  const longest = Math.max(chart.title.length, ...chart.bars.map((b) => shorten(b.label).length));
  const width = Math.round(Math.min(layout.maxWidth, Math.max(layout.minWidth, longest * charWidth + valueWidth)));
  const rows = chart.bars.length;
  const plotBottom = top + rows * (label + bar + gap);
  const height = rows > 0 ? plotBottom + layout.axis : top + 24;
  const axis = axisOf(chart.bars);
  const plotLeft = side + 12;
  const plotWidth = width - valueWidth - plotLeft - side;
  const x = (value: number) => plotLeft + ((value - axis.low) / (axis.high - axis.low)) * plotWidth;
  const frame = { plotLeft, plotWidth, valueX: width - side, x };
  const body =
    rows > 0
      ? axisMarks(axis, frame, plotBottom - gap / 2) + chart.bars.map((b, i) => barRow(b, i, frame)).join('')
      : `<text x="0" y="${top + 14}">${escapeXml(chart.empty ?? 'Nothing to show yet.')}</text>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-label="${title}" ` +
    `width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">` +
    `<title>${title}</title><text x="0" y="16" font-weight="bold" font-size="14">${title}</text>${body}</svg>`
  );
}
