// Shared by the end-to-end tests: the browser, the server's view, accessibility checks.
import { chromium } from 'playwright-core';
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';

export const BASE = process.env.BASE_URL ?? 'http://localhost:8080';
export const SHOTS = process.env.SCREENSHOT_DIR ?? 'target/screenshots';
/** Where each screen checked by accessible() is kept as HTML, for the Nu HTML checker to read in one run (BrowserIT). */
export const SCREENS = process.env.SCREENS_DIR ?? 'target/screens';

export async function browser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/**
 * A browser context in which anything the security headers refuse, on any of its pages (the report
 * and letter open in tabs of their own), fails the test: the policies allow what the app needs.
 */
export function guarded(context) {
  context.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Permissions.Policy/i.test(message.text())) {
      assert.fail(`refused by a security header: ${message.text()}`);
    }
  });
  return context;
}

/** A page in a guarded browser context of its own (options as for newContext); an error on the page fails the test. */
export async function newPage(chrome, options = {}) {
  const page = await guarded(await chrome.newContext(options)).newPage();
  page.on('pageerror', (e) => assert.fail(`page error: ${e.message}`));
  return page;
}

/** A REST call with a key; fails the test on an error status. */
export async function api(method, path, key, body) {
  const headers = { 'Content-Type': 'application/json' };
  if (key) headers.Authorization = `Bearer ${key}`;
  const response = await fetch(BASE + path, { method, headers, body: body ? JSON.stringify(body) : undefined });
  assert.equal(response.ok, true, `${method} ${path}: ${response.status}`);
  return response.json();
}

/** The view of a role as the server has it (GET /api/meetings/{id}/view). */
export async function serverView(meetingId, key) {
  const response = await fetch(`${BASE}/api/meetings/${meetingId}/view`, { headers: { Authorization: `Bearer ${key}` } });
  assert.equal(response.status, 200);
  return (await response.json()).view;
}

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core on the page; fails on serious or critical violations, and on an aria-labelledby,
 * aria-describedby or aria-controls that names no element on the page. Keeps the page's HTML in
 * SCREENS, where BrowserIT checks all of them with the W3C Nu HTML checker.
 */
export async function accessible(page, what) {
  await mkdir(SCREENS, { recursive: true });
  await writeFile(`${SCREENS}/${what.replace(/[^A-Za-z0-9]+/g, '-')}.html`, await page.content());
  const dangling = await page.evaluate(() => [...document.querySelectorAll('[aria-labelledby], [aria-describedby], [aria-controls]')]
    .flatMap((el) => ['aria-labelledby', 'aria-describedby', 'aria-controls'].flatMap((name) => (el.getAttribute(name) ?? '')
      .split(/\s+/).filter((id) => id && !document.getElementById(id)).map((id) => `${el.tagName.toLowerCase()} ${name}="${id}"`))));
  assert.deepEqual(dangling, [], `references to nothing on ${what}`);
  // Evaluated through the DevTools protocol, which the pages' Content-Security-Policy does not block.
  await page.evaluate(await axeSource);
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], `axe on ${what}`);
}

export async function screenshot(page, name) {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/** Waits until the server's view satisfies a condition. */
export async function until(what, check, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await check();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`timed out: ${what} (${last})`);
}

/** Runs commands over the live protocol from a page, each after the answer to the one before. */
export async function drive(page, meetingId, key, commands) {
  await page.evaluate(async ({ meetingId, key, commands }) => {
    const socket = new WebSocket(`ws://${location.host}/live/${meetingId}`, ['spiegel.v1', `spiegel.key.${key}`]);
    await new Promise((resolve, reject) => {
      let next = 0;
      const send = () => {
        if (next === commands.length) { socket.close(); resolve(); return; }
        socket.send(JSON.stringify({ ...commands[next], commandId: crypto.randomUUID() }));
        next++;
      };
      socket.onerror = reject;
      socket.onmessage = (e) => {
        const m = JSON.parse(e.data);
        if (m.type === 'ready') send();
        if (m.type === 'ack') send();
        if (m.type === 'rejected' || m.type === 'error') reject(new Error(JSON.stringify(m)));
      };
      socket.onopen = () => socket.send(JSON.stringify({ type: 'hello' }));
    });
  }, { meetingId, key, commands });
}

export const NAMES = ['Anouk', 'Bram', 'Chantal', 'Dirk', 'Esra', 'Fatima', 'Gerrit', 'Hanna', 'Ivo', 'Joke', 'Karim',
  'Lotte', 'Mehmet', 'Noor'];

/** A meeting made over the API with its guide and circle; returns what creating it answered, and the participants' ids. */
export async function meeting({ title = 'Spiegelgesprek', seats = 10, themes = [['Toegang', 'Hoe kwam u bij ons terecht?', 20],
  ['Contact', 'Hoe ervaart u het contact?', 20]] } = {}) {
  const created = await api('POST', '/api/meetings', null, { title, targetGroup: 'ouders' });
  const createdAt = Date.now();
  const key = created.access.moderatorKey;
  for (const [t, question, minutes] of themes) {
    await api('POST', `/api/meetings/${created.id}/themes`, key, { title: t, centralQuestion: question, minutes });
  }
  // As many as asked, or as the server's circle holds (participants and free seats).
  const capacity = (await serverView(created.id, key)).freeSeats.length;
  for (let i = 0; i < Math.min(seats, capacity); i++) {
    await api('POST', `/api/meetings/${created.id}/participants`, key, { pseudonym: NAMES[i], seat: i + 1, status: 'INFORMED' });
  }
  const participants = (await serverView(created.id, key)).participants.map((p) => p.id);
  return { ...created, key, participants, createdAt, capacity };
}

/**
 * Opens the conversation and has it go as planned, in the past: each step is [who, seconds], who
 * being a participant's index, 'moderator' or 'pause'. The commands say when they happened
 * (actedAt); the server times nothing before the meeting was made, so the plan is shrunk into the
 * time since then (the shares stay as planned) and a minute of talk takes a moment.
 */
export async function pastTalk(page, m, steps, { phase = 'CONVERSATION', within = 1500 } = {}) {
  const total = steps.reduce((sum, [, s]) => sum + s, 0) * 1000;
  const wait = m.createdAt + within + 200 - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const room = Math.min(9 * 60_000, Date.now() - m.createdAt - 200);
  const scale = Math.min(1, room / Math.max(1, total));
  let at = Date.now() - total * scale - 100;
  const when = () => new Date(Math.round(at)).toISOString();
  const commands = [];
  const phases = ['LOBBY', 'OPENING', 'CONVERSATION', 'CLARIFYING', 'CLOSING'];
  for (const to of phases.slice(0, phases.indexOf('CONVERSATION') + 1)) commands.push({ type: 'ChangePhase', to, actedAt: when() });
  for (const [who, seconds] of steps) {
    if (who === 'moderator') commands.push({ type: 'ModeratorSpeaks', actedAt: when() });
    else if (who === 'pause') commands.push({ type: 'PauseSpeaking', actedAt: when() });
    else commands.push({ type: 'GiveFloor', participantId: m.participants[who], actedAt: when() });
    at += seconds * 1000 * scale;
  }
  for (const to of phases.slice(phases.indexOf('CONVERSATION') + 1, phases.indexOf(phase) + 1)) {
    commands.push({ type: 'ChangePhase', to, actedAt: when() });
  }
  await drive(page, m.id, m.key, commands);
}

/** At the question desk: rejects the question that says `text`, for the reason named, and confirms. */
export async function reject(page, text, reason) {
  await page.locator('ul.screen li, ol.queue li', { hasText: text }).first().getByRole('button', { name: /^Afwijzen…/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Vraag afwijzen' });
  await dialog.getByLabel(reason).check();
  await dialog.getByRole('button', { name: 'Afwijzen', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** At the question desk: merges the question that says `text` into the one that says `into`, and confirms. */
export async function merge(page, text, into) {
  await page.locator('ul.screen li, ol.queue li', { hasText: text }).first().getByRole('button', { name: /^Samenvoegen…/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Samenvoegen met een andere vraag' });
  await dialog.getByRole('radio', { name: new RegExp(`^${into.replace(/[?.*+()[\]]/g, '\\$&')}`) }).check();
  await dialog.getByRole('button', { name: 'Samenvoegen', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}
