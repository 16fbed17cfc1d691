// Before the meeting and on the day (issue 28): the track planner per meeting and per series, recruiting
// without contact data with its cross-section, who is here in the lobby and a late arrival, the
// information for participants, survey scores, and a rehearsal marked as practice. Each screen is
// checked for its layout at the sizes it is used at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { accessible, api, BASE, browser, drive, meeting, newPage, screenshot, serverView, SHOTS, until } from './support.mjs';
import { assertLayout, CONSOLE, holdsStill } from './layout.mjs';

const LANDSCAPE = { width: 1180, height: 820 };
const PORTRAIT = { width: 820, height: 1180 };
const TABLETS = [LANDSCAPE, PORTRAIT];
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 768 };
const ALL = [...TABLETS, PHONE, LAPTOP];
const size = ({ width, height }) => `${width}x${height}`;
const day = (days) => new Date(Date.now() + days * 86_400_000).toISOString();

/**
 * Checks a screen's layout at each size it is used at and keeps a screenshot of each: of the part
 * shown (all of it, scrolled to) or else of the window.
 */
async function atSizes(page, what, name, viewports, { part = null, layout } = {}) {
  for (const viewport of viewports) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(150);
    if (part) await part.scrollIntoViewIfNeeded();
    await assertLayout(page, `${what}, ${size(viewport)}`, layout);
    if (part) await part.screenshot({ path: `${SHOTS}/${name}-${size(viewport)}.png` });
    else await screenshot(page, `${name}-${size(viewport)}`);
  }
  await page.setViewportSize(viewports[0]);
}

async function get(path, key) {
  const response = await fetch(BASE + path, { headers: { Authorization: `Bearer ${key}` } });
  assert.equal(response.status, 200, `GET ${path}`);
  return response.json();
}
/** What the metrics count of people's doings: commands handled, commands acknowledged, listeners joined. */
async function counted() {
  const text = await (await fetch(`${BASE}/q/metrics`)).text();
  const sum = (prefix) => text.split('\n').filter((l) => l.startsWith(prefix)).reduce((n, l) => n + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
  return { commands: sum('spiegel_commands_seconds_count'), acks: sum('spiegel_live_ack_seconds_count'), joins: sum('spiegel_joins_total') };
}
const step = async (meetingId, key, milestone) => (await get(`/api/meetings/${meetingId}/track`, key)).steps.find((s) => s.milestone === milestone);

/** A series with meetings (title, days from now or null), made over the API; the organiser's key. */
async function series(name, meetings) {
  const made = await api('POST', '/api/series', null, { name });
  const ids = [];
  for (const [title, inDays] of meetings) {
    const m = await api('POST', '/api/meetings', null, { title, targetGroup: 'ouders', scheduledStart: inDays === null ? undefined : day(inDays) });
    await api('POST', `/api/series/${made.id}/meetings`, made.organiserKey, { meetingKey: m.access.moderatorKey });
    ids.push({ id: m.id, key: m.access.moderatorKey, links: m.access.links });
  }
  return { id: made.id, key: made.organiserKey, meetings: ids };
}

test('the track planner: a date set, a step done, overdue marked, per meeting and across the series', async () => {
  const chrome = await browser();
  try {
    // In 20 days: goal, guide and recruiting (70, 49 and 42 days before) are overdue; informing (14 before) is soon.
    const s = await series('Klantgesprekken 2027', [['Spiegelgesprek ouders', 20], ['Spiegelgesprek jongeren', 75], ['Spiegelgesprek professionals', null]]);
    const [first] = s.meetings;
    const page = await newPage(chrome, { viewport: LANDSCAPE, hasTouch: true });
    await page.goto(BASE + first.links.moderator);
    const planner = page.locator('section.track');
    await planner.getByText('! 3 te laat').waitFor();
    const row = (name) => planner.locator('li.step', { hasText: name });
    assert.equal(await planner.locator('li.step.s-overdue').count(), 3, 'three steps overdue, in red');
    assert.match(await row('Doel en doelgroep vastgesteld').locator('.chip').innerText(), /Te laat/, 'overdue in words, not colour only');
    assert.match(await row('Deelnemers geïnformeerd').locator('.chip').innerText(), /Binnenkort/);
    await planner.getByText(/^Vandaag/).waitFor();

    // A date of its own: no longer proposed, no longer overdue; back to the proposal: overdue again.
    const later = day(10).slice(0, 10);
    await planner.getByLabel('Datum: Doel en doelgroep vastgesteld').fill(later);
    await until('the goal has a date of its own', async () => {
      const goal = await step(first.id, first.key, 'GOAL_SET');
      return goal.due === later && !goal.proposed && goal.status !== 'OVERDUE';
    });
    await planner.getByText('! 2 te laat').waitFor();
    // The owner changes, the proposed date stays proposed.
    await planner.getByLabel('Wie: Werving deelnemers begonnen').selectOption('MODERATOR');
    await until('recruiting is the moderator\'s', async () => {
      const recruiting = await step(first.id, first.key, 'RECRUITING_STARTED');
      return recruiting.owner === 'MODERATOR' && recruiting.proposed;
    });
    // Done in one tap.
    await planner.getByLabel('Klaar: Gespreksleidraad klaar').check();
    await until('the guide is done', async () => (await step(first.id, first.key, 'GUIDE_READY')).status === 'DONE');
    await row('Gespreksleidraad klaar').locator('.chip', { hasText: 'Klaar' }).waitFor();
    await planner.getByText('! 1 te laat').waitFor();
    await atSizes(page, 'the moderator\'s planner', 'track', TABLETS, { part: planner });
    await planner.getByRole('button', { name: 'Terug naar de voorgestelde datum: Doel en doelgroep vastgesteld' }).click();
    await until('the goal is proposed again', async () => (await step(first.id, first.key, 'GOAL_SET')).proposed);
    await planner.getByText('! 2 te laat').waitFor();
    // The calendar file.
    const [download] = await Promise.all([page.waitForEvent('download'), planner.getByRole('button', { name: 'In de agenda (.ics)' }).click()]);
    const ics = await readFile(await download.path(), 'utf8');
    assert.match(ics, /^BEGIN:VCALENDAR/);
    assert.equal(ics.match(/BEGIN:VEVENT/g).length, 10, 'a calendar event per milestone');

    // The organiser: every meeting's track side by side, overdue marked, the series' calendar.
    const organiser = await newPage(chrome, { viewport: LAPTOP });
    await organiser.goto(`${BASE}/series/${s.id}#key=${s.key}`);
    const table = organiser.locator('section.series-track table');
    await table.waitFor();
    assert.equal(await table.locator('thead th').count(), 3, 'a column per meeting');
    assert.equal(await table.locator('tbody tr').count(), 10, 'a row per milestone');
    assert.equal(await table.locator('td.s-overdue').count(), 2, 'the overdue steps are marked');
    await table.locator('thead th', { hasText: 'Spiegelgesprek ouders' }).getByText('! 2 te laat').waitFor();
    assert.match(await table.locator('td.s-overdue').first().innerText(), /Te laat/);
    await accessible(organiser, 'the series with its planning');
    await atSizes(organiser, 'the series\' planning', 'series-track', [LAPTOP, ...TABLETS, PHONE], { part: organiser.locator('section.series-track') });
    const [all] = await Promise.all([organiser.waitForEvent('download'),
      organiser.getByRole('button', { name: 'Alles in de agenda (.ics)' }).click()]);
    assert.equal((await readFile(await all.path(), 'utf8')).match(/BEGIN:VEVENT/g).length, 20, 'the dated meetings\' milestones');
    // A meeting's own planner, with the organiser's key.
    await table.getByRole('link', { name: 'Spiegelgesprek jongeren' }).click();
    await organiser.getByRole('tab', { name: 'Planning', selected: true }).waitFor();
    await organiser.getByLabel('Klaar: Bedankbrief verstuurd').check();
    await until('the letter is marked sent', async () => (await step(s.meetings[1].id, s.key, 'LETTER_SENT')).status === 'DONE');
    await atSizes(organiser, 'the organiser\'s planner', 'organiser-track', [LAPTOP, ...TABLETS, PHONE]);
  } finally {
    await chrome.close();
  }
});

test('recruiting by name: contact data refused beside the field, the mix warning, cancelling in one tap', async () => {
  const chrome = await browser();
  try {
    const s = await series('Reeks werving', [['Spiegelgesprek wonen', 30]]);
    const [m] = s.meetings;
    const page = await newPage(chrome, { viewport: LANDSCAPE, hasTouch: true });
    await page.goto(`${BASE}/series/${s.id}#key=${s.key}`);
    await page.getByRole('link', { name: 'Planning en werving' }).click();
    await page.getByRole('tab', { name: 'Werving', selected: true }).waitFor();
    const section = page.locator('section.recruitment');
    await section.getByText('0 bevestigd / 8–12 nodig').waitFor();
    await section.getByText('Nog maar 0 bevestigd. Er zijn er minstens 8 nodig.').waitFor();

    // Names one after another, with Enter; confirmed ones as such.
    const name = page.getByLabel('Naam (voornaam of schuilnaam)');
    await page.getByLabel('Als', { exact: true }).selectOption('CONFIRMED');
    for (const pseudonym of ['Anouk', 'Bram', 'Chantal', 'Dirk']) {
      await name.fill(pseudonym);
      await name.press('Enter');
      await section.locator('ul.places li', { hasText: pseudonym }).waitFor();
      assert.equal(await name.inputValue(), '', 'the field is empty for the next name');
    }
    await section.getByText('4 bevestigd / 8–12 nodig').waitFor();

    // Contact data is refused beside the field, in plain words, and nothing is stored.
    for (const contact of ['06-12345678', 'jan@voorbeeld.nl']) {
      await name.fill(contact);
      await name.press('Enter');
      const why = page.locator('#rec-name-why');
      await why.waitFor();
      assert.equal(await why.innerText(), 'Vul geen e-mailadres of telefoonnummer in. Spiegel bewaart geen contactgegevens van deelnemers.');
      assert.equal(await name.getAttribute('aria-invalid'), 'true');
      assert.equal(await name.inputValue(), contact, 'what was typed stays, to be corrected');
    }
    assert.equal((await get(`/api/meetings/${m.id}/recruitment`, s.key)).places.length, 4, 'nothing stored');
    await assertLayout(page, 'recruiting with a refusal');
    await section.locator('form.add').screenshot({ path: `${SHOTS}/recruitment-refused-1180x820.png` });
    await name.fill('');

    // The cross-section: it says at once whether it adds up to 100.
    await section.getByRole('button', { name: 'Afspiegeling instellen' }).click();
    const editor = section.locator('form.editor');
    await editor.getByLabel('Kenmerk', { exact: true }).fill('Leeftijd');
    await editor.getByLabel('Groep 1').fill('jonger dan 40');
    await editor.getByLabel('Groep 2').fill('40 of ouder');
    await editor.getByLabel('Gewenst (%) 1').fill('60');
    await editor.getByLabel('Gewenst (%) 2').fill('30');
    await editor.getByText('Samen 90%: nog 10% te verdelen').waitFor();
    assert.equal(await editor.getByRole('button', { name: 'Opslaan' }).isDisabled(), true, 'not saved until it adds up');
    await assertLayout(page, 'the cross-section editor');
    await section.screenshot({ path: `${SHOTS}/cross-section-editor-1180x820.png` });
    await editor.getByLabel('Gewenst (%) 2').fill('40');
    await editor.getByRole('status').filter({ hasText: 'Samen 100%' }).waitFor();
    await editor.getByRole('button', { name: 'Opslaan' }).click();
    await section.getByRole('button', { name: 'Afspiegeling wijzigen' }).waitFor();

    // Everyone over 40: the mix is off, and the screen says so.
    for (const pseudonym of ['Anouk', 'Bram', 'Chantal', 'Dirk']) await page.getByLabel(`Leeftijd: ${pseudonym}`).selectOption('40 of ouder');
    const warnings = section.locator('.warnings');
    await warnings.getByText('De groep is nog geen goede afspiegeling:').waitFor();
    await warnings.getByText('Leeftijd “jonger dan 40”: 0% van de bevestigden, gewenst 60%').waitFor();
    await section.locator('.cross li.off', { hasText: '40 of ouder' }).getByText('te veel').waitFor();

    // Cancelling is one tap and asks nothing; another status takes it back, on the same seat.
    const seat = (await get(`/api/meetings/${m.id}/recruitment`, s.key)).places.find((p) => p.pseudonym === 'Bram').seat;
    await page.getByRole('button', { name: 'Afgemeld: Bram' }).click();
    await page.getByRole('button', { name: 'Afgemeld: Bram', pressed: true }).waitFor();
    assert.equal(await page.getByRole('dialog').count(), 0, 'no question asked');
    await section.getByText('3 bevestigd / 8–12 nodig').waitFor();
    await page.getByRole('button', { name: 'Bevestigd: Bram' }).click();
    await section.getByText('4 bevestigd / 8–12 nodig').waitFor();
    const bram = (await get(`/api/meetings/${m.id}/recruitment`, s.key)).places.find((p) => p.pseudonym === 'Bram');
    assert.deepEqual([bram.status, bram.seat], ['CONFIRMED', seat]);
    await page.getByLabel('Attentie: Anouk').check();
    await section.getByText('Attentie gegeven: 1').waitFor();

    // Invited, then confirmed, then informed: a tap each.
    await page.getByLabel('Als', { exact: true }).selectOption('INVITED');
    await name.fill('Esra');
    await name.press('Enter');
    await page.getByRole('button', { name: 'Uitgenodigd: Esra', pressed: true }).waitFor();
    await page.getByRole('button', { name: 'Bevestigd: Esra' }).click();
    await section.getByText('5 bevestigd / 8–12 nodig').waitFor();
    await page.getByRole('button', { name: 'Geïnformeerd: Esra' }).click();
    await page.getByRole('button', { name: 'Geïnformeerd: Esra', pressed: true }).waitFor();
    await until('Esra is informed', async () => (await get(`/api/meetings/${m.id}/recruitment`, s.key)).places
      .find((p) => p.pseudonym === 'Esra').status === 'INFORMED');
    await section.getByText('5 bevestigd / 8–12 nodig').waitFor();

    await atSizes(page, 'recruiting', 'recruitment', ALL, { part: section });
    await accessible(page, 'recruiting');

    // The organiser's other tabs for this meeting: the information for participants and the survey scores.
    await page.getByRole('tab', { name: 'Informatie' }).click();
    await page.locator('section.briefing').getByLabel('Waarom bent u uitgenodigd?').waitFor();
    await atSizes(page, 'the organiser\'s information for participants', 'organiser-briefing', [LAPTOP, LANDSCAPE]);
    await accessible(page, 'the organiser\'s information for participants');
    await page.getByRole('tab', { name: 'Cijfers' }).click();
    await page.locator('section.survey').getByText('Nog geen cijfers.').waitFor();
    await atSizes(page, 'the organiser\'s survey scores', 'organiser-survey', [LAPTOP, LANDSCAPE]);
    await accessible(page, 'the organiser\'s survey scores');

    // The moderator recruits over the live connection: a refusal shows beside the field there too.
    const moderator = await newPage(chrome, { viewport: LANDSCAPE, hasTouch: true });
    await moderator.goto(BASE + m.links.moderator);
    await moderator.locator('ul.places li', { hasText: 'Dirk' }).waitFor();
    await moderator.getByLabel('Naam (voornaam of schuilnaam)').fill('+31 6 1234 5678');
    await moderator.getByLabel('Naam (voornaam of schuilnaam)').press('Enter');
    await moderator.locator('#rec-name-why').waitFor();
    assert.equal(await moderator.locator('.toast.problem').count(), 0, 'not also as the general problem');
  } finally {
    await chrome.close();
  }
});

test('who is here on a tablet: a no-show leaves the ring, a late arrival comes in and counts from then', async () => {
  const chrome = await browser();
  try {
    const page = await newPage(chrome, { viewport: LANDSCAPE, hasTouch: true });
    await page.goto(BASE + '/');
    const m = await meeting({ title: 'Spiegelgesprek wijkzorg', seats: 10 });
    await page.goto(BASE + m.access.links.moderator);
    await page.getByRole('tab', { name: 'Gesprek', exact: true }).click();
    await page.getByRole('button', { name: 'Naar: Inloop' }).click();
    // The lobby turns the side panel to who is here.
    await page.getByRole('tab', { name: 'Aanwezig', selected: true }).waitFor();
    await page.getByText('0 aanwezig · 0 niet gekomen · 10 nog niet gemeld').waitFor();
    await atSizes(page, 'who is here', 'attendance-lobby', TABLETS, { layout: CONSOLE });
    await page.waitForTimeout(150);
    assert.equal(await page.locator('.ring .seat').count(), 10);

    // Marking moves nothing under the finger.
    const rows = ['.people li:nth-child(1)', '.people li:nth-child(2) .no', '.people li:nth-child(5) .yes', '.people li:nth-child(10)',
      '.attendance .go .primary'];
    await holdsStill(page, rows, async () => {
      await page.getByRole('button', { name: 'Niet gekomen: Bram' }).click();
      await page.getByRole('button', { name: 'Niet gekomen: Bram', pressed: true }).waitFor();
      await page.getByRole('button', { name: 'Aanwezig: Anouk' }).click();
      await page.getByRole('button', { name: 'Aanwezig: Anouk', pressed: true }).waitFor();
    });
    // The no-show has left the ring.
    await until('nine seats', async () => (await page.locator('.ring .seat').count()) === 9);
    assert.equal(await page.locator('.ring .seat', { hasText: 'Bram' }).count(), 0);
    await page.getByText('1 aanwezig · 1 niet gekomen · 8 nog niet gemeld').waitFor();
    await screenshot(page, 'attendance-marked-1180x820');
    await page.getByRole('button', { name: 'Alle overigen aanwezig' }).click();
    await page.getByText('9 aanwezig · 1 niet gekomen · 0 nog niet gemeld').waitFor();
    await accessible(page, 'who is here');
    await page.getByRole('button', { name: 'Begin met de opening' }).click();
    await until('the meeting opened', async () => (await serverView(m.id, m.key)).phase === 'OPENING');
    assert.equal(await page.locator('.ring .seat').count(), 9, 'the ring has one seat fewer');
    const opened = await serverView(m.id, m.key);
    assert.equal(opened.participants.length, 9);
    await drive(page, m.id, m.key, [{ type: 'ChangePhase', to: 'CONVERSATION' }, { type: 'GiveFloor', participantId: m.participants[0] }]);

    // Someone comes in late: the no-show tapped present, and a new name.
    await page.getByRole('button', { name: 'Laatkomer' }).click();
    const sheet = page.getByRole('dialog', { name: 'Wie is er?' });
    await sheet.getByRole('button', { name: 'Aanwezig: Bram' }).waitFor();
    await atSizes(page, 'a late arrival', 'attendance-late', TABLETS, { layout: CONSOLE });
    await accessible(page, 'a late arrival');
    await sheet.getByRole('button', { name: 'Aanwezig: Bram' }).click();
    await sheet.getByLabel('Nieuwe deelnemer').fill('Lotte');
    await sheet.getByLabel('Nieuwe deelnemer').press('Enter');
    await sheet.getByRole('button', { name: 'Aanwezig: Lotte', pressed: true }).waitFor();
    await sheet.getByRole('button', { name: 'Klaar' }).click();
    await until('eleven seats', async () => (await page.locator('.ring .seat').count()) === 11);
    const late = await serverView(m.id, m.key);
    for (const pseudonym of ['Bram', 'Lotte']) {
      const p = late.participants.find((x) => x.pseudonym === pseudonym);
      assert.ok(p && p.status === 'PRESENT' && p.arrivedAt && Date.parse(p.arrivedAt) > Date.parse(late.openedAt),
        `${pseudonym} counts from arriving: ${JSON.stringify(p)}`);
      assert.ok(p.fairShare < late.participants.find((x) => x.pseudonym === 'Anouk').fairShare, `${pseudonym}'s fair share is smaller`);
    }
    await atSizes(page, 'the console after a late arrival', 'attendance-after', TABLETS, { layout: CONSOLE });
  } finally {
    await chrome.close();
  }
});

test('the information for participants, survey scores, and a rehearsal marked as practice', async () => {
  const chrome = await browser();
  try {
    const page = await newPage(chrome, { viewport: LANDSCAPE, hasTouch: true });
    await page.goto(BASE + '/');
    const m = await meeting({ title: 'Spiegelgesprek thuiszorg', seats: 8 });
    await api('PUT', `/api/meetings/${m.id}`, m.key, { title: 'Spiegelgesprek thuiszorg', plannedMinutes: 75, organisation: 'Thuiszorg Oost',
      place: 'Buurthuis De Linde', scheduledStart: day(21) });
    const inSeries = await api('POST', '/api/series', null, { name: 'Reeks thuiszorg' });
    await api('POST', `/api/series/${inSeries.id}/meetings`, inSeries.organiserKey, { meetingKey: m.key });
    await page.goto(BASE + m.access.links.moderator);

    // The information: Spiegel's words, one part rewritten and kept, then back.
    const briefing = page.locator('section.briefing');
    const why = briefing.getByLabel('Waarom bent u uitgenodigd?');
    const whyPart = briefing.locator('form').filter({ has: page.getByLabel('Waarom bent u uitgenodigd?') });
    await why.waitFor();
    assert.match(await briefing.getByLabel('Wat is een spiegelgesprek?').inputValue(), /Thuiszorg Oost/);
    await why.fill('U krijgt zorg van ons, en uw ervaring telt.');
    await whyPart.getByRole('button', { name: 'Opslaan' }).click();
    await whyPart.getByText('Uw eigen tekst').waitFor();
    const saved = await get(`/api/meetings/${m.id}/briefing`, m.key);
    assert.equal(saved.parts.find((p) => p.part === 'WHY_YOU').edited, 'U krijgt zorg van ons, en uw ervaring telt.');
    const [printed] = await Promise.all([page.context().waitForEvent('page'), briefing.getByRole('button', { name: 'Afdrukken' }).click()]);
    await printed.getByText('U krijgt zorg van ons, en uw ervaring telt.').waitFor();
    await printed.close();
    await briefing.getByRole('button', { name: 'English' }).click();
    await briefing.getByLabel('What is a mirror meeting?').waitFor();
    await briefing.getByRole('button', { name: 'Nederlands' }).click();
    await whyPart.getByRole('button', { name: 'Terug naar de tekst van Spiegel' }).click();
    await until('back to Spiegel\'s text', async () => (await get(`/api/meetings/${m.id}/briefing`, m.key)).parts
      .find((p) => p.part === 'WHY_YOU').edited === null);

    // Survey scores: a bad file names its rows and changes nothing; a good one shows beside the themes.
    const survey = page.locator('section.survey');
    await survey.getByLabel('Of plak de regels hier').fill('thema;cijfer;respondenten\nToegang;7,4;312\nContact;zes;40\nWachten;6;10');
    await survey.getByRole('button', { name: 'Inlezen' }).click();
    const bad = survey.getByRole('alert');
    await bad.getByText('Rij 3, kolom 2: \'zes\' is geen getal.').waitFor();
    await bad.getByText('Rij 4: thema \'Wachten\' staat niet in de gespreksleidraad.').waitFor();
    assert.deepEqual(await get(`/api/meetings/${m.id}/survey`, m.key), [], 'nothing taken from a bad file');
    await assertLayout(page, 'preparation with a bad survey file');
    await survey.locator('input[type=file]').setInputFiles({ name: 'onderzoek.csv', mimeType: 'text/csv',
      buffer: Buffer.from('Toegang;7,4;312\r\nContact;6,1;40\r\n') });
    await survey.getByText('2 thema’s ingelezen.').waitFor();
    await page.locator('ol.guide li', { hasText: 'Toegang' }).getByText('Cijfer uit onderzoek: 7,4 (312 respondenten)').waitFor();
    await atSizes(page, 'the information for participants', 'briefing', ALL, { part: briefing });
    await atSizes(page, 'survey scores', 'survey', ALL, { part: survey });
    await accessible(page, 'preparation with briefing and survey');

    // A rehearsal: its own meeting, marked as practice on the moderator's, the listener's and the room's screens.
    const countedBefore = await counted();
    await page.getByRole('button', { name: 'Oefengesprek maken' }).click();
    const [practice] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('link', { name: 'Oefengesprek openen' }).click()]);
    await practice.setViewportSize(LANDSCAPE);
    await practice.locator('.practice', { hasText: 'Oefening' }).waitFor();
    const practiceId = practice.url().match(/moderate\/([0-9a-f-]{36})/)[1];
    assert.notEqual(practiceId, m.id);
    const practiceKey = await practice.evaluate((id) => localStorage.getItem(`spiegel.moderate.${id}`), practiceId);
    await practice.getByRole('tab', { name: 'Gesprek', exact: true }).click();
    await practice.getByRole('button', { name: 'Naar: Inloop' }).click();
    await practice.getByRole('tab', { name: 'Aanwezig', selected: true }).waitFor();
    await until('simulated listeners came in', async () => (await serverView(practiceId, practiceKey)).listeners >= 30);
    await atSizes(practice, 'the practice console', 'practice-console', TABLETS, { layout: CONSOLE });
    const display = await newPage(chrome, { viewport: { width: 1920, height: 1080 } });
    await display.goto(BASE + await page.getByRole('link', { name: 'Scherm in de zaal (oefening)' }).getAttribute('href'));
    await display.locator('.practice', { hasText: 'Oefening' }).waitFor();
    await atSizes(display, 'the practice projector', 'practice-display', [{ width: 1920, height: 1080 }, { width: 1280, height: 720 }], { layout: { fit: true } });
    const code = (await get(`/api/meetings/${practiceId}/access`, practiceKey)).joinCode;
    const listener = await api('POST', '/api/join', null, { code, displayName: 'Oefenaar' });
    const phone = await newPage(chrome, { viewport: PHONE, isMobile: true, hasTouch: true });
    await phone.goto(`${BASE}/listen/${practiceId}#key=${listener.key}`);
    await phone.locator('.practice', { hasText: 'Oefening' }).waitFor();
    await atSizes(phone, 'the practice on a listener\'s phone', 'practice-listener', [PHONE, LAPTOP]);
    // Run to its end: it leaves nothing behind, and the real meeting was never touched.
    await drive(practice, practiceId, practiceKey, ['OPENING', 'CONVERSATION', 'CLARIFYING', 'CLOSING', 'ENDED']
      .map((to) => ({ type: 'ChangePhase', to })));
    await until('the practice is erased', async () => (await fetch(`${BASE}/api/meetings/${practiceId}/view`,
      { headers: { Authorization: `Bearer ${practiceKey}` } })).status !== 200, 15_000);
    const real = await serverView(m.id, m.key);
    assert.equal(real.phase, 'PREPARATION');
    assert.equal(real.listeners, 0);
    assert.deepEqual(await counted(), countedBefore, 'no command, acknowledgement or join of the practice in /q/metrics');
    const overview = await get(`/api/series/${inSeries.id}`, inSeries.organiserKey);
    assert.deepEqual(overview.meetings.map((x) => x.id), [m.id], 'the series holds only the real meeting');
    assert.deepEqual((await get(`/api/series/${inSeries.id}/track`, inSeries.organiserKey)).meetings.map((x) => x.meetingId), [m.id]);
  } finally {
    await chrome.close();
  }
});
