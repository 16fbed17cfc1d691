// A whole meeting as the moderator runs it on a tablet, with the tools the best meeting apps have:
// links that cannot get lost, a live balance on the seat ring, soft time-boxes, a whisper to the
// assistant, a pause everyone sees, and a clarifying mode that moves on in one tap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accessible, api, BASE, browser, drive, merge, reject, screenshot, serverView, until } from './support.mjs';
import { assertLayout, CONSOLE } from './layout.mjs';

const TABLET = { viewport: { width: 1180, height: 820 }, hasTouch: true };
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
const NAMES = ['Anouk', 'Bram', 'Chantal', 'Dirk', 'Esra', 'Fatima', 'Gerrit', 'Hanna'];

test('links are kept, the balance moves live, time-boxes colour, whispers and pauses reach who they should', async () => {
  const chrome = await browser();
  try {
    const context = await chrome.newContext(TABLET);
    const page = await context.newPage();
    page.on('pageerror', (e) => assert.fail(`page error: ${e.message}`));

    // 5. Right after creating, a step that cannot be missed: copy, download, QR, and only then on.
    await page.goto(BASE + '/');
    await page.getByLabel('Titel').fill('Spiegelgesprek wonen');
    await page.getByRole('button', { name: 'Gesprek aanmaken' }).click();
    await page.getByRole('heading', { name: 'Bewaar deze links' }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Bewaar deze links', 'the step takes the focus');
    const moderatorLink = await page.getByRole('textbox', { name: /Gespreksleider/ }).inputValue();
    const assistantLink = await page.getByRole('textbox', { name: 'Assistent' }).inputValue();
    const displayLink = await page.getByRole('textbox', { name: 'Scherm in de zaal' }).inputValue();
    for (const link of [moderatorLink, assistantLink, displayLink]) assert.match(link, /#key=/);
    await page.getByRole('img', { name: /QR-code: Gespreksleider/ }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Downloaden als document' }).click()]);
    const document = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
    for (const link of [moderatorLink, assistantLink, displayLink]) assert.ok(document.includes(link), 'the document holds every link');
    await accessible(page, 'keep the links');
    await screenshot(page, 'keep-links');
    assert.equal(await page.getByRole('button', { name: 'Verder naar het gesprek' }).isDisabled(), true);
    await page.getByLabel('Ik heb de links bewaard').check();
    await page.getByRole('button', { name: 'Verder naar het gesprek' }).click();
    await page.waitForURL(/\/moderate\/[0-9a-f-]{36}$/);
    const meetingId = page.url().split('/').pop();
    const key = new URLSearchParams(moderatorLink.split('#')[1]).get('key');

    // 2 and 9. Preparation: place and a soft limit per turn, theme minutes against the plan, rules saved,
    // a participant renamed and moved, a removal asked once more.
    for (const [title, minutes] of [['Zoeken', 1], ['Wachten', 30], ['Wonen', 30]]) {
      await api('POST', `/api/meetings/${meetingId}/themes`, key, { title, centralQuestion: `Hoe ging ${title.toLowerCase()}?`, minutes });
    }
    for (const [i, name] of NAMES.entries()) await api('POST', `/api/meetings/${meetingId}/participants`, key, { pseudonym: name, seat: i + 1 });
    await page.getByText('3 thema’s: 61 van 75 minuten').waitFor();
    await page.getByLabel('Locatie').fill('Wijkcentrum De Brug, zaal 2');
    await page.getByLabel('Tijd per beurt').selectOption('60');
    await page.getByLabel('Datum en tijd').fill('2027-03-12T14:00');
    await page.locator('form', { has: page.getByLabel('Locatie') }).getByRole('button', { name: 'Opslaan' }).click();
    await until('the facts are saved', async () => (await serverView(meetingId, key)).details.turnLimitSeconds === 60);
    await page.getByLabel('Huisregels', { exact: true }).fill('Toehoorders luisteren in stilte.\nVragen komen aan het einde.');
    await page.locator('section', { has: page.getByLabel('Huisregels', { exact: true }) }).getByRole('button', { name: 'Opslaan' }).last().click();
    // Both saves say so: the facts' and the rules'.
    await page.getByRole('status').filter({ hasText: 'Opgeslagen' }).nth(1).waitFor();
    await page.getByRole('button', { name: 'Wijzigen: Hanna' }).click();
    await page.getByLabel('Naam van Hanna').fill('Hanneke');
    await page.getByLabel('Plaats van Hanna').selectOption('12');
    await page.locator('ul.places').getByRole('button', { name: 'Opslaan' }).click();
    await until('Hanna is Hanneke on seat 12', async () => (await serverView(meetingId, key)).participants
      .some((p) => p.pseudonym === 'Hanneke' && p.seat === 12));
    await page.getByRole('button', { name: 'Verwijderen: Gerrit' }).click();
    await page.getByText('Gerrit helemaal van de lijst halen?', { exact: false }).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Annuleren' }).click();
    assert.equal((await serverView(meetingId, key)).participants.length, NAMES.length, 'nothing is removed without a yes');

    // 6. The printed invitation tells listeners what, when, where and how.
    await page.emulateMedia({ media: 'print' });
    const invitation = await page.locator('.invitation').innerText();
    for (const text of ['Spiegelgesprek wonen', '12 maart 2027', '14:00', 'Wijkcentrum De Brug, zaal 2', 'Vragen komen aan het einde.',
      'Wat u niet doet', 'Meepraten of uitleggen tijdens het gesprek']) assert.ok(invitation.includes(text), `the invitation has ${text}`);
    await page.emulateMedia({ media: 'screen' });
    await accessible(page, 'preparation with place, turn limit and links');

    // 5. The links again, at any time, from the console's bar.
    await page.getByRole('button', { name: 'Links', exact: true }).click();
    const links = page.getByRole('dialog', { name: 'Links' });
    assert.equal(await links.getByRole('textbox', { name: 'Assistent' }).inputValue(), assistantLink);
    await links.getByRole('button', { name: 'QR-code: Scherm in de zaal' }).click();
    await links.getByRole('img', { name: 'QR-code: Scherm in de zaal' }).waitFor();
    await accessible(page, 'links dialog');
    await links.getByRole('button', { name: 'Sluiten' }).click();

    // The assistant, a listener on a phone and the projector join.
    const assistant = await (await chrome.newContext(TABLET)).newPage();
    await assistant.goto(assistantLink);
    const code = (await api('GET', `/api/meetings/${meetingId}/access`, key)).joinCode;
    const listener = await (await chrome.newContext(PHONE)).newPage();
    await listener.goto(`${BASE}/join/${code}`);
    await listener.getByLabel(/Ik luister en reageer niet/).check();
    await listener.getByRole('button', { name: 'Meeluisteren' }).click();
    await listener.waitForURL(/\/listen\//);
    const projector = await (await chrome.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await projector.goto(displayLink);

    // 1. The conversation: the running turn moves shares, bars and index; the ring carries the cues.
    const participants = (await serverView(meetingId, key)).participants;
    const id = (name) => participants.find((p) => p.pseudonym === name).id;
    const zoeken = (await serverView(meetingId, key)).guide.find((g) => g.title === 'Zoeken').id;
    await drive(page, meetingId, key, [{ type: 'ChangePhase', to: 'LOBBY' }, { type: 'ChangePhase', to: 'OPENING' },
      { type: 'ChangePhase', to: 'CONVERSATION' }, { type: 'StartTheme', themeId: zoeken }]);
    await page.getByRole('tab', { name: 'Gesprek', exact: true }).click();
    await page.getByRole('button', { name: /^Anouk\b/ }).click();
    await new Promise((r) => setTimeout(r, 2500));
    await page.getByRole('button', { name: /^Bram\b/ }).click();
    await page.locator('.seat.speaking', { hasText: 'Bram' }).filter({ hasText: /spreekt 0:0\d/ }).waitFor();
    await page.locator('.centre').filter({ hasText: '6 nog niet aan het woord' }).waitFor();
    await page.locator('.centre').filter({ hasText: /Langst stil: Anouk \(0:0\d\)/ }).waitFor();
    await page.locator('.seat', { hasText: 'Anouk' }).filter({ hasText: /al 0:0\d stil/ }).waitFor();
    await page.getByRole('list', { name: 'Wat de kleuren betekenen' }).waitFor();
    await page.getByRole('tab', { name: /Balans/ }).click();
    const bramShare = async () => Number(await page.locator('.bars li', { hasText: 'Bram' }).locator('.value').getAttribute('data-share'));
    const first = await bramShare();
    await new Promise((r) => setTimeout(r, 2500));
    const later = await bramShare();
    assert.ok(later > first + 0.05, `Bram's share moves while he speaks (${first} → ${later})`);
    assert.match(await page.locator('.index').innerText(), /^0,\d\d$/, 'the balance index is written the Dutch way');
    await accessible(page, 'console with cues');
    await assertLayout(page, 'the console with its cues', CONSOLE);
    await screenshot(page, 'console-cues');

    // 8. A whisper from the assistant shows on the moderator's console and nowhere else.
    await assistant.getByRole('tab', { name: 'Gesprek', exact: true }).click();
    await assistant.getByRole('button', { name: 'Fluisteren naar gespreksleider' }).click();
    await assistant.getByRole('button', { name: 'Iemand wil iets zeggen' }).click();
    const whisper = page.getByRole('alert').filter({ hasText: 'Assistent fluistert: Iemand wil iets zeggen' });
    await whisper.waitFor();
    await accessible(page, 'console with a whisper');
    await assertLayout(page, 'the console with a whisper', CONSOLE);
    await screenshot(page, 'console-whisper');
    await page.getByRole('button', { name: 'Gezien' }).click();
    await whisper.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('tab', { name: 'Gesprek', exact: true }).click();
    await page.locator('div.ring').waitFor();
    assert.equal(await page.getByText('Assistent fluistert').count(), 0, 'a whisper seen stays seen');
    assert.ok(!(await listener.locator('body').innerText()).includes('Iemand wil iets zeggen'));
    assert.ok(!(await projector.locator('body').innerText()).includes('Iemand wil iets zeggen'));

    // 9. A pause shows in the console's centre, on phones and on the projector.
    await page.getByRole('button', { name: 'Pauze', exact: true }).click();
    await page.locator('.now.paused').filter({ hasText: /Pauze · 0:0\d/ }).waitFor();
    await listener.getByText('Even pauze').waitFor();
    await projector.locator('.paused').filter({ hasText: 'Pauze' }).waitFor();
    await screenshot(projector, 'display-paused');
    await page.getByRole('button', { name: /^Chantal\b/ }).click();
    await listener.getByText('Even pauze').waitFor({ state: 'detached' });

    // 2. The short theme runs over its minute: the clock turns red on the console and the projector;
    // a turn over its soft limit colours the running turn.
    await api('PUT', `/api/meetings/${meetingId}`, key, { title: 'Spiegelgesprek wonen', plannedMinutes: 75, turnLimitSeconds: 30,
      place: 'Wijkcentrum De Brug, zaal 2' });
    await page.locator('.theme-clock.near, .theme-clock.over').waitFor({ timeout: 60_000 });
    await page.locator('.seat.speaking.over-turn', { hasText: 'Chantal' }).waitFor({ timeout: 40_000 });
    await page.locator('.theme-clock.over').waitFor({ timeout: 40_000 });
    await projector.locator('.theme .clock.over').waitFor();
    assert.ok(await page.locator('.theme-clock').innerText().then((t) => t.includes('/ 1:00')));
    await screenshot(page, 'console-over-time');

    // 9. The console fits a landscape tablet without scrolling the page.
    await page.getByRole('tab', { name: 'Leidraad' }).click();
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    assert.ok(height <= 820, `the console page is ${height} px tall in an 820 px screen`);

    // The guide's "next" is the first theme not yet discussed.
    await page.getByText('Hierna: Wachten').waitFor();

    // 9. On a phone the notes lead during the conversation; the question form comes first in the clarifying phase.
    const above = async (a, b) => (await listener.locator(a).boundingBox()).y < (await listener.locator(b).boundingBox()).y;
    assert.ok(await above('#h-timeline', '#h-ask'), 'during the conversation the notes come before the question form');
    await screenshot(listener, 'listener-phone-conversation');
  } finally {
    await chrome.close();
  }
});

test('the clarifying phase moves on in one tap, and merges and rejections can be taken back', async () => {
  const created = await api('POST', '/api/meetings', null, { title: 'Spiegelgesprek vragen' });
  const id = created.id;
  const key = created.access.moderatorKey;
  for (const [i, name] of ['Anouk', 'Bram'].entries()) await api('POST', `/api/meetings/${id}/participants`, key, { pseudonym: name, seat: i + 1 });
  const chrome = await browser();
  try {
    const page = await (await chrome.newContext(TABLET)).newPage();
    page.on('pageerror', (e) => assert.fail(`page error: ${e.message}`));
    await page.goto(BASE + created.access.links.moderator);
    await page.getByRole('tab', { name: 'Voorbereiden' }).waitFor();
    const joined = await api('POST', '/api/join', null, { code: created.access.joinCode, displayName: 'Sanne' });
    const long = `Kunt u iets meer vertellen over ${'de wachtlijst en hoe die werkt, '.repeat(12)}?`;
    await drive(page, id, key, [{ type: 'ChangePhase', to: 'LOBBY' }, { type: 'ChangePhase', to: 'OPENING' },
      { type: 'ChangePhase', to: 'CONVERSATION' }]);
    await drive(page, id, joined.key, ['Wat bedoelde u met de lijst?', 'Hoe lang wachtte u?', 'Wat bedoelde u met die lijst?',
      long, 'Waarom stopte u?'].map((text) => ({ type: 'SubmitQuestion', text })));

    // During the conversation the questions' tab says how many wait; the clarifying phase opens the questions.
    await page.getByRole('tab', { name: 'Gesprek', exact: true }).click();
    await page.getByRole('tab', { name: /^Vragen/ }).filter({ hasText: /Vragen\s+5/ }).waitFor();
    await page.getByRole('button', { name: 'Naar: Vragen van toehoorders' }).click();
    await page.getByRole('tab', { name: /Vragen/, selected: true }).waitFor();

    const screening = page.locator('ul.screen li');
    for (const text of ['Wat bedoelde u met de lijst?', 'Hoe lang wachtte u?', long]) {
      await screening.filter({ hasText: text.slice(0, 30) }).first().getByRole('button', { name: 'Toelaten' }).click();
      await page.locator('ol.queue li', { hasText: text.slice(0, 30) }).waitFor();
    }
    // A long question shows three lines until opened.
    const longCard = page.locator('ol.queue li', { hasText: long.slice(0, 30) });
    assert.ok((await longCard.locator('.text').boundingBox()).height < 60, 'a long question is compact');
    await longCard.getByRole('button', { name: 'Meer', exact: true }).click();
    assert.ok((await longCard.locator('.text').boundingBox()).height > 60, 'and opens to its full length');

    // Merge: "+1" on the kept question, undone within seconds.
    await merge(page, 'Wat bedoelde u met die lijst?', 'Wat bedoelde u met de lijst?');
    await page.locator('ol.queue li', { hasText: 'Wat bedoelde u met de lijst?' }).locator('.merged').filter({ hasText: '+1' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Samengevoegd' }).getByRole('button', { name: 'Ongedaan maken' }).click();
    await screening.filter({ hasText: 'Wat bedoelde u met die lijst?' }).waitFor();
    await until('the merge was taken back', async () => (await serverView(id, key)).questions
      .find((q) => q.text === 'Wat bedoelde u met die lijst?').status === 'WAITING');
    await reject(page, 'Waarom stopte u?', 'Nieuw onderwerp');
    await page.getByRole('status').filter({ hasText: 'Afgewezen' }).getByRole('button', { name: 'Ongedaan maken' }).waitFor();
    await accessible(page, 'clarifying mode');
    await screenshot(page, 'questions-mode');

    // "Next question": each tap answers the one asked and asks the next.
    const status = async () => Object.fromEntries((await serverView(id, key)).questions.map((q) => [q.text, q.status]));
    await page.getByRole('button', { name: 'Volgende vraag' }).click();
    await until('the first is asked', async () => (await status())['Wat bedoelde u met de lijst?'] === 'ASKING');
    await page.locator('.head .asked', { hasText: 'Wat bedoelde u met de lijst?' }).waitFor();
    await page.getByRole('button', { name: 'Volgende vraag' }).click();
    await until('one tap later the second is asked', async () => {
      const s = await status();
      return s['Wat bedoelde u met de lijst?'] === 'ANSWERED' && s['Hoe lang wachtte u?'] === 'ASKING';
    });
    // Answered questions fold away.
    await page.locator('details.answered summary').filter({ hasText: '(1)' }).waitFor();

    // On the phone, the question being asked comes first now, and the form before the notes.
    const phone = await (await chrome.newContext(PHONE)).newPage();
    await phone.goto(`${BASE}/listen/${id}#key=${joined.key}`);
    await phone.locator('#h-ask').waitFor();
    const y = async (selector) => (await phone.locator(selector).boundingBox()).y;
    assert.ok(await y('#h-asking') < await y('#h-now'), 'the question being asked is on top');
    assert.ok(await y('#h-ask') < await y('#h-timeline'), 'in the clarifying phase the question form comes before the notes');
    await accessible(phone, 'listener in the clarifying phase');
    await screenshot(phone, 'listener-phone-clarifying');

    // Forgetting this device removes its keys and links.
    await page.getByRole('button', { name: 'Links', exact: true }).click();
    await page.getByRole('dialog', { name: 'Links' }).getByRole('button', { name: 'Dit apparaat vergeten' }).click();
    await page.getByRole('dialog', { name: /Alle sleutels en links/ }).getByRole('button', { name: 'Dit apparaat vergeten' }).click();
    await page.waitForURL(`${BASE}/`);
    const left = await page.evaluate((meeting) => Object.keys(localStorage).filter((k) => k.includes(meeting)), id);
    assert.deepEqual(left, [], 'nothing of the meeting is left in this browser');
  } finally {
    await chrome.close();
  }
});
