// Storing paused (issue 30): while the server cannot reach its database it says so on the live
// connection (`storage`). The frames are put into the connection here, between server and page: the
// real outage is the server's tests' (StoragePauseTest, ServerProcessIT). The moderator's taps wait on
// the tablet and go when storing resumes; the banner moves nothing under a finger, on every screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accessible, api, BASE, browser, meeting, newPage, pastTalk, screenshot, serverView, until } from './support.mjs';
import { assertLayout, CONSOLE, holdsStill } from './layout.mjs';

const LANDSCAPE = { width: 1180, height: 820 };
const PORTRAIT = { width: 820, height: 1180 };
const PHONE = { width: 390, height: 844 };
const PROJECTOR = { width: 1920, height: 1080 };
const size = ({ width, height }) => `${width}x${height}`;
const PAUSED = JSON.stringify({ type: 'storage', paused: true, since: new Date().toISOString() });
const RESUMED = JSON.stringify({ type: 'storage', paused: false });

/** Passes the page's live connection through, keeping the commands it sends; `tell` puts a frame in as if the server sent it. */
async function between(page) {
  const link = { sent: [], tell: null };
  await page.routeWebSocket(/\/live\//, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      link.sent.push(JSON.parse(message));
      server.send(message);
    });
    link.tell = (frame) => ws.send(frame);
  });
  return link;
}

/**
 * What the banner lies over: anything to tap, the text of the page (the phase line, the clock, the
 * question), and, on the tablet, anything below the header it sits in.
 */
async function hidden(page) {
  return page.evaluate(() => {
    const banner = document.querySelector('.storage-paused').getBoundingClientRect();
    const header = document.querySelector('header')?.getBoundingClientRect();
    const over = (r) => Math.min(r.right, banner.right) - Math.max(r.left, banner.left) > 0
      && Math.min(r.bottom, banner.bottom) - Math.max(r.top, banner.top) > 0;
    const shown = (el) => !el.closest('.storage-paused') && !el.closest('.sr-only') && el.getClientRects().length > 0;
    const under = [...document.querySelectorAll('button, a[href], input, select, textarea, summary, label')]
      .filter((el) => shown(el) && over(el.getBoundingClientRect()))
      .map((el) => `${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 30)}"`);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim() || !shown(node.parentElement)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      if ([...range.getClientRects()].some(over)) under.push(`text "${node.textContent.trim().slice(0, 30)}"`);
    }
    if (header && banner.bottom > header.bottom) under.push(`below the header: ${banner.bottom} > ${header.bottom}`);
    return under;
  });
}

test('storing paused: a calm banner, taps kept on the tablet and sent when it resumes, nothing moves', async () => {
  const chrome = await browser();
  try {
    const organiser = await newPage(chrome);
    await organiser.goto(BASE + '/');
    const m = await meeting({ title: 'Spiegelgesprek opslag', seats: 10 });
    await pastTalk(organiser, m, [[0, 10], [1, 10]]);

    const page = await newPage(chrome, { viewport: LANDSCAPE, hasTouch: true });
    const link = await between(page);
    await page.goto(BASE + m.access.links.moderator);
    await page.getByRole('tab', { name: 'Gesprek', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /^Verbonden$/ }).waitFor();
    await page.waitForTimeout(250);
    const ring = ['.seat:first-of-type', '.ring .seat:nth-of-type(5)', '.centre', '.side', '.top', '.bar'];
    await holdsStill(page, ring, async () => {
      link.tell(PAUSED);
      await page.getByRole('status').filter({ hasText: 'Opslaan lukt even niet.' }).waitFor();
      await page.getByRole('status').filter({ hasText: /^Opslaan wacht/ }).waitFor();
      await page.getByRole('button', { name: /^Chantal\b/ }).click();
      await page.getByRole('status').filter({ hasText: /^Opslaan wacht1 1 wacht op opslaan$/ }).waitFor();
      await page.locator('.seat.waiting', { hasText: 'Chantal' }).filter({ hasText: 'wacht op opslaan' }).waitFor();
    });
    assert.deepEqual(link.sent.filter((m) => m.type === 'GiveFloor'), [], 'the tap waits on the tablet');
    assert.equal(await page.locator('.storage-paused').innerText(),
      'Opslaan lukt even niet. Dit apparaat bewaart wat u doet en slaat het op zodra het weer lukt.');
    await assertLayout(page, `the console, storing paused, ${size(LANDSCAPE)}`, CONSOLE);
    assert.deepEqual(await hidden(page), [], `the banner hides nothing, ${size(LANDSCAPE)}`);
    await screenshot(page, `storage-paused-console-${size(LANDSCAPE)}`);
    await page.setViewportSize(PORTRAIT);
    await page.waitForTimeout(150);
    await assertLayout(page, `the console, storing paused, ${size(PORTRAIT)}`, CONSOLE);
    assert.deepEqual(await hidden(page), [], `the banner hides nothing, ${size(PORTRAIT)}`);
    await screenshot(page, `storage-paused-console-${size(PORTRAIT)}`);
    await accessible(page, 'the console, storing paused');
    // In English, with its wider buttons, it still fits the header.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('status').filter({ hasText: 'Saving is not working right now.' }).waitFor();
    assert.deepEqual(await hidden(page), [], `the English banner hides nothing, ${size(PORTRAIT)}`);
    await screenshot(page, `storage-paused-console-en-${size(PORTRAIT)}`);
    await page.getByRole('button', { name: 'Nederlands' }).click();

    await page.setViewportSize(LANDSCAPE);
    await page.waitForTimeout(150);
    await holdsStill(page, ring, async () => {
      link.tell(RESUMED);
      await page.locator('.storage-paused').waitFor({ state: 'detached' });
      await page.getByRole('status').filter({ hasText: /^Verbonden$/ }).waitFor();
    });
    await until('the kept tap is stored', async () => (await serverView(m.id, m.key)).speaker?.participantId === m.participants[2]);

    // A listener's phone and the room display say it too, over the page, without moving it.
    const listener = await api('POST', '/api/join', null, { code: m.access.joinCode, displayName: 'Sanne' });
    for (const [name, viewport, url, shown, still] of [
      ['listener', PHONE, `${BASE}/listen/${m.id}#key=${listener.key}`, '.now', ['.bar', '.now']],
      ['display', PROJECTOR, BASE + m.access.links.display, '.main .theme', ['.main', '.main .theme', '.join']]]) {
      const other = await newPage(chrome, { viewport, isMobile: viewport === PHONE, hasTouch: viewport === PHONE });
      const otherLink = await between(other);
      await other.goto(url);
      await other.locator(shown).waitFor();
      await other.waitForTimeout(250);
      await holdsStill(other, still, async () => {
        otherLink.tell(PAUSED);
        await other.getByRole('status').filter({ hasText: 'Opslaan lukt even niet.' }).waitFor();
      });
      await assertLayout(other, `the ${name}, storing paused, ${size(viewport)}`);
      // The phone's strip lies over the page as it scrolls by; below the page's end there is room to scroll all of it clear.
      if (name === 'display') assert.deepEqual(await hidden(other), [], 'the banner hides nothing on the display');
      await screenshot(other, `storage-paused-${name}-${size(viewport)}`);
      await accessible(other, `the ${name}, storing paused`);
      otherLink.tell(RESUMED);
      await other.locator('.storage-paused').waitFor({ state: 'detached' });
      await other.close();
    }
  } finally {
    await chrome.close();
  }
});
