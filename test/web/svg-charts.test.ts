// Tests of the statistics page's SVG bar charts: sized to their content, an axis through zero, negative bars.
import { describe, expect, it } from 'vitest';
import { barChartSvg } from '../../src/web/svg-charts.ts';

const attribute = (svg: string, name: string) => Number(new RegExp(`<svg[^>]* ${name}="([\\d.]+)"`).exec(svg)?.[1]);
const rects = (svg: string) =>
  [...svg.matchAll(/<rect class="bar" x="([-\d.]+)" y="[\d.]+" width="([\d.]+)"/g)].map((m) => ({
    x: Number(m[1]),
    width: Number(m[2]),
  }));
/** The x of the zero line (the axis line drawn at the tick labelled 0). */
const zeroX = (svg: string) =>
  Number(/<line class="axis" x1="([\d.]+)" x2="\1"[^>]*><\/line><text x="\1"[^>]*>0<\/text>/.exec(svg)?.[1]);
const ticks = (svg: string) =>
  [...svg.matchAll(/<text x="[\d.]+" y="[\d.]+" text-anchor="middle">([-\d.]+)<\/text>/g)].map((m) => Number(m[1]));

describe('barChartSvg', () => {
  it('draws a negative value as a bar left of zero and a positive one right of it', () => {
    const svg = barChartSvg({
      title: 'Score',
      bars: [
        { label: 'good', value: 80 },
        { label: 'bad', value: -150 },
      ],
    });
    const [good, bad] = rects(svg) as [{ x: number; width: number }, { x: number; width: number }];
    const zero = zeroX(svg);
    expect(Number.isFinite(zero)).toBe(true);
    expect(good.x).toBeCloseTo(zero, 0);
    expect(bad.x + bad.width).toBeCloseTo(zero, 0);
    // Lengths in proportion to the values.
    expect(bad.width / good.width).toBeCloseTo(150 / 80, 1);
    // Round ticks, evenly spaced, through zero, covering both values.
    const marks = ticks(svg);
    expect(marks).toContain(0);
    expect(marks[0]).toBeLessThanOrEqual(-150);
    expect(marks.at(-1)).toBeGreaterThanOrEqual(80);
    expect(new Set(marks.slice(1).map((tick, i) => tick - (marks[i] as number))).size).toBe(1);
  });

  it('starts the axis at zero for positive values, with round ticks past the largest', () => {
    const svg = barChartSvg({
      title: 'Errors',
      bars: [
        { label: 'a', value: 13 },
        { label: 'b', value: 4 },
      ],
    });
    expect(ticks(svg)).toEqual([0, 5, 10, 15]);
    expect((rects(svg)[0] as { x: number }).x).toBeCloseTo(zeroX(svg), 0);
  });

  it('sizes itself to its content: wider for longer labels, taller for more bars', () => {
    const short = barChartSvg({ title: 'T', bars: [{ label: 'a', value: 1 }] });
    const long = barChartSvg({
      title: 'T',
      bars: [{ label: 'a much longer label, as long as the title of a news article can be', value: 1 }],
    });
    const many = barChartSvg({ title: 'T', bars: Array.from({ length: 6 }, (_, i) => ({ label: `a${i}`, value: i })) });
    expect(attribute(long, 'width')).toBeGreaterThan(attribute(short, 'width'));
    expect(attribute(many, 'height')).toBeGreaterThan(attribute(short, 'height'));
    expect(attribute(long, 'width')).toBeLessThanOrEqual(640);
  });

  it('prints every label and value as escaped text, and the empty message without bars', () => {
    const svg = barChartSvg({ title: 'A & B', bars: [{ label: '<b>x</b>', value: 2.5, text: '2.50 pass' }] });
    expect(svg).toContain('&#60;b&#62;x&#60;/b&#62;');
    expect(svg).toContain('2.50 pass');
    expect(svg).toContain('aria-label="A &#38; B"');
    const empty = barChartSvg({ title: 'Nothing', bars: [], empty: 'No errors recorded yet.' });
    expect(empty).toContain('No errors recorded yet.');
    expect(rects(empty)).toEqual([]);
  });
});
