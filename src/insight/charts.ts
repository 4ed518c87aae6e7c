import { scaleBand, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';

// Server-rendered SVG charts (d3-scale and d3-shape compute positions; no script in the page).
// Every data mark has class "mark"; colours keep 3:1 against white (WCAG 1.4.11) and lines also
// differ by their point shape, so no chart depends on telling colours apart. Each chart has a
// data table beside it on the page: the SVG is a picture of that table.

const WIDTH = 640;
const FONT = 13;
const INK = '#1b1f24';
const AXIS = '#545b64';
const GRID = '#d5dbe1';
/** Series colours, each at least 4.5:1 against white. */
export const PALETTE = ['#0b5c8a', '#b3461d', '#2b6e35', '#74399e', '#7a5a00', '#a0185a'];
const SHAPES = ['circle', 'square', 'triangle', 'diamond', 'circle', 'square'] as const;

export interface Series {
  name: string;
  values: number[];
}

interface ChartText {
  /** Unique on the page: ids of the title and description derive from it. */
  id: string;
  title: string;
  /** One or two sentences that say what the chart shows (read by screen readers). */
  description: string;
}

/** Escapes text for SVG (XML) content and attribute values. */
export function esc(text: string | number): string {
  return String(text).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1).replace('.', ','));
const round = (n: number) => Math.round(n * 10) / 10;

function svgOpen(t: ChartText, height: number, width = WIDTH): string {
  // Drawn at its own size on a wide screen, scaled down (CSS max-width) on a narrow one.
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `role="img" aria-labelledby="${t.id}-titel ${t.id}-uitleg" font-family="inherit" font-size="${FONT}">` +
    `<title id="${t.id}-titel">${esc(t.title)}</title><desc id="${t.id}-uitleg">${esc(t.description)}</desc>`
  );
}

/** A legend row at the top: a swatch (in the series' shape for lines) and the name per series. */
function legend(series: Series[], y: number, withShapes: boolean): string {
  let x = 8;
  let out = '';
  series.forEach((s, i) => {
    const swatch = withShapes
      ? marker(SHAPES[i % SHAPES.length], x + 6, y - 4, PALETTE[i % PALETTE.length], '')
      : `<rect x="${x}" y="${y - 10}" width="12" height="12" fill="${PALETTE[i % PALETTE.length]}"/>`;
    out += `${swatch}<text x="${x + 18}" y="${y}" fill="${INK}">${esc(s.name)}</text>`;
    x += 18 + Math.min(220, s.name.length * 7.2) + 18;
  });
  return `<g class="legend">${out}</g>`;
}

function marker(
  shape: (typeof SHAPES)[number],
  x: number,
  y: number,
  colour: string,
  cls: string,
  title?: string,
): string {
  const c = cls ? ` class="${cls}"` : '';
  const r = 4.5;
  const [tag, attrs] =
    shape === 'square'
      ? ['rect', `x="${round(x - r)}" y="${round(y - r)}" width="${2 * r}" height="${2 * r}"`]
      : shape === 'triangle'
        ? [
            'path',
            `d="M${round(x)},${round(y - r - 1)}L${round(x + r + 1)},${round(y + r)}L${round(x - r - 1)},${round(y + r)}Z"`,
          ]
        : shape === 'diamond'
          ? [
              'path',
              `d="M${round(x)},${round(y - r - 1)}L${round(x + r + 1)},${round(y)}L${round(x)},${round(y + r + 1)}L${round(x - r - 1)},${round(y)}Z"`,
            ]
          : ['circle', `cx="${round(x)}" cy="${round(y)}" r="${r}"`];
  const open = `<${tag}${c} ${attrs} fill="${colour}"`;
  return title ? `${open}><title>${esc(title)}</title></${tag}>` : `${open}/>`;
}

/** Cuts a long label for the axis (the table beside the chart has it whole). */
function short(label: string, max: number): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

/**
 * Horizontal bars, one group per category and one bar per series: categories may have long
 * names (meetings, organisation kinds). A value is written at the end of its bar.
 */
export function barChart(
  t: ChartText & { categories: string[]; series: Series[]; max?: number; unit?: string },
): string {
  const multi = t.series.length > 1;
  const top = multi ? 30 : 10;
  const labelWidth = 190;
  const barHeight = 16;
  const groupHeight = barHeight * t.series.length + 10;
  const height = top + t.categories.length * groupHeight + 28;
  const highest = Math.max(1, t.max ?? 0, ...t.series.flatMap((s) => s.values));
  const x = scaleLinear()
    .domain([0, highest])
    .nice()
    .range([labelWidth, WIDTH - 48]);
  const y = scaleBand()
    .domain(t.categories.map((_, i) => String(i)))
    .range([top, top + t.categories.length * groupHeight])
    .paddingInner(0);
  const unit = t.unit ?? '';
  let out = svgOpen(t, height);
  if (multi) out += legend(t.series, 18, false);
  for (const tick of x.ticks(5)) {
    const tx = round(x(tick));
    out += `<line x1="${tx}" x2="${tx}" y1="${top}" y2="${height - 24}" stroke="${GRID}"/>`;
    out += `<text x="${tx}" y="${height - 8}" text-anchor="middle" fill="${AXIS}">${fmt(tick)}${esc(unit)}</text>`;
  }
  t.categories.forEach((category, ci) => {
    const gy = y(String(ci))!;
    out += `<text x="${labelWidth - 8}" y="${round(gy + (groupHeight - 10) / 2 + 4)}" text-anchor="end" fill="${INK}">${esc(short(category, 25))}</text>`;
    t.series.forEach((s, si) => {
      const value = s.values[ci] ?? 0;
      const by = gy + si * barHeight;
      const w = round(x(value) - x(0));
      out +=
        `<rect class="mark" x="${labelWidth}" y="${round(by)}" width="${w}" height="${barHeight - 3}" fill="${PALETTE[si % PALETTE.length]}">` +
        `<title>${esc(`${category}, ${s.name}: ${fmt(value)}${unit}`)}</title></rect>`;
      out += `<text x="${round(labelWidth + w + 4)}" y="${round(by + barHeight - 6)}" fill="${INK}">${fmt(value)}${esc(unit)}</text>`;
    });
  });
  out += `<line x1="${labelWidth}" x2="${labelWidth}" y1="${top}" y2="${height - 24}" stroke="${AXIS}"/>`;
  return `${out}</svg>`;
}

/** Lines over the years, one per series, with a point (its own shape per series) for every year. */
export function lineChart(t: ChartText & { years: number[]; series: Series[] }): string {
  const height = 300;
  const top = 34;
  const bottom = height - 30;
  const left = 44;
  const right = WIDTH - 20;
  const highest = Math.max(1, ...t.series.flatMap((s) => s.values));
  const years = t.years.length ? t.years : [new Date().getFullYear()];
  const x = scaleLinear()
    .domain(years.length > 1 ? [years[0], years[years.length - 1]] : [years[0] - 1, years[0] + 1])
    .range([left + 16, right - 16]);
  const y = scaleLinear().domain([0, highest]).nice().range([bottom, top]);
  let out = svgOpen(t, height);
  out += legend(t.series, 18, true);
  for (const tick of y.ticks(5).filter(Number.isInteger)) {
    const ty = round(y(tick));
    out += `<line x1="${left}" x2="${right}" y1="${ty}" y2="${ty}" stroke="${GRID}"/>`;
    out += `<text x="${left - 6}" y="${ty + 4}" text-anchor="end" fill="${AXIS}">${tick}</text>`;
  }
  for (const year of years)
    out += `<text x="${round(x(year))}" y="${height - 10}" text-anchor="middle" fill="${AXIS}">${year}</text>`;
  const path = line<[number, number]>()
    .x((d) => x(d[0]))
    .y((d) => y(d[1]));
  t.series.forEach((s, si) => {
    const colour = PALETTE[si % PALETTE.length];
    const points = years.map((year, i) => [year, s.values[i] ?? 0] as [number, number]);
    out += `<path class="line" d="${path(points)}" fill="none" stroke="${colour}" stroke-width="2.5"/>`;
    for (const [year, value] of points)
      out += marker(
        SHAPES[si % SHAPES.length],
        x(year),
        y(value),
        colour,
        'mark',
        `${s.name}, ${year}: ${value}`,
      );
  });
  out += `<line x1="${left}" x2="${right}" y1="${bottom}" y2="${bottom}" stroke="${AXIS}"/>`;
  return `${out}</svg>`;
}

/** Relative luminance of an "rgb(r, g, b)" or "#rrggbb" colour (WCAG). */
function luminance(colour: string): number {
  const parts = colour.startsWith('#')
    ? [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16))
    : (colour.match(/\d+/g) ?? ['0', '0', '0']).slice(0, 3).map(Number);
  const [r, g, b] = parts.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Black or white text, whichever contrasts more with the fill. */
function textOn(fill: string): string {
  const l = luminance(fill);
  return 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? '#ffffff' : INK;
}

/** A grid of rows × years, each cell shaded by its count and labelled with it (themes over the years). */
export function heatmap(t: ChartText & { rows: string[]; years: number[]; values: number[][] }): string {
  const labelWidth = 200;
  const cell = 30;
  const top = 26;
  const years = t.years;
  const cellWidth = Math.max(44, Math.min(80, (WIDTH - labelWidth - 10) / Math.max(1, years.length)));
  const width = Math.round(labelWidth + years.length * cellWidth + 10);
  const height = top + t.rows.length * cell + 8;
  const highest = Math.max(1, ...t.values.flat());
  const shade = scaleLinear<string>().domain([0, highest]).range(['#e3eef7', '#0b3d5e']);
  let out = svgOpen(t, height, width);
  years.forEach((year, yi) => {
    out += `<text x="${round(labelWidth + yi * cellWidth + cellWidth / 2)}" y="${top - 9}" text-anchor="middle" fill="${AXIS}">${year}</text>`;
  });
  t.rows.forEach((row, ri) => {
    const ry = top + ri * cell;
    out += `<text x="${labelWidth - 8}" y="${ry + cell / 2 + 4}" text-anchor="end" fill="${INK}">${esc(short(row, 25))}</text>`;
    years.forEach((year, yi) => {
      const value = t.values[ri]?.[yi] ?? 0;
      const fill = value === 0 ? '#ffffff' : shade(value);
      const cx = round(labelWidth + yi * cellWidth);
      out +=
        `<rect class="mark" x="${cx + 1}" y="${ry + 1}" width="${round(cellWidth - 2)}" height="${cell - 2}" fill="${fill}" stroke="${GRID}">` +
        `<title>${esc(`${row}, ${year}: ${value}`)}</title></rect>`;
      out += `<text x="${round(cx + cellWidth / 2)}" y="${ry + cell / 2 + 4}" text-anchor="middle" fill="${textOn(fill)}">${value}</text>`;
    });
  });
  return `${out}</svg>`;
}
