// The soak test's plot: one small line chart per sampled metric, time on x,
// warm-up shaded grey and the compared first and last thirds tinted. Plain
// SVG written here (no dependency, no binary).

const PANEL_W = 440;
const PANEL_H = 150;
const PAD = { left: 56, right: 12, top: 24, bottom: 26 };
const COLS = 2;

const esc = (s) =>
  String(s).replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c],
  );
const num = (v) => (Math.abs(v) >= 100 || Number.isInteger(v) ? v.toFixed(0) : v.toFixed(1));

function panel(series, metric, x0, y0, { warmupS, thirds }) {
  const xs = series.map((r) => r.tS);
  const ys = series.map((r) => r[metric.key]);
  const tMax = Math.max(...xs, 1);
  const yMaxRaw = Math.max(...ys);
  const yMinRaw = Math.min(...ys);
  // From zero unless the values sit far above it, so that growth is seen in proportion.
  const yMin = yMinRaw > 0 && yMinRaw > 0.5 * yMaxRaw ? yMinRaw * 0.9 : 0;
  const yMax = yMaxRaw === yMin ? yMin + 1 : yMaxRaw + (yMaxRaw - yMin) * 0.1;
  const w = PANEL_W - PAD.left - PAD.right;
  const h = PANEL_H - PAD.top - PAD.bottom;
  const px = (t) => x0 + PAD.left + (t / tMax) * w;
  const py = (v) => y0 + PAD.top + h - ((v - yMin) / (yMax - yMin)) * h;
  const band = (from, to, fill) =>
    to > from
      ? `<rect x="${px(from).toFixed(1)}" y="${y0 + PAD.top}" width="${(px(to) - px(from)).toFixed(1)}" height="${h}" fill="${fill}"/>`
      : '';
  const points = series
    .map((r) => `${px(r.tS).toFixed(1)},${py(r[metric.key]).toFixed(1)}`)
    .join(' ');
  return [
    `<text x="${x0 + PAD.left}" y="${y0 + 15}" font-weight="bold">${esc(metric.label)}</text>`,
    band(0, Math.min(warmupS, tMax), '#eeeeee'),
    thirds ? band(thirds.first[0], thirds.first[1], '#dbe9f6') : '',
    thirds ? band(thirds.last[0], thirds.last[1], '#fbe3cf') : '',
    `<rect x="${x0 + PAD.left}" y="${y0 + PAD.top}" width="${w}" height="${h}" fill="none" stroke="#999"/>`,
    `<polyline points="${points}" fill="none" stroke="#1f5fa8" stroke-width="1.5"/>`,
    `<text x="${x0 + PAD.left - 4}" y="${py(yMax) + 4}" text-anchor="end">${num(yMax)}</text>`,
    `<text x="${x0 + PAD.left - 4}" y="${py(yMin)}" text-anchor="end">${num(yMin)}</text>`,
    `<text x="${px(0)}" y="${y0 + PANEL_H - 8}">0</text>`,
    `<text x="${px(tMax)}" y="${y0 + PANEL_H - 8}" text-anchor="end">${num(tMax)} s</text>`,
  ].join('\n');
}

/**
 * An SVG document with one panel per `metrics` entry ({ key, label }) plus
 * calls/s, over `series` (rows with `tS` and those keys).
 */
export function renderSoakSvg(series, { warmupS, metrics }) {
  const measured = series.filter((r) => r.tS >= warmupS);
  const third = Math.floor(measured.length / 3);
  const thirds =
    third >= 2
      ? {
          first: [measured[0].tS, measured[third - 1].tS],
          last: [measured.at(-third).tS, measured.at(-1).tS],
        }
      : undefined;
  const all = [...metrics, { key: 'callsPerS', label: 'calls/s (ok)' }];
  const rows = Math.ceil(all.length / COLS);
  const width = COLS * PANEL_W;
  const height = rows * PANEL_H + 30;
  const panels = all.map((m, i) =>
    panel(series, m, (i % COLS) * PANEL_W, 30 + Math.floor(i / COLS) * PANEL_H, {
      warmupS,
      thirds,
    }),
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">
<rect width="100%" height="100%" fill="white"/>
<text x="10" y="18" font-size="13">Soak series — grey: warm-up; blue: first third; orange: last third (compared)</text>
${panels.join('\n')}
</svg>
`;
}
