// Server-side inline SVG charts: horizontal bar charts with text labels, readable without JavaScript or colour.

/** One bar: its label, its value, and optionally the text printed after it (default: the value). */
export interface Bar {
  label: string;
  value: number;
  text?: string;
}

/** What a bar chart shows: a title (the SVG's accessible name) and its bars, top to bottom. */
export interface BarChart {
  title: string;
  bars: readonly Bar[];
  /** Printed when there are no bars. */
  empty?: string;
}

const layout = { width: 640, labelWidth: 220, valueWidth: 90, barHeight: 18, gap: 6, top: 28 };

/** Escapes text for SVG/XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function shorten(label: string, max = 34): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

function barRow(bar: Bar, index: number, scale: number): string {
  const { labelWidth, barHeight, gap, top } = layout;
  const y = top + index * (barHeight + gap);
  const width = Math.max(0, bar.value) * scale;
  const text = escapeXml(bar.text ?? formatValue(bar.value));
  return [
    `<g><title>${escapeXml(bar.label)}: ${text}</title>`,
    `<text x="${labelWidth - 6}" y="${y + barHeight - 5}" text-anchor="end">${escapeXml(shorten(bar.label))}</text>`,
    `<rect x="${labelWidth}" y="${y}" width="${width.toFixed(1)}" height="${barHeight}" fill="#4a6fa5"></rect>`,
    `<text x="${(labelWidth + width + 4).toFixed(1)}" y="${y + barHeight - 5}">${text}</text></g>`,
  ].join('');
}

/** An inline `<svg>` bar chart; every label and value is also printed as text. */
export function barChartSvg(chart: BarChart): string {
  const { width, labelWidth, valueWidth, barHeight, gap, top } = layout;
  const rows = Math.max(chart.bars.length, 1);
  const height = top + rows * (barHeight + gap) + 4;
  const max = Math.max(0, ...chart.bars.map((bar) => bar.value));
  const scale = max > 0 ? (width - labelWidth - valueWidth) / max : 0;
  const title = escapeXml(chart.title);
  const body =
    chart.bars.length > 0
      ? chart.bars.map((bar, index) => barRow(bar, index, scale)).join('')
      : `<text x="0" y="${top + barHeight - 5}">${escapeXml(chart.empty ?? 'Nothing to show yet.')}</text>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-label="${title}" ` +
    `width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">` +
    `<title>${title}</title><text x="0" y="16" font-weight="bold" font-size="14">${title}</text>${body}</svg>`
  );
}
