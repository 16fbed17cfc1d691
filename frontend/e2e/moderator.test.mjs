// The moderator prepares and runs a whole meeting on a tablet-sized browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accessible, BASE, browser, merge, reject, screenshot, serverView, until } from './support.mjs';
import { assertLayout, CONSOLE } from './layout.mjs';

const NAMES = ['Anouk', 'Bram', 'Chantal', 'Dirk', 'Esra', 'Fatima', 'Gerrit', 'Hanna', 'Ivo', 'Joke'];
const name = (n) => NAMES[n - 1];

test('a moderator prepares and runs a meeting on a tablet', async () => {
  const chrome = await browser();
  try {
    const context = await chrome.newContext({ viewport: { width: 1180, height: 820 }, hasTouch: true });
    const page = await context.newPage();
    page.on('pageerror', (e) => assert.fail(`page error: ${e.message}`));

    // The page is checked again on every visit; its hashed assets may be kept; scripts come from here only.
    const home = await fetch(BASE + '/');
    assert.equal(home.headers.get('cache-control'), 'no-cache');
    assert.match(home.headers.get('content-security-policy'), /script-src 'self'/);
    const asset = (await home.text()).match(/\/assets\/[^"]+\.js/)[0];
    assert.match((await fetch(BASE + asset)).headers.get('cache-control'), /immutable/);

    // Create.
    await page.goto(BASE + '/');
    await accessible(page, 'home');
    await page.getByLabel('Titel').fill('Spiegelgesprek jeugdzorg');
    await page.getByLabel('Doelgroep').fill('ouders');
    await page.getByRole('button', { name: 'Gesprek aanmaken' }).click();
    await page.getByLabel('Ik heb de links bewaard').check();
    await page.getByRole('button', { name: 'Verder naar het gesprek' }).click();
    await page.waitForURL(/\/moderate\/[0-9a-f-]{36}$/);
    const meetingId = page.url().split('/').pop();
    const key = await page.evaluate((id) => localStorage.getItem(`spiegel.moderate.${id}`), meetingId);
    assert.ok(key, 'the moderator key is kept in the browser');
    assert.ok(!page.url().includes('key='), 'the key does not stay in the address bar');
    await page.getByRole('status').filter({ hasText: 'Verbonden' }).waitFor();

    // Prepare: three themes, ten participants.
    const themes = [['Toegang', 'Hoe kwam u bij ons terecht?'], ['Contact', 'Hoe ervaart u het contact?'],
      ['Eigen regie', 'Hoeveel zeggenschap heeft u?']];
    for (const [title, question] of themes) {
      await page.locator('#t-title').fill(title);
      await page.locator('#t-q').fill(question);
      await page.locator('#t-min').fill('20');
      await page.getByRole('button', { name: 'Thema toevoegen' }).click();
      await page.locator('ol.guide li', { hasText: title }).waitFor();
    }
    // Places one after another: a name, Enter, the next name.
    await page.getByLabel('Als', { exact: true }).selectOption('INFORMED');
    for (let i = 1; i <= 10; i++) {
      await page.getByLabel('Naam (voornaam of schuilnaam)').fill(name(i));
      await page.getByLabel('Naam (voornaam of schuilnaam)').press('Enter');
      await page.locator('ul.places li', { hasText: name(i) }).waitFor();
    }
    await page.getByRole('button', { name: 'Omhoog: Contact' }).click();
    await until('the guide is reordered', async () => (await serverView(meetingId, key)).guide[0].title === 'Contact');
    await page.getByRole('button', { name: 'Omlaag: Contact' }).click();
    await page.locator('.code').waitFor();
    await accessible(page, 'preparation');
    const prepared = await serverView(meetingId, key);
    assert.equal(prepared.guide.length, 3);
    assert.equal(prepared.participants.length, 10);
    // The facts are saved all at once: the organisation and where remote listeners listen in.
    await page.getByLabel('Organisatie').fill('Jeugdzorg Wijkstad');
    await page.getByLabel('Waar luisteren toehoorders op afstand mee?').fill('https://meet.example.org/spiegel-jeugdzorg');
    await page.getByLabel('Organisatie').locator('xpath=ancestor::form').getByRole('button', { name: 'Opslaan' }).click();
    await until('the facts are saved', async () => (await serverView(meetingId, key)).details.listenUrl === 'https://meet.example.org/spiegel-jeugdzorg');
    const facts = (await serverView(meetingId, key)).details;
    assert.deepEqual([facts.title, facts.targetGroup, facts.organisation], ['Spiegelgesprek jeugdzorg', 'ouders', 'Jeugdzorg Wijkstad']);

    // Run it.
    await page.getByRole('tab', { name: 'Gesprek' }).click();
    await page.getByRole('button', { name: 'Naar: Inloop' }).click();
    await page.getByRole('button', { name: 'Naar: Opening' }).click();
    await page.getByRole('button', { name: 'Gespreksleider', exact: true }).click();
    await page.getByRole('button', { name: 'Naar: Gesprek' }).click();
    await page.getByRole('button', { name: 'Ja, doorgaan' }).click();
    await until('the conversation begins', async () => (await serverView(meetingId, key)).phase === 'CONVERSATION');

    const seat = (n) => page.getByRole('button', { name: new RegExp(`^${name(n)}\\b`) });
    await seat(1).click();
    await seat(2).click();
    await page.getByRole('button', { name: /In de rij: Esra$/ }).click();
    await page.getByRole('button', { name: /In de rij: Gerrit$/ }).click();
    await page.getByRole('tab', { name: /Sprekersrij/ }).click();
    await page.getByRole('button', { name: 'Omhoog: Gerrit' }).click();
    await page.getByRole('button', { name: 'Volgende' }).click();
    await until('the queue gave the floor to Gerrit', async () => {
      const v = await serverView(meetingId, key);
      const seven = v.participants.find((p) => p.pseudonym === 'Gerrit');
      return v.speaker?.participantId === seven.id && v.speakerQueue.length === 1;
    });

    await page.getByRole('tab', { name: 'Leidraad' }).click();
    await page.getByLabel('Verbeterpunt').check();
    await page.getByLabel('Notitie toevoegen').fill('De wachttijd is te lang');
    await page.getByLabel('Delen met toehoorders').check();
    await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
    await page.locator('ul.notes li', { hasText: 'De wachttijd is te lang' }).waitFor();
    // The form is private with no tag after each note, and again when the theme changes.
    assert.equal(await page.getByLabel('Delen met toehoorders').isChecked(), false);
    assert.equal(await page.getByLabel('Verbeterpunt').isChecked(), false);
    await page.getByLabel('Citaat').check();
    await page.getByLabel('Delen met toehoorders').check();
    await page.getByRole('button', { name: 'Volgend thema' }).click();
    await page.getByLabel('Delen met toehoorders').and(page.locator(':not(:checked)')).waitFor();
    assert.equal(await page.getByLabel('Citaat').isChecked(), false);
    await seat(3).click();
    await until('the second theme runs', async () => {
      const v = await serverView(meetingId, key);
      return v.currentThemeId === v.guide[1].id && v.notes[0].tag === 'IMPROVEMENT_POINT' && v.notes[0].shared;
    });
    await page.getByRole('tab', { name: /Balans/ }).click();
    await page.getByText('Balans in de groep').waitFor();
    await accessible(page, 'console');
    await assertLayout(page, 'the console in landscape', CONSOLE);
    await screenshot(page, 'console-landscape');
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.getByRole('tab', { name: 'Leidraad' }).click();
    await page.waitForTimeout(200);
    await assertLayout(page, 'the console in portrait', CONSOLE);
    await screenshot(page, 'console-portrait');
    await page.setViewportSize({ width: 1180, height: 820 });

    // Through a Wi-Fi drop: taps show at once, are kept, sent once when the connection is back, and
    // timed when they were made, so the turns are true.
    const before = await serverView(meetingId, key);
    const turns = (v, n) => v.participants.find((p) => p.pseudonym === name(n)).turns;
    await context.setOffline(true);
    await page.getByRole('status').filter({ hasText: 'Geen verbinding' }).waitFor();
    await seat(4).click();
    await page.locator('.seat.waiting', { hasText: name(4) }).filter({ hasText: 'wacht op verbinding' }).waitFor({ timeout: 1_000 });
    await new Promise((r) => setTimeout(r, 3_000));
    await seat(6).click();
    await page.locator('.seat.waiting', { hasText: name(6) }).waitFor({ timeout: 1_000 });
    assert.equal(await page.locator('.seat.waiting').count(), 1, 'one seat has the floor, waiting for the connection');
    await new Promise((r) => setTimeout(r, 5_000));
    await seat(4).click();
    await page.getByRole('status').filter({ hasText: '3 wacht op verbinding' }).waitFor();
    // Queued while offline: the seat shows its place in the queue at once.
    await page.getByRole('button', { name: `In de rij: ${name(8)}` }).click();
    await page.getByRole('button', { name: `Uit de rij: ${name(8)}` }).waitFor({ timeout: 1_000 });
    await page.getByRole('status').filter({ hasText: '4 wacht op verbinding' }).waitFor();
    await screenshot(page, 'console-offline');
    await new Promise((r) => setTimeout(r, 12_000));
    assert.equal(turns(await serverView(meetingId, key), 4), turns(before, 4), 'nothing arrives while offline');
    await context.setOffline(false);
    await page.getByRole('status').filter({ hasText: /^Verbonden$/ }).waitFor({ timeout: 20_000 });
    const after = await until('the taps arrived', async () => {
      const v = await serverView(meetingId, key);
      return turns(v, 4) === turns(before, 4) + 2 && turns(v, 6) === turns(before, 6) + 1 ? v : null;
    });
    await page.locator('.seat.waiting').waitFor({ state: 'detached' });
    // The sixth, tapped 5 s before the next tap and 17 s before the Wi-Fi came back, spoke 5 s.
    const csv = await (await fetch(`${BASE}/api/meetings/${meetingId}/export/turns.csv`,
      { headers: { Authorization: `Bearer ${key}` } })).text();
    const stretches = csv.trim().split('\r\n').slice(1).map((row) => row.split(','));
    const bram = stretches.filter((r) => r[3] === name(6)).at(-1);
    const seconds = Number(bram.at(-1));
    assert.ok(Math.abs(seconds - 5) < 1, `the offline turn of ${name(6)} lasted ${seconds} s, not about 5 s`);
    await page.reload();
    await page.getByRole('status').filter({ hasText: /^Verbonden$/ }).waitFor();
    await new Promise((r) => setTimeout(r, 1000));
    const settled = await serverView(meetingId, key);
    assert.equal(turns(settled, 4), turns(after, 4), 'each tap was applied exactly once');
    assert.equal(turns(settled, 6), turns(after, 6));

    // A scripted listener asks questions; the moderator screens them at the end.
    const code = (await (await fetch(`${BASE}/api/meetings/${meetingId}/access`, { headers: { Authorization: `Bearer ${key}` } })).json()).joinCode;
    const listener = await (await fetch(`${BASE}/api/join`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code, displayName: 'Luisteraar' }) })).json();
    const listenerPage = await (await chrome.newContext()).newPage();
    await listenerPage.goto(BASE + '/');
    await listenerPage.evaluate(async ({ id, listenerKey, questions }) => {
      const socket = new WebSocket(`ws://${location.host}/live/${id}`, ['spiegel.v1', `spiegel.key.${listenerKey}`]);
      const acks = new Set();
      await new Promise((resolve, reject) => {
        socket.onerror = reject;
        socket.onmessage = (e) => {
          const m = JSON.parse(e.data);
          if (m.type === 'ready') questions.forEach((text, i) => socket.send(JSON.stringify({ type: 'SubmitQuestion', commandId: `q${i}`, text })));
          if (m.type === 'ack') acks.add(m.commandId);
          if (acks.size === questions.length) resolve();
        };
        socket.onopen = () => socket.send(JSON.stringify({ type: 'hello' }));
      });
    }, { id: meetingId, listenerKey: listener.key, questions: ['Wat bedoelde u met de lijst?', 'Waarom koos u niet voor een andere hulpverlener?', 'Wat bedoelde u met de lijst precies?'] });

    await page.getByRole('tab', { name: 'Vragen' }).click();
    await page.getByRole('status').filter({ hasText: '3 vragen wachten op het einde' }).waitFor();
    await page.getByRole('button', { name: 'Naar: Vragen van toehoorders' }).click();
    const waiting = page.locator('ul.screen li');
    await waiting.first().waitFor();
    await page.locator('li', { hasText: 'Wat bedoelde u met de lijst?' }).getByRole('button', { name: 'Toelaten' }).click();
    await page.locator('ol.queue li', { hasText: 'Wat bedoelde u met de lijst?' }).waitFor();
    await reject(page, 'Waarom koos u', 'Nieuw onderwerp');
    await merge(page, 'de lijst precies', 'Wat bedoelde u met de lijst?');
    await page.getByRole('button', { name: 'Nu stellen' }).click();
    await page.getByRole('button', { name: 'Beantwoord', exact: true }).click();
    const screened = await until('the questions are screened', async () => {
      const v = await serverView(meetingId, key);
      const status = Object.fromEntries(v.questions.map((q) => [q.text, q.status]));
      return status['Wat bedoelde u met de lijst?'] === 'ANSWERED' && status['Waarom koos u niet voor een andere hulpverlener?'] === 'REJECTED'
        && status['Wat bedoelde u met de lijst precies?'] === 'MERGED' ? v : null;
    });
    assert.equal(screened.questionQueue.length, 1);
    await accessible(page, 'question screening');

    await page.getByRole('button', { name: 'Naar: Afsluiting' }).click();
    await page.getByRole('button', { name: 'Naar: Afgelopen' }).click();
    await page.getByRole('button', { name: 'Ja, doorgaan' }).click();
    await until('the meeting ended', async () => (await serverView(meetingId, key)).phase === 'ENDED');

    // English, switchable.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('tab', { name: 'Prepare' }).waitFor();
  } finally {
    await chrome.close();
  }
});
