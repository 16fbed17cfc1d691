// Every screen at the sizes it is used at: a tablet (1180×820, 820×1180), phones (390×844, 360×740),
// a laptop (1366×768) and projectors (1920×1080, 1280×720). Per screen and phase: no text lies on
// other text, nothing runs out of its panel or the window, the projector and the console fit the
// screen, targets are at least 44 px (seats 56 px). The balance at four distributions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accessible, api, BASE, browser, drive, meeting, newPage, pastTalk, reject, screenshot, serverView } from './support.mjs';
import { assertLayout, CONSOLE, holdsStill } from './layout.mjs';

const LANDSCAPE = { width: 1180, height: 820 };
const PORTRAIT = { width: 820, height: 1180 };
const TABLETS = [LANDSCAPE, PORTRAIT];
const PHONES = [{ width: 390, height: 844 }, { width: 360, height: 740 }];
const LAPTOP = { width: 1366, height: 768 };
const PROJECTORS = [{ width: 1920, height: 1080 }, { width: 1280, height: 720 }];
const size = ({ width, height }) => `${width}x${height}`;

/**
 * Until the server's circle holds 14, the moderator's page is shown extra seats (never spoken) in
 * the views it receives, so the ring is tried at 14 all the same.
 */
async function padCircle(page, m, seats) {
  const extra = ['Mehmet', 'Noor'].slice(0, Math.max(0, seats - m.participants.length))
    .map((pseudonym, i) => ({ id: `X${i}`, pseudonym, seat: m.participants.length + i + 1 }));
  if (!extra.length) return;
  await page.routeWebSocket(/\/live\//, (ws) => {
    const server = ws.connectToServer();
    server.onMessage((message) => {
      const msg = JSON.parse(message);
      if (msg.view?.participants) {
        for (const e of extra) msg.view.participants.push({ ...msg.view.participants[0], ...e, speakingMs: 0, turns: 0,
          neverSpoken: true, speaking: false, sinceLastTurnMs: null, themes: [], tone: 'NEVER', share: 0 });
        if (msg.view.freeSeats) msg.view.freeSeats = [];
      }
      ws.send(JSON.stringify(msg));
    });
  });
}

/** The balance panel: each row one line of label, bar and figure; the equal-share mark a thin line in its bar. */
async function balanceRows(page) {
  return page.evaluate(() => [...document.querySelectorAll('.bars li')].map((li) => {
    const box = (s) => li.querySelector(s).getBoundingClientRect();
    const row = li.getBoundingClientRect();
    const [label, bar, value, mark] = [box('.label'), box('.bar'), box('.value'), box('.equal-mark')];
    const inRow = [label, bar, value].every((b) => b.top >= row.top - 1 && b.bottom <= row.bottom + 1);
    return { tone: li.className.match(/tone-(\w+)/)?.[1], height: row.height, inRow,
      mark: mark.width <= 3 && mark.left >= bar.left - 2 && mark.right <= bar.right + 2 && mark.height <= bar.height + 8 };
  }));
}

test('the console at four distributions, in landscape and portrait, holds still', async () => {
  const chrome = await browser();
  try {
    const context = await chrome.newContext({ viewport: LANDSCAPE, hasTouch: true });
    const distributions = [
      { name: 'all-fair', seats: 10, steps: (m) => m.participants.map((_, i) => [i, 30]).concat([['pause', 1]]),
        tones: (n) => Array(n).fill('fair') },
      { name: 'one-dominant', seats: 10, steps: (m) => [...m.participants.slice(1).map((_, i) => [i + 1, 10]), [0, 300]],
        tones: (n) => ['over', ...Array(n - 1).fill('under')] },
      { name: 'all-silent', seats: 10, steps: () => [['moderator', 60]], tones: (n) => Array(n).fill('never') },
      { name: 'fourteen-seats', seats: 14, steps: () => [[0, 120], [1, 90], [2, 60], [3, 40], [4, 40], [5, 30], [6, 10],
        [7, 5], ['moderator', 20], [8, 30]], tones: null },
    ];
    for (const d of distributions) {
      const page = await context.newPage();
      page.on('pageerror', (e) => assert.fail(`page error: ${e.message}`));
      await page.goto(BASE + '/');
      const m = await meeting({ title: `Balans ${d.name}`, seats: d.seats });
      await pastTalk(page, m, d.steps(m));
      await padCircle(page, m, d.seats);
      await page.goto(BASE + m.access.links.moderator);
      await page.getByRole('tab', { name: 'Gesprek', exact: true }).click();
      await page.locator('.seat').nth(d.seats - 1).waitFor();
      assert.equal(await page.locator('.seat').count(), d.seats);
      await page.getByRole('tab', { name: /^Balans/ }).click();
      for (const viewport of TABLETS) {
        await page.setViewportSize(viewport);
        await page.waitForTimeout(150);
        await assertLayout(page, `the console, ${d.name}, ${size(viewport)}`, CONSOLE);
        const rows = await balanceRows(page);
        assert.equal(rows.length, d.seats, 'a row per seat');
        for (const row of rows) {
          assert.ok(row.inRow && row.height < 40 && row.mark, `${d.name}: a balance row is one line with a thin mark: ${JSON.stringify(row)}`);
        }
        if (d.tones) assert.deepEqual(rows.map((r) => r.tone), d.tones(d.seats), `${d.name}: the tones`);
        await screenshot(page, `balance-${d.name}-${size(viewport)}`);
      }
      const index = await page.locator('.index').innerText();
      if (d.name === 'all-fair') assert.equal(index, '1,00');
      if (d.name === 'all-silent') assert.equal(index, '–');
      if (d.name === 'one-dominant') assert.ok(Number(index.replace(',', '.')) < 0.7, index);
      await accessible(page, `the console, ${d.name}`);

      if (d.name === 'all-fair') {
        // Nothing moves the ring: a whisper arriving, a whisper sent, the Wi-Fi going with taps waiting.
        await page.setViewportSize(LANDSCAPE);
        await page.waitForTimeout(250);
        const ring = ['.seat:first-of-type', '.ring .seat:nth-of-type(5)', '.centre', '.side', '.top'];
        await holdsStill(page, ring, async () => {
          await drive(page, m.id, m.access.assistantKey, [{ type: 'Whisper', text: 'Let op de tijd' }]);
          await page.getByRole('alert').filter({ hasText: 'Let op de tijd' }).waitFor();
        });
        await assertLayout(page, 'the console with a whisper', CONSOLE);
        await holdsStill(page, ring, async () => {
          await page.getByRole('button', { name: 'Fluisteren naar assistent' }).click();
          await page.getByRole('button', { name: 'Iemand wil iets zeggen' }).click();
          await page.getByRole('status').filter({ hasText: 'Aangekomen' }).waitFor();
        });
        await holdsStill(page, ring, async () => {
          await context.setOffline(true);
          await page.getByRole('status').filter({ hasText: 'Geen verbinding' }).waitFor();
          await page.getByRole('button', { name: /^Bram\b/ }).click();
          await page.getByRole('button', { name: /^Chantal\b/ }).click();
          await page.getByText('2 wijzigingen wachten op de verbinding').waitFor();
        });
        await assertLayout(page, 'the console offline with taps waiting', CONSOLE);
        await context.setOffline(false);
        await page.getByRole('status').filter({ hasText: /^Verbonden$/ }).waitFor({ timeout: 20_000 });
      }
      await page.close();
    }
  } finally {
    await chrome.close();
  }
});

/** A meeting in its clarifying phase: questions from three listeners, some admitted, one asked, one merged. */
async function clarifying(page, seats = 10) {
  const m = await meeting({ title: 'Spiegelgesprek vragen', seats });
  await pastTalk(page, m, m.participants.map((_, i) => [i, 10 + i]));
  const listeners = [];
  for (const name of ['Sanne', 'Pieter', null]) listeners.push(await api('POST', '/api/join', null, { code: m.access.joinCode, displayName: name }));
  const texts = ['Wat bedoelde u met de wachtlijst?', 'Hoe lang duurde het voordat u iemand sprak?', 'Wat bedoelde u met die lijst precies?',
    `Kunt u iets meer vertellen over ${'de wachtlijst en hoe die werkte voor u en uw kinderen, '.repeat(4)}?`, 'Waarom stopte u met de hulp?',
    'Wie was uw vaste contactpersoon?', 'Wat had u liever anders gezien bij de intake?', 'Hoe vond u het eerste gesprek?', 'Wat hielp u het meest?'];
  for (const [i, text] of texts.entries()) {
    await drive(page, m.id, listeners[i % 3].key, [{ type: 'SubmitQuestion', text, participantId: i % 2 ? m.participants[1] : null }]);
  }
  const q = (await serverView(m.id, m.key)).questions.map((x) => x.id);
  await drive(page, m.id, m.key, [{ type: 'ChangePhase', to: 'CLARIFYING' }, { type: 'AcceptQuestion', questionId: q[0] },
    { type: 'AcceptQuestion', questionId: q[1] }, { type: 'AcceptQuestion', questionId: q[3] }, { type: 'AskQuestion', questionId: q[0] },
    { type: 'MergeQuestion', questionId: q[2], intoQuestionId: q[0] }]);
  return { m, listeners, texts };
}

test('the question desk and the assistant\'s screen at both tablet sizes', async () => {
  const chrome = await browser();
  try {
    const page = await newPage(chrome, { viewport: LANDSCAPE, hasTouch: true });
    await page.goto(BASE + '/');
    const { m } = await clarifying(page);
    await page.goto(BASE + m.access.links.moderator);
    await page.getByRole('tab', { name: /^Vragen/, selected: true }).waitFor();
    const inView = async (locator) => {
      const box = await locator.boundingBox();
      const viewport = page.viewportSize();
      return box && box.y >= 0 && box.y + box.height <= viewport.height && box.x >= 0 && box.x + box.width <= viewport.width;
    };
    for (const viewport of TABLETS) {
      await page.setViewportSize(viewport);
      await page.waitForTimeout(150);
      await assertLayout(page, `the question desk, ${size(viewport)}`, CONSOLE);
      // The questions take the larger part of the screen.
      const desk = await page.locator('.side').boundingBox();
      const ring = await page.locator('section.ring').boundingBox();
      assert.ok(desk.width * desk.height > ring.width * ring.height, 'the desk is larger than the ring');
      await screenshot(page, `question-desk-${size(viewport)}`);
      // Scrolling a list to its end moves neither the tabs nor "next" out of view.
      await holdsStill(page, ['.side .tabs', '.head', '#h-queue', '#h-screen'], async () => {
        await page.locator('.column .scroll').last().evaluate((e) => e.scrollTo(0, e.scrollHeight));
      });
      assert.ok(await inView(page.getByRole('button', { name: 'Volgende vraag' })), '"next" is in view');
    }
    // The answer to the question asked, noted in a few words.
    await page.setViewportSize(LANDSCAPE);
    await page.getByLabel(/^Antwoord in het kort: Wat bedoelde u met de wachtlijst/).fill('De wachtlijst van de gemeente, niet die van ons.');
    await page.getByRole('button', { name: 'Antwoord opslaan' }).click();
    await page.getByRole('button', { name: 'Antwoord opgeslagen' }).waitFor();
    assert.equal((await serverView(m.id, m.key)).questions.find((x) => x.status === 'ASKING').answer, 'De wachtlijst van de gemeente, niet die van ons.');
    // Reject: the reason first, then confirm; the undo stays in view.
    await page.setViewportSize(LANDSCAPE);
    await page.locator('ul.screen li', { hasText: 'Waarom stopte u' }).getByRole('button', { name: /^Afwijzen…/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Vraag afwijzen' });
    assert.equal(await dialog.getByRole('button', { name: 'Afwijzen', exact: true }).isDisabled(), true, 'no rejection without a reason');
    await assertLayout(page, 'the reject dialog', CONSOLE);
    await accessible(page, 'the reject dialog');
    await screenshot(page, 'question-desk-reject');
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await reject(page, 'Waarom stopte u', 'Nieuw onderwerp');
    const undo = page.getByRole('status').filter({ hasText: 'Afgewezen' });
    await undo.waitFor();
    assert.ok(await inView(undo), 'the undo is in view');
    // Any question can take in another: a waiting one too.
    await page.locator('ul.screen li', { hasText: 'Wie was uw vaste' }).getByRole('button', { name: /^Samenvoegen…/ }).click();
    const merging = page.getByRole('dialog', { name: 'Samenvoegen met een andere vraag' });
    await merging.getByRole('radio', { name: /^Hoe vond u het eerste gesprek/ }).waitFor();
    await assertLayout(page, 'the merge dialog', CONSOLE);
    await merging.getByRole('button', { name: 'Annuleren' }).click();
    await accessible(page, 'the question desk');

    // The assistant: labelled, the notes first, the whisper confirmed.
    const assistant = await (await chrome.newContext({ viewport: LANDSCAPE, hasTouch: true })).newPage();
    await assistant.goto(BASE + m.access.links.assistant);
    await assistant.getByText('Assistent', { exact: true }).waitFor();
    await assistant.getByRole('tab', { name: 'Gesprek', exact: true }).click();
    await drive(page, m.id, m.key, [{ type: 'ChangePhase', to: 'CONVERSATION' }]);
    await assistant.getByRole('tab', { name: 'Notities', selected: true }).waitFor();
    await assistant.getByLabel('Citaat').waitFor();
    for (const viewport of TABLETS) {
      await assistant.setViewportSize(viewport);
      await assistant.waitForTimeout(150);
      await assertLayout(assistant, `the assistant's console, ${size(viewport)}`, CONSOLE);
      await screenshot(assistant, `assistant-${size(viewport)}`);
    }
    await assistant.getByRole('button', { name: 'Fluisteren naar gespreksleider' }).click();
    await assistant.getByRole('button', { name: 'Let op de tijd' }).click();
    await assistant.getByRole('status').filter({ hasText: 'Aangekomen: “Let op de tijd”' }).waitFor();
    await accessible(assistant, 'the assistant\'s console');
  } finally {
    await chrome.close();
  }
});

test('the projector fits every phase at 1920×1080 and 1280×720, the item largest', async () => {
  const chrome = await browser();
  try {
    const page = await newPage(chrome, { viewport: PROJECTORS[0] });
    await page.goto(BASE + '/');
    const m = await meeting({ title: 'Spiegelgesprek jeugdhulp', seats: 6, themes: [['Toegang',
      'Hoe kwam u bij ons terecht, en wat had u nodig op het moment dat u voor het eerst om hulp vroeg?', 20]] });
    await page.goto(BASE + m.access.links.display);
    await page.locator('.code').waitFor();
    // The largest text on the screen, and what it is.
    const largest = () => page.evaluate(() => {
      let best = { size: 0, cls: '' };
      for (const el of document.querySelectorAll('.main *, .join *')) {
        if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (size > best.size) best = { size, cls: el.className };
      }
      return best;
    });
    const phase = async (name, largestIs) => {
      for (const viewport of PROJECTORS) {
        await page.setViewportSize(viewport);
        await page.waitForTimeout(250);
        await assertLayout(page, `the projector, ${name}, ${size(viewport)}`, { fit: true });
        if (largestIs) assert.match((await largest()).cls, largestIs, `${name}, ${size(viewport)}: the largest text`);
        await screenshot(page, `display-${name}-${size(viewport)}`);
      }
    };
    await phase('lobby', /welcome/);
    await pastTalk(page, m, [[0, 10], [1, 10]]);
    await page.locator('.question').waitFor();
    await phase('conversation', /question/);
    await drive(page, m.id, m.key, [{ type: 'PauseSpeaking' }]);
    await page.locator('.paused').waitFor();
    await phase('paused', /paused/);
    const listener = await api('POST', '/api/join', null, { code: m.access.joinCode, displayName: 'S' });
    const texts = ['Wat bedoelde u precies toen u zei dat de wachtlijst "een zwart gat" was, en hoe lang duurde dat voor u en uw gezin?',
      'Hoe lang duurde het voordat u iemand sprak?', 'Wie was uw vaste contactpersoon?', 'Wat had u liever anders gezien bij de intake?',
      'Hoe vond u het eerste gesprek?', 'Wat hielp u het meest?'];
    await drive(page, m.id, listener.key, texts.map((text) => ({ type: 'SubmitQuestion', text })));
    const q = (await serverView(m.id, m.key)).questions.map((x) => x.id);
    await drive(page, m.id, m.key, [{ type: 'ChangePhase', to: 'CLARIFYING' }, ...q.map((id) => ({ type: 'AcceptQuestion', questionId: id }))]);
    await page.locator('.heading').waitFor();
    await phase('clarifying', /heading/);
    await drive(page, m.id, m.key, [{ type: 'AskQuestion', questionId: q[0] }]);
    await page.locator('.asking').waitFor();
    await phase('asking', /asking/);
    await accessible(page, 'the projector, a question asked');
    await drive(page, m.id, m.key, [{ type: 'ChangePhase', to: 'CLOSING' }]);
    await page.locator('.closing').waitFor();
    await phase('closing', /item/);
    await drive(page, m.id, m.key, [{ type: 'ChangePhase', to: 'ENDED' }]);
    await page.locator('.thanks').waitFor();
    await phase('ended', null);
  } finally {
    await chrome.close();
  }
});

test('the listener\'s phone and laptop in every phase, and offline', async () => {
  const chrome = await browser();
  try {
    const organiser = await (await chrome.newContext()).newPage();
    await organiser.goto(BASE + '/');
    const m = await meeting({ title: 'Spiegelgesprek wijkteam', seats: 6 });
    // A hybrid meeting: remote listeners hear it over a video call.
    await api('PUT', `/api/meetings/${m.id}`, m.key, { title: 'Spiegelgesprek wijkteam', plannedMinutes: 75,
      listenUrl: 'https://meet.example.org/spiegel-wijkteam' });
    // Each device a listener of its own; the first one's question will be asked.
    const devices = [];
    for (const viewport of [...PHONES, LAPTOP]) {
      const listener = await api('POST', '/api/join', null, { code: m.access.joinCode, displayName: `Toehoorder ${devices.length + 1}` });
      const context = await chrome.newContext({ viewport, isMobile: viewport !== LAPTOP, hasTouch: viewport !== LAPTOP });
      const page = await context.newPage();
      page.on('pageerror', (e) => assert.fail(`page error: ${e.message}`));
      await page.goto(`${BASE}/listen/${m.id}#key=${listener.key}`);
      devices.push({ viewport, context, page, key: listener.key });
    }
    const [me, other] = devices;
    const each = async (name, check = async () => {}) => {
      for (const { viewport, page } of devices) {
        await page.waitForTimeout(100);
        await assertLayout(page, `the listener, ${name}, ${size(viewport)}`);
        await check(page, viewport);
        await screenshot(page, `listener-${name}-${size(viewport)}`);
      }
    };
    await pastTalk(organiser, m, [[0, 10], [1, 10]]);
    await drive(organiser, m.id, m.key, [
      { type: 'AddNote', tag: 'IMPROVEMENT_POINT', text: 'De wachttijd is te lang: ouders wachten soms maanden op een eerste gesprek.', shared: true },
      { type: 'AddNote', tag: 'QUOTE', text: '“Ik voelde me een nummer.”', shared: true }]);
    for (const { page } of devices) await page.locator('.speaker', { hasText: 'Bram' }).waitFor();
    await each('conversation', async (page, viewport) => {
      // Where to listen in, opened beside the page.
      const call = page.getByRole('link', { name: 'Luister mee via de videoverbinding' });
      assert.equal(await call.getAttribute('href'), 'https://meet.example.org/spiegel-wijkteam');
      assert.equal(await call.getAttribute('target'), '_blank');
      assert.match(await call.getAttribute('rel'), /noopener/);
      if (viewport === LAPTOP) {
        // The laptop uses its width: the shared notes beside what happens now.
        const now = await page.locator('#h-now').boundingBox();
        const notes = await page.locator('#h-timeline').boundingBox();
        assert.ok(notes.x > now.x + now.width && Math.abs(notes.y - now.y) < 40, 'the notes stand beside the stream');
      }
    });
    await accessible(devices[0].page, 'the listener, conversation');

    // The clarifying phase: the question being asked pinned on top, and its author told.
    await drive(organiser, m.id, me.key, [{ type: 'SubmitQuestion', text: 'Wat bedoelde u met een nummer: hoe merkte u dat?' }]);
    await drive(organiser, m.id, other.key, [{ type: 'SubmitQuestion', text: 'Hoe lang wachtte u op het eerste gesprek?' }]);
    const q = (await serverView(m.id, m.key)).questions.map((x) => x.id);
    await drive(organiser, m.id, m.key, [{ type: 'ChangePhase', to: 'CLARIFYING' }, { type: 'AcceptQuestion', questionId: q[0] },
      { type: 'AcceptQuestion', questionId: q[1] }, { type: 'AskQuestion', questionId: q[0] }]);
    await each('clarifying', async (page) => {
      await page.getByRole('heading', { name: page === me.page ? 'Uw vraag wordt nu gesteld' : 'Nu gesteld' }).waitFor();
      const before = (await page.locator('.asking').boundingBox()).y;
      const scrolled = await page.evaluate(() => {
        window.scrollTo(0, document.documentElement.scrollHeight);
        return window.scrollY;
      });
      const pinned = await page.locator('.asking').boundingBox();
      assert.ok(pinned.y <= Math.max(1, before - scrolled), `the question being asked stays on top (${pinned.y})`);
      await assertLayout(page, 'the listener, clarifying, scrolled');
      await page.evaluate(() => window.scrollTo(0, 0));
    });
    await accessible(devices[0].page, 'the listener, clarifying');

    // Offline: said plainly, and no clock runs on old news.
    const phone = devices[0];
    await phone.context.setOffline(true);
    await phone.page.locator('.stale-note').waitFor();
    const elapsed = await phone.page.locator('.elapsed').first().innerText();
    await phone.page.waitForTimeout(2100);
    assert.equal(await phone.page.locator('.elapsed').first().innerText(), elapsed, 'the clock stands still offline');
    await assertLayout(phone.page, 'the listener offline');
    await screenshot(phone.page, 'listener-offline-390x844');
    await phone.context.setOffline(false);
    await phone.page.locator('.stale-note').waitFor({ state: 'detached', timeout: 20_000 });

    // After the end: thanks and what happens next; nobody "speaking", no queue.
    await drive(organiser, m.id, m.key, [{ type: 'ChangePhase', to: 'CLOSING' }, { type: 'ChangePhase', to: 'ENDED' }]);
    await each('ended', async (page) => {
      await page.getByRole('heading', { name: 'Het gesprek is afgelopen' }).waitFor();
      const text = await page.locator('body').innerText();
      assert.ok(text.includes('Wat nu?') && !text.includes('Aan het woord') && !text.includes('Vragen van toehoorders'), text);
    });
    await accessible(devices[0].page, 'the listener, ended');
  } finally {
    await chrome.close();
  }
});

test('preparation, the report, joining and keeping the links fit their screens', async () => {
  const chrome = await browser();
  try {
    const page = await newPage(chrome, { viewport: LANDSCAPE, hasTouch: true });
    // Keeping the links: the way on is in view without scrolling.
    await page.goto(BASE + '/');
    await page.getByLabel('Titel').fill('Spiegelgesprek wonen in de wijk');
    await page.getByRole('button', { name: 'Gesprek aanmaken' }).click();
    await page.getByRole('heading', { name: 'Bewaar deze links' }).waitFor();
    for (const viewport of TABLETS) {
      await page.setViewportSize(viewport);
      const go = await page.getByRole('button', { name: 'Verder naar het gesprek' }).boundingBox();
      assert.ok(go.y + go.height <= viewport.height, `"Verder" is in view at ${size(viewport)}`);
      await assertLayout(page, `keep the links, ${size(viewport)}`);
    }
    await screenshot(page, 'keep-links-820x1180');

    const m = await meeting({ title: 'Spiegelgesprek wonen in de wijk', seats: 12 });
    await api('PUT', `/api/meetings/${m.id}`, m.key, { title: 'Spiegelgesprek wonen in de wijk', plannedMinutes: 75,
      place: 'Wijkcentrum De Brug, zaal 2', turnLimitSeconds: 120 });
    await page.goto(BASE + m.access.links.moderator);
    await page.locator('.code').waitFor();
    await page.locator('.counter').filter({ hasText: '12 bevestigd / 8–12 nodig' }).waitFor();
    for (const viewport of TABLETS) {
      await page.setViewportSize(viewport);
      await assertLayout(page, `preparation, ${size(viewport)}`);
      await screenshot(page, `preparation-${size(viewport)}`);
    }

    await pastTalk(page, m, [[0, 10], [1, 10]]);
    await drive(page, m.id, m.key, [{ type: 'AddNote', tag: 'IMPROVEMENT_POINT', text: 'De wachttijd is te lang', shared: true },
      { type: 'ChangePhase', to: 'CLARIFYING' }, { type: 'ChangePhase', to: 'CLOSING' }, { type: 'ChangePhase', to: 'ENDED' }]);
    const note = (await serverView(m.id, m.key)).notes[0].id;
    await drive(page, m.id, m.key, [{ type: 'CreateAction', noteId: note, title: 'Wachttijd halveren', owner: 'Team Toegang', due: '2027-01-31' }]);
    await page.getByRole('tab', { name: 'Verslag en opvolging', selected: true }).waitFor();
    await page.getByText('Wachttijd halveren · Team Toegang · 31 januari 2027').waitFor();
    for (const viewport of TABLETS) {
      await page.setViewportSize(viewport);
      await assertLayout(page, `report and follow-up, ${size(viewport)}`);
    }
    await accessible(page, 'report and follow-up');

    const phone = await (await chrome.newContext({ viewport: PHONES[1], isMobile: true, hasTouch: true })).newPage();
    await phone.goto(`${BASE}/join`);
    await assertLayout(phone, 'joining, 360x740');
  } finally {
    await chrome.close();
  }
});
