// Spiegel's benchmark (bench/README.md): the packaged server pinned to one core, this load
// generator on another, the same load against the non-durable floor (floor.mjs), a table with the
// ratios, results/latest.json and results/latency.svg.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, openSync, existsSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { room, percentile, inBatches } from './load.mjs';
import { chart } from './chart.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const jar = join(here, '..', 'target', 'quarkus-app', 'quarkus-run.jar');
// Started as in production: the JVM options of deploy/jvm.options and, when deploy/aot-cache.sh made
// one for this build, the AOT cache.
const jvmOptions = join(here, '..', 'deploy', 'jvm.options');
const aotCache = join(here, '..', 'target', 'quarkus-app', 'app.aot');
const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
const quick = process.argv.includes('--quick');
const seconds = quick ? 8 : 20;
const serverCore = '0';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function rss(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) * 1024;
}

/** The machine's CPU time so far and how much of it its host gave to others (steal, in /proc/stat). */
function cpuTimes() {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return { total: fields.reduce((a, b) => a + b, 0), steal: fields[7] ?? 0 };
}

/**
 * The share of the CPU time since {@code from} that the host took (a virtual machine's neighbours):
 * a figure measured while it was high says more about the host than about the server.
 */
function stolenSince(from) {
  const now = cpuTimes();
  return now.total > from.total ? (now.steal - from.steal) / (now.total - from.total) : 0;
}
const percent = (share) => `${(share * 100).toFixed(0)} %`;

// Spiegel's health is on its management interface, a port of its own.
const managementPort = (port) => port + 1000;

async function waitReady(port, within = 120_000) {
  const deadline = Date.now() + within;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${managementPort(port)}/q/health/ready`)).status === 200) return;
    } catch { /* not yet */ }
    await sleep(50);
  }
  throw new Error('not ready');
}

// A run that fails must not leave a server (and its database) holding the ports of the next run.
const children = new Set();
process.on('exit', () => children.forEach((child) => child.kill('SIGTERM')));

function startSpiegel(dataDir, port) {
  const env = { ...process.env, QUARKUS_HTTP_PORT: String(port), QUARKUS_MANAGEMENT_PORT: String(managementPort(port)),
    SPIEGEL_DATA_DIR: dataDir, SPIEGEL_DATABASE_EMBEDDED_PORT: String(databasePort),
    SPIEGEL_LIMITS_CREATES_PER_HOUR: '1000000', SPIEGEL_LIMITS_JOINS_PER_MINUTE: '1000000',
    // Each join holds a guess of the address's allowance while its code is looked up: the load joins
    // 32 at a time from one address.
    SPIEGEL_LIMITS_WRONG_CODES_PER_MINUTE: '1000000', SPIEGEL_LIMITS_WRONG_CODES_PER_MINUTE_IN_ALL: '1000000',
    QUARKUS_LOG_CATEGORY__NL_SPIEGEL__LEVEL: 'WARN', QUARKUS_LOG_CATEGORY__NL_SPIEGEL_REQUESTS__LEVEL: 'WARN' };
  // To profile the server during a run: BENCH_JAVA_OPTS as in bench/README.md (with the JBoss log manager).
  if (process.env.BENCH_JAVA_OPTS) env.JAVA_TOOL_OPTIONS = process.env.BENCH_JAVA_OPTS;
  mkdirSync(join(here, 'results'), { recursive: true });
  const log = openSync(join(here, 'results', 'server.log'), 'a');
  const cache = existsSync(aotCache) ? [`-XX:AOTCache=${aotCache}`] : [];
  const child = spawn('taskset', ['-c', serverCore, java, `@${jvmOptions}`, ...cache, '-jar', jar], { env, stdio: ['ignore', log, log] });
  children.add(child);
  return child;
}

async function stop(child) {
  child.kill('SIGTERM');
  await new Promise((r) => child.on('exit', r));
}

async function post(port, path, body, key) {
  const headers = { 'Content-Type': 'application/json' };
  if (key) headers.Authorization = `Bearer ${key}`;
  const response = await fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

const spiegelTarget = (port) => ({
  async meeting(m, listeners) {
    const created = await post(port, '/api/meetings', { title: `Bench ${m}` });
    const keys = await inBatches(Array.from({ length: listeners }, () => async () =>
      (await post(port, '/api/join', { code: created.access.joinCode })).key), 8);
    const url = `ws://127.0.0.1:${port}/live/${created.id}`;
    return { moderatorUrl: url, moderatorKey: created.access.moderatorKey, listenerUrl: url, listenerKeys: keys };
  },
});

// Each scenario's meetings are new ones, as Spiegel's are: the same name again would reuse a room,
// its seq and, in the durable floor, its command ids.
let floorRooms = 0;
const floorTarget = (port) => ({
  async meeting(m, listeners) {
    if (m === 0) floorRooms++;
    const name = `r${floorRooms}m${m}`;
    return { moderatorUrl: `ws://127.0.0.1:${port}/live/${name}/moderator`, moderatorKey: 'k',
      listenerUrl: `ws://127.0.0.1:${port}/live/${name}/listener`, listenerKeys: Array(listeners).fill('k') };
  },
});

/** The ramp's offered commands per second per meeting, past the capacity of all three servers. */
const rates = process.env.BENCH_RATES?.split(',').map(Number) ?? (quick ? [0.5, 2, 5, 10] : [0.25, 0.5, 1, 2, 3, 5, 10, 15, 20, 25]);

/** The scenarios, against one target whose process is {@code pid}. */
async function scenarios(target, pid) {
  const result = {};
  if (process.env.BENCH_ONLY === 'reconnect') {
    // Once not recorded, for a server as warm as after the ramp of a full run.
    await reconnect(target);
    return { reconnect: await reconnect(target) };
  }
  if (process.env.BENCH_ONLY === 'townhall') return { townHall: await townHall(target) };
  const big = await room(target, 100, 40);
  // Not recorded: the collections and compilations that follow opening 4 000 connections on one core.
  await big.drive(1, quick ? 5 : 10);
  result.ramp = [];
  for (const rate of rates) {
    const cpu = cpuTimes();
    const r = await big.drive(rate, seconds);
    const steal = stolenSince(cpu);
    result.ramp.push({ rate, deliveriesPerSecond: r.deliveries / seconds, p50: percentile(r.latencies, 50),
      p99: percentile(r.latencies, 99), acked: r.acked, sent: r.sent, acksPerSecond: r.acksPerSecond,
      ackP50: percentile(r.ackLatencies, 50), ackP99: percentile(r.ackLatencies, 99), refused: r.refused,
      unanswered: r.unanswered, held: r.held, steal });
    console.log(`  ${rate}/s per meeting: ${(r.sent / seconds).toFixed(0)} made/s, ${r.acksPerSecond.toFixed(0)} acks/s, fan-out p99 ${percentile(r.latencies, 99).toFixed(1)} ms,`
      + ` ack p99 ${percentile(r.ackLatencies, 99).toFixed(1)} ms, refused ${JSON.stringify(r.refused)}, unanswered ${r.unanswered}`
      + ` (never sent: ${r.held}), stolen ${percent(steal)}`);
  }
  big.close();
  if (process.env.BENCH_ONLY === 'ramp') return result;
  // A server without backpressure may still be storing what the last steps queued.
  await sleep(10_000);
  const one = await room(target, 1, quick ? 500 : 2000);
  const cpu = cpuTimes();
  const r = await one.drive(5, seconds);
  result.single = { listeners: one.sockets - 1, p50: percentile(r.latencies, 50), p99: percentile(r.latencies, 99),
    steal: stolenSince(cpu) };
  one.close();
  await sleep(2000);
  result.townHall = await townHall(target);
  await sleep(2000);
  result.reconnect = await reconnect(target);
  await sleep(2000);
  const idleCount = quick ? 2000 : 10_000;
  const before = rss(pid);
  const idle = await room(target, idleCount / 40, 40);
  await sleep(3000);
  result.idle = { connections: idle.sockets, seconds: idle.connectSeconds, perSecond: idle.sockets / idle.connectSeconds,
    rssPerConnection: (rss(pid) - before) / idle.sockets };
  idle.close();
  return result;
}

/**
 * One public meeting streamed to 10 000 remote listeners (a town-hall meeting), its moderator at 5
 * commands a second: how late the last listeners get each change, and whether every one got all.
 */
async function townHall(target) {
  const town = await room(target, 1, quick ? 2000 : 10_000);
  // Not recorded, as before the ramp: the first changes to 10 000 connections of one meeting wait for
  // the compiler (docs/performance.md, "The town hall": on a fresh server they reach 0.6 s).
  await town.drive(5, quick ? 3 : 5);
  const cpu = cpuTimes();
  const r = await town.drive(5, seconds);
  const listeners = town.sockets - 1;
  const result = { listeners, p50: percentile(r.latencies, 50), p99: percentile(r.latencies, 99),
    delivered: r.deliveries, expected: r.acked * listeners, dropped: town.dropped, steal: stolenSince(cpu) };
  town.close();
  console.log(`  town hall, 1 × ${listeners}: p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms,`
    + ` ${result.delivered} of ${result.expected} changes delivered, ${result.dropped} listeners dropped, stolen ${percent(result.steal)}`);
  return result;
}

/** A thousand listeners whose network came back at once, while their moderators carry on. */
async function reconnect(target) {
  const back = await room(target, 25, 40);
  await back.drive(2, 3);
  const cpu = cpuTimes();
  const again = await back.reconnectAll(2, quick ? 5 : 10);
  const steal = stolenSince(cpu);
  back.close();
  console.log(`  ${again.reconnected} listeners back in ${again.reconnectSeconds.toFixed(2)} s; moderators' ack p50`
    + ` ${percentile(again.ackLatencies, 50).toFixed(1)} ms, p99 ${percentile(again.ackLatencies, 99).toFixed(1)} ms, stolen ${percent(steal)}`);
  return { listeners: again.reconnected, seconds: again.reconnectSeconds,
    ackP50: percentile(again.ackLatencies, 50), ackP99: percentile(again.ackLatencies, 99),
    ackMax: again.ackLatencies.at(-1), acked: again.acked, sent: again.sent, steal };
}

const port = 18181;
// Spiegel's built-in PostgreSQL, on a port of its own so that the durable floor can use it too.
const databasePort = port + 2;
const results = { date: new Date().toISOString(), machine: `${cpus().length} cores, ${cpus()[0].model}`, quick };

// Spiegel: first start makes its database; the second, on the existing data, is the one timed.
const dataDir = mkdtempSync(join(tmpdir(), 'spiegel-bench-'));
let server = startSpiegel(dataDir, port);
await waitReady(port);
await stop(server);
let t0 = performance.now();
server = startSpiegel(dataDir, port);
await waitReady(port);
results.startSeconds = (performance.now() - t0) / 1000;
await sleep(10_000);
results.idleRss = rss(server.pid);
console.log(`Spiegel ready in ${results.startSeconds.toFixed(1)} s, idle RSS ${(results.idleRss / 2 ** 20).toFixed(0)} MB`);
console.log('Spiegel');
results.spiegel = await scenarios(spiegelTarget(port), server.pid);

// The floors, on the server's core. The durable one stores into the PostgreSQL that Spiegel started,
// with its settings, while Spiegel stands idle without connections. BENCH_ONLY=spiegel leaves them out,
// BENCH_ONLY=ramp, reconnect or townhall all but that scenario of Spiegel (to profile the server; nothing
// is recorded then).
const only = ['spiegel', 'ramp', 'reconnect', 'townhall'].includes(process.env.BENCH_ONLY);
function startFloor(floorPort, databaseUrl) {
  const env = { ...process.env, PORT: String(floorPort), ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
  const child = spawn('taskset', ['-c', serverCore, process.execPath, join(here, 'floor.mjs')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  children.add(child);
  return child;
}
if (only) {
  await stop(server);
  process.exit(0);
}
const password = readFileSync(join(dataDir, 'postgres-password'), 'utf8').trim();
console.log('Durable floor');
let floor = startFloor(port + 1, `postgres://spiegel:${password}@127.0.0.1:${databasePort}/spiegel`);
await sleep(1500);
results.durableFloor = await scenarios(floorTarget(port + 1), floor.pid);
floor.kill();
await stop(server);

console.log('Non-durable floor');
floor = startFloor(port + 1, null);
await sleep(500);
results.floor = await scenarios(floorTarget(port + 1), floor.pid);
floor.kill();

mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'latest.json'), JSON.stringify(results, null, 2));
writeFileSync(join(here, 'results', 'latency.svg'), chart(results));

const ms = (v) => `${v.toFixed(1)} ms`;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const s = results.spiegel;
const d = results.durableFloor;
const f = results.floor;
const latency = (x) => `${ms(x.p50)} / ${ms(x.p99)}`;
const ratios = (x, y) => `${ratio(x.p50, y.p50)} / ${ratio(x.p99, y.p99)}`;
const rows = [];
for (let i = 0; i < s.ramp.length; i++) {
  rows.push([`100 × 40, ${s.ramp[i].rate} commands/s per meeting (${Math.round(s.ramp[i].rate * 4000)} deliveries/s offered): p50 / p99`,
    latency(s.ramp[i]), latency(d.ramp[i]), latency(f.ramp[i]), ratios(s.ramp[i], d.ramp[i]), ratios(s.ramp[i], f.ramp[i])]);
}
rows.push([`1 × ${s.single.listeners}, 5 commands/s: p50 / p99`, latency(s.single), latency(d.single), latency(f.single),
  ratios(s.single, d.single), ratios(s.single, f.single)]);
const town = (x) => `${latency(x.townHall)}; ${x.townHall.delivered} of ${x.townHall.expected}, ${x.townHall.dropped} dropped`;
rows.push([`town hall 1 × ${s.townHall.listeners}, 5 commands/s: p50 / p99; changes delivered; listeners dropped`, town(s), town(d),
  town(f), ratios(s.townHall, d.townHall), ratios(s.townHall, f.townHall)]);
const acks = (x) => `${ms(x.reconnect.ackP50)} / ${ms(x.reconnect.ackP99)}`;
rows.push([`${s.reconnect.listeners} listeners reconnect at once, 25 moderators at 2 commands/s: their acks p50 / p99`,
  acks(s), acks(d), acks(f), `${ratio(s.reconnect.ackP50, d.reconnect.ackP50)} / ${ratio(s.reconnect.ackP99, d.reconnect.ackP99)}`,
  `${ratio(s.reconnect.ackP50, f.reconnect.ackP50)} / ${ratio(s.reconnect.ackP99, f.reconnect.ackP99)}`]);
// Sustained: this step and every slower one kept p99 within 100 ms with (nearly) every command acknowledged.
const best = (r) => {
  let sustained = 0;
  for (const x of r.ramp) {
    if (x.p99 > 100 || x.acked < x.sent * 0.99) break;
    sustained = x.deliveriesPerSecond;
  }
  return sustained;
};
rows.push(['highest deliveries/s with p99 ≤ 100 ms at it and every lower rate', `${Math.round(best(s))}`, `${Math.round(best(d))}`,
  `${Math.round(best(f))}`, ratio(best(s) || 1, best(d) || 1), ratio(best(s) || 1, best(f) || 1)]);
// A floor's resident memory can shrink while it connects (Node.js collects its heap): then it is
// shown as 0 and has no ratio.
const perConnection = (x) => Math.max(0, x.idle.rssPerConnection);
const idle = (x) => `${Math.round(x.idle.perSecond)}/s, ${(perConnection(x) / 1024).toFixed(1)} KB`;
const idleRatios = (y) => `${ratio(y.idle.perSecond, s.idle.perSecond)} / ${perConnection(y) > 0 ? ratio(perConnection(s), perConnection(y)) : '—'}`;
rows.push([`${s.idle.connections} idle listeners: connected per second / RSS per connection`, idle(s), idle(d), idle(f), idleRatios(d), idleRatios(f)]);
const stolen = (x) => `${percent(Math.max(...x.ramp.map((r) => r.steal)))}; ${percent(x.single.steal)}; ${percent(x.townHall.steal)};`
  + ` ${percent(x.reconnect.steal)}`;
rows.push([`CPU time the host took (steal) during: the ramp (its worst step); 1 × ${s.single.listeners}; the town hall; the reconnect`,
  stolen(s), stolen(d), stolen(f), '—', '—']);
rows.push(['start to ready on existing data; idle RSS', `${results.startSeconds.toFixed(1)} s; ${(results.idleRss / 2 ** 20).toFixed(0)} MB`, '—', '—', '—', '—']);
console.log(`\n${results.machine}, ${results.date}${quick ? ' (quick)' : ''}\n`);
console.log('| scenario | Spiegel | durable floor | non-durable floor | Spiegel ÷ durable | Spiegel ÷ non-durable |\n|---|---|---|---|---|---|');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);

// The ramp (issue 34): what each server acknowledged as more was offered, and what it refused.
const step = (x) => `${Math.round(x.acksPerSecond)}, ${ms(x.p99)}${Object.keys(x.refused).length || x.unanswered
  ? ` (refused ${Object.values(x.refused).reduce((a, b) => a + b, 0)}, unanswered ${x.unanswered}`
    + `${x.held ? `, of which never sent ${x.held}` : ''})` : ''}`;
console.log('\n| offered per meeting (100 × 40) | Spiegel acks/s, fan-out p99 | durable floor | non-durable floor |\n|---|---|---|---|');
for (let i = 0; i < s.ramp.length; i++) console.log(`| ${s.ramp[i].rate}/s | ${step(s.ramp[i])} | ${step(d.ramp[i])} | ${step(f.ramp[i])} |`);
const highest = (x) => Math.max(...x.ramp.map((r) => r.acksPerSecond));
// A plateau: past the peak, the least acknowledged at a higher offered rate, as a share of the peak.
const plateau = (x) => {
  const peak = x.ramp.findIndex((r) => r.acksPerSecond === highest(x));
  return Math.min(...x.ramp.slice(peak).map((r) => r.acksPerSecond)) / highest(x);
};
console.log(`| highest acks/s | ${Math.round(highest(s))} (${ratio(highest(s), highest(d))} of durable) | ${Math.round(highest(d))} | ${Math.round(highest(f))} |`);
console.log(`| least acks/s past the peak, share of it | ${(plateau(s) * 100).toFixed(0)} % | ${(plateau(d) * 100).toFixed(0)} % | ${(plateau(f) * 100).toFixed(0)} % |`);
