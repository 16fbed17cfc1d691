// Listeners join from the code on their phones, follow the meeting, and queue questions; the room
// display shows the room what it needs. Nothing a listener may not see reaches their page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accessible, api, BASE, browser, reject, screenshot, serverView, until } from './support.mjs';

test('listeners follow a meeting and ask questions for the end; the display shows the room', async () => {
  const created = await api('POST', '/api/meetings', null, { title: 'Spiegelgesprek wijkteam', targetGroup: 'inwoners' });
  const id = created.id;
  const mod = created.access.moderatorKey;
  for (const [title, q] of [['Toegang', 'Hoe vond u de weg naar het wijkteam?'], ['Contact', 'Hoe ervaart u het contact?']]) {
    await api('POST', `/api/meetings/${id}/themes`, mod, { title, centralQuestion: q, minutes: 20 });
  }
  for (const [i, name] of ['Anouk', 'Bram', 'Chantal', 'Dirk'].entries()) {
    await api('POST', `/api/meetings/${id}/participants`, mod, { pseudonym: name, seat: i + 1, status: 'INFORMED' });
  }
  const chrome = await browser();
  try {
    const moderator = await (await chrome.newContext({ viewport: { width: 1180, height: 820 } })).newPage();
    await moderator.goto(`${BASE}${created.access.links.moderator}`);
    await moderator.getByRole('status').filter({ hasText: 'Verbonden' }).waitFor();

    const display = await (await chrome.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await display.goto(`${BASE}${created.access.links.display}`);
    await display.locator('.code').filter({ hasText: created.access.joinCode }).waitFor();
    await accessible(display, 'display');
    // The projector: none of the app's own buttons, readable from the back of the room at every size.
    assert.equal(await display.getByRole('button').count(), 0);
    for (const [width, height] of [[1280, 720], [3840, 2160], [1920, 1080]]) {
      await display.setViewportSize({ width, height });
      const sizes = await display.evaluate(() => ({
        title: parseFloat(getComputedStyle(document.querySelector('.welcome')).fontSize),
        rules: parseFloat(getComputedStyle(document.querySelector('.rules')).fontSize),
        overflows: document.documentElement.scrollHeight > innerHeight,
      }));
      await screenshot(display, `display-lobby-${width}x${height}`);
      // Readable from the back of the room: the rules at least 3 % of the screen's height, the title larger.
      assert.ok(sizes.rules >= 0.03 * height && sizes.title > sizes.rules && !sizes.overflows, `${width}×${height}: ${JSON.stringify(sizes)}`);
    }

    // Five listeners on phones; the first types the code, the others scan the QR (the join link).
    const listeners = [];
    for (let i = 1; i <= 5; i++) {
      const context = await chrome.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      page.on('pageerror', (e) => assert.fail(`listener ${i}: ${e.message}`));
      if (i === 1) {
        await page.goto(`${BASE}/join`);
        await accessible(page, 'join, code');
        await page.getByLabel('Code').fill(created.access.joinCode.toLowerCase());
        await page.getByRole('button', { name: 'Verder' }).click();
      } else {
        await page.goto(`${BASE}${created.access.links.join}`);
      }
      await page.getByRole('heading', { name: 'Spiegelgesprek wijkteam' }).waitFor();
      if (i === 1) await accessible(page, 'join, rules');
      await page.getByLabel('Uw naam (mag leeg blijven)').fill(`Luisteraar ${i}`);
      await page.getByLabel(/Ik luister en reageer niet/).check();
      await page.getByRole('button', { name: 'Meeluisteren' }).click();
      await page.waitForURL(/\/listen\//);
      await page.getByRole('status').filter({ hasText: 'Verbonden' }).waitFor();
      listeners.push({ page, context, question: `Wat bedoelde deelnemer ${i} met de wachttijd?` });
    }
    assert.equal((await serverView(id, mod)).listeners, 5);

    // The conversation: who speaks, the theme, the shared notes reach every phone; private ones not.
    await moderator.getByRole('tab', { name: 'Gesprek' }).click();
    await moderator.getByRole('button', { name: 'Naar: Inloop' }).click();
    await moderator.getByRole('button', { name: 'Naar: Opening' }).click();
    await moderator.getByRole('button', { name: 'Naar: Gesprek' }).click();
    await moderator.getByRole('button', { name: 'Ja, doorgaan' }).click();
    await moderator.getByRole('button', { name: /^Bram\b/ }).click();
    await moderator.getByLabel('Notitie toevoegen').fill('Gedeeld: de wachttijd is te lang');
    await moderator.getByLabel('Delen met toehoorders').check();
    await moderator.getByRole('button', { name: 'Notitie toevoegen' }).click();
    await moderator.getByLabel('Delen met toehoorders').uncheck();
    await moderator.getByLabel('Notitie toevoegen').fill('Privé: moeder leek geëmotioneerd');
    await moderator.getByRole('button', { name: 'Notitie toevoegen' }).click();
    for (const { page } of listeners) {
      await page.locator('.speaker', { hasText: 'Bram' }).waitFor();
      await page.getByText('Hoe vond u de weg naar het wijkteam?').waitFor();
      await page.getByText('Gedeeld: de wachttijd is te lang').waitFor();
    }
    await display.getByText('Hoe vond u de weg naar het wijkteam?').waitFor();
    // A note shared by mistake is taken back from the list, and leaves every phone.
    await moderator.getByLabel('Notitie toevoegen').fill('Gedeeld per ongeluk: naam van de buurvrouw');
    await moderator.getByLabel('Delen met toehoorders').check();
    await moderator.getByRole('button', { name: 'Notitie toevoegen' }).click();
    await listeners[0].page.getByText('Gedeeld per ongeluk').waitFor();
    await moderator.getByRole('button', { name: /^Niet meer delen: Gedeeld per ongeluk/ }).click();
    for (const { page } of listeners) {
      await page.getByText('Gedeeld per ongeluk').waitFor({ state: 'detached' });
    }
    await screenshot(display, 'display');
    await accessible(listeners[0].page, 'listener stream');

    // A question pasted over the limit is not cut off in silence: it says how much is too much.
    await listeners[0].page.getByLabel('Uw vraag').fill('Waarom '.repeat(74));
    await listeners[0].page.getByRole('alert').filter({ hasText: '18 tekens te veel' }).waitFor();
    assert.equal(await listeners[0].page.getByRole('button', { name: 'Vraag indienen' }).isDisabled(), true);

    // Questions, each from its own phone.
    for (const l of listeners) {
      await l.page.getByLabel('Uw vraag').fill(l.question);
      await l.page.getByLabel('Aan (mag leeg blijven)').selectOption({ label: 'Bram' });
      await l.page.getByRole('button', { name: 'Vraag indienen' }).click();
      await l.page.locator('.mine li', { hasText: l.question }).getByText('wacht', { exact: true }).waitFor();
    }
    await until('five questions wait', async () => (await serverView(id, mod)).questions.length === 5);
    for (const l of listeners) {
      const text = await l.page.locator('body').innerText();
      for (const other of listeners.filter((o) => o !== l)) {
        assert.ok(!text.includes(other.question), 'another listener\'s unreleased question is on the page');
      }
      for (const statistic of ['Balans', 'Aandeel gespreksleider', 'gesproken', 'Privé: moeder']) {
        assert.ok(!text.includes(statistic), `a listener page shows "${statistic}"`);
      }
    }

    // A phone that sleeps misses changes, and gets them all when it wakes.
    const sleeper = listeners[2];
    await sleeper.context.setOffline(true);
    await sleeper.page.getByRole('status').filter({ hasText: 'Geen verbinding' }).waitFor();
    for (const text of ['Gedeeld: het contact verloopt via veel mensen', 'Gedeeld: liever één vast aanspreekpunt']) {
      await moderator.getByLabel('Notitie toevoegen').fill(text);
      // Sharing is chosen for each note: after a note the form is private again.
      await moderator.getByLabel('Delen met toehoorders').check();
      await moderator.getByRole('button', { name: 'Notitie toevoegen' }).click();
      await moderator.locator('ul.notes li', { hasText: text }).waitFor();
      assert.equal(await moderator.getByLabel('Delen met toehoorders').isChecked(), false);
    }
    await moderator.getByRole('button', { name: 'Volgend thema' }).click();
    await sleeper.context.setOffline(false);
    await sleeper.page.getByRole('status').filter({ hasText: /^Verbonden$/ }).waitFor({ timeout: 20_000 });
    await sleeper.page.getByText('Hoe ervaart u het contact?').waitFor();
    const timeline = await sleeper.page.locator('.timeline li').allInnerTexts();
    assert.equal(timeline.length, 3, 'the whole timeline after waking');
    assert.ok(timeline.some((t) => t.includes('liever één vast aanspreekpunt')));

    // The clarifying phase: accepted questions show on every phone, the rest stays private.
    await moderator.getByRole('button', { name: 'Naar: Vragen van toehoorders' }).click();
    // The clarifying phase turns the side panel to the questions by itself, with how many wait.
    await moderator.getByRole('tab', { name: /^Vragen/, selected: true }).waitFor();
    assert.match(await moderator.getByRole('tab', { name: /^Vragen/ }).innerText(), /Vragen\s+5/);
    for (const i of [0, 1]) {
      await moderator.locator('ul.screen li', { hasText: listeners[i].question }).getByRole('button', { name: 'Toelaten' }).click();
      await moderator.locator('ol.queue li', { hasText: listeners[i].question }).waitFor();
    }
    await reject(moderator, listeners[3].question, 'Te persoonlijk');
    await moderator.locator('ol.queue li', { hasText: listeners[0].question }).getByRole('button', { name: 'Nu stellen' }).click();
    for (const l of listeners) {
      await l.page.locator('.queue li', { hasText: listeners[0].question }).getByText('wordt nu gesteld').waitFor();
      await l.page.locator('.queue li', { hasText: listeners[1].question }).waitFor();
      const text = await l.page.locator('body').innerText();
      for (const hidden of [listeners[2], listeners[3], listeners[4]].filter((o) => o !== l)) {
        assert.ok(!text.includes(hidden.question), 'an unreleased question reached another listener');
      }
    }
    await listeners[3].page.locator('.mine li', { hasText: listeners[3].question }).getByText('afgewezen: Te persoonlijk').waitFor();
    // The question being asked is the projector's largest text; the next ones wait below it.
    await display.locator('.asking', { hasText: listeners[0].question }).waitFor();
    await display.locator('.queue li', { hasText: listeners[1].question }).waitFor();
    await screenshot(listeners[0].page, 'listener-stream');
    await accessible(listeners[0].page, 'listener stream, clarifying');
    await accessible(display, 'display, clarifying');
    await moderator.getByRole('button', { name: 'Beantwoord' }).first().click();
    await listeners[0].page.locator('.mine li', { hasText: listeners[0].question }).getByText('beantwoord', { exact: true }).waitFor();
    // An answered question folds away under its own heading.
    await moderator.locator('details.answered summary', { hasText: 'Beantwoord (1)' }).waitFor();
    assert.equal(await moderator.locator('ol.queue li', { hasText: listeners[0].question }).count(), 0);

    // A listener who disturbs is removed, with their waiting question: their link stops working at once.
    await moderator.locator('details.listeners summary').click();
    await moderator.locator('li.listener', { hasText: 'Luisteraar 5' }).getByRole('button', { name: 'Verwijderen' }).click();
    const dialog = moderator.getByRole('dialog');
    await dialog.getByText('Luisteraar 5 uit het gesprek verwijderen?').waitFor();
    await screenshot(moderator, 'moderator-remove-listener');
    await accessible(moderator, 'remove a listener');
    await dialog.getByRole('button', { name: 'Verwijderen, met wachtende vragen' }).click();
    await listeners[4].page.getByText('Deze link werkt niet meer').waitFor();
    await until('the listener is gone with their question', async () => {
      const view = await serverView(id, mod);
      return view.listeners === 4 && !view.questions.some((q) => q.text === listeners[4].question);
    });
    await moderator.locator('ul.screen li', { hasText: listeners[4].question }).waitFor({ state: 'detached' });

    // A new join code reaches the projector without a reload; after the end it thanks the room and shows no code.
    const rotated = await api('POST', `/api/meetings/${id}/access/join-code/rotate`, mod);
    await display.locator('.code').filter({ hasText: rotated.key }).waitFor({ timeout: 20_000 });
    await moderator.getByRole('button', { name: 'Naar: Afsluiting' }).click();
    await moderator.getByRole('button', { name: 'Naar: Afgelopen' }).click();
    await moderator.getByRole('button', { name: 'Ja, doorgaan' }).click();
    await display.getByRole('heading', { name: 'Dank u wel' }).waitFor();
    // The moderator's app moves on to the report by itself.
    await moderator.getByRole('tab', { name: 'Verslag en opvolging', selected: true }).waitFor();
    assert.equal(await display.locator('.code').count(), 0);
    await screenshot(display, 'display-ended');
    await accessible(display, 'display, ended');
  } finally {
    await chrome.close();
  }
});
