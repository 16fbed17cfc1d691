// Fan-out latency (p50 and p99, on a log scale) against deliveries per second, Spiegel and the floors
// side by side, as an SVG. `node chart.mjs` draws it again from results/latest.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function chart({ spiegel, durableFloor, floor }) {
  const W = 640, H = 360, L = 60, B = 40, T = 50;
  const all = [...spiegel.ramp, ...(durableFloor?.ramp ?? []), ...floor.ramp];
  const maxX = Math.max(...all.map((r) => r.deliveriesPerSecond));
  const lo = -1, hi = Math.ceil(Math.log10(Math.max(10, ...all.map((r) => r.p99))));
  const x = (v) => L + (v / maxX) * (W - L - 20);
  const y = (v) => H - B - ((Math.log10(Math.max(v, 0.1)) - lo) / (hi - lo)) * (H - B - T);
  const line = (ramp, key, colour, dash) => `<polyline fill="none" stroke="${colour}" stroke-width="2" ${dash ? 'stroke-dasharray="6 4"' : ''} points="${ramp.map((r) => `${x(r.deliveriesPerSecond).toFixed(1)},${y(r[key]).toFixed(1)}`).join(' ')}"/>`;
  const ticks = [];
  for (let e = lo; e <= hi; e++) {
    const v = 10 ** e;
    ticks.push(`<line x1="${L}" y1="${y(v).toFixed(1)}" x2="${W - 20}" y2="${y(v).toFixed(1)}" stroke="#ddd"/><text x="${L - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${v >= 1 ? v : v.toFixed(1)}</text>`);
  }
  for (const r of floor.ramp) {
    ticks.push(`<text x="${x(r.deliveriesPerSecond).toFixed(1)}" y="${H - B + 16}" text-anchor="middle">${Math.round(r.deliveriesPerSecond)}</text>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">
<rect width="100%" height="100%" fill="white"/>
${ticks.join('\n')}
<line x1="${L}" y1="${H - B}" x2="${W - 10}" y2="${H - B}" stroke="black"/><line x1="${L}" y1="${T - 10}" x2="${L}" y2="${H - B}" stroke="black"/>
<text x="${W / 2}" y="${H - 6}" text-anchor="middle">deliveries per second (100 meetings × 40 listeners)</text>
<text x="14" y="${H / 2}" transform="rotate(-90 14 ${H / 2})" text-anchor="middle">fan-out latency (ms, log scale)</text>
${line(spiegel.ramp, 'p99', '#b3261e')}${line(spiegel.ramp, 'p50', '#b3261e', true)}
${durableFloor ? line(durableFloor.ramp, 'p99', '#2e6b30') + line(durableFloor.ramp, 'p50', '#2e6b30', true) : ''}
${line(floor.ramp, 'p99', '#1d4e89')}${line(floor.ramp, 'p50', '#1d4e89', true)}
<text x="${L + 10}" y="18" fill="#b3261e">Spiegel: p99 solid, p50 dashed</text>
${durableFloor ? `<text x="${L + 250}" y="18" fill="#2e6b30">durable floor</text>` : ''}
<text x="${L + 10}" y="34" fill="#1d4e89">non-durable floor: p99 solid, p50 dashed</text>
</svg>`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const results = join(dirname(fileURLToPath(import.meta.url)), 'results');
  writeFileSync(join(results, 'latency.svg'), chart(JSON.parse(readFileSync(join(results, 'latest.json'), 'utf8'))));
}
