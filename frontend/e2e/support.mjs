// Shared by the end-to-end tests: the browser, the server's view, accessibility checks.
import { chromium } from 'playwright-core';
import { readFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';

export const BASE = process.env.BASE_URL ?? 'http://localhost:8080';
export const SHOTS = process.env.SCREENSHOT_DIR ?? 'target/screenshots';

export async function browser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
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

/** Runs axe-core on the page; fails on serious or critical violations. */
export async function accessible(page, what) {
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
