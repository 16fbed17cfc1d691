// The after-track: the participants' page "what was done with your input" on a phone and a laptop
// (live, printable, nameless, gone once revoked, kept after erasure), and the series' register of
// service norms (a norm made from a published point, adopted, evaluated in a second meeting, its
// verdict shown with its source, carried into another series).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accessible, api, BASE, browser, drive, meeting, NAMES, newPage, screenshot, serverView, until } from './support.mjs';
import { assertLayout, CONSOLE } from './layout.mjs';

const PHONE = { width: 390, height: 844 };
const SMALL_PHONE = { width: 360, height: 740 };
const LAPTOP = { width: 1366, height: 768 };
const LANDSCAPE = { width: 1180, height: 820 };
const PORTRAIT = { width: 820, height: 1180 };
const size = ({ width, height }) => `${width}x${height}`;

/**
 * A meeting held and ended, with notes (each [tag, text, shared, left out of the report]), a
 * question admitted but not asked, and a finalised report; in a series when one is given.
 */
async function heldMeeting(page, { title, seats = 6, notes, norms = [], series = null }) {
  const m = await meeting({ title, seats });
  await api('PUT', `/api/meetings/${m.id}`, m.key, { title, targetGroup: 'ouders', plannedMinutes: 75,
    organisation: 'Jeugdzorg Wijkstad' });
  if (series) await api('POST', `/api/series/${series.id}/meetings`, series.organiserKey, { meetingKey: m.key });
  const listener = await api('POST', '/api/join', null, { code: m.access.joinCode, displayName: 'Sanne' });
  await drive(page, m.id, m.key, [{ type: 'ChangePhase', to: 'LOBBY' }, { type: 'ChangePhase', to: 'OPENING' },
    { type: 'ChangePhase', to: 'CONVERSATION' }, { type: 'GiveFloor', participantId: m.participants[0] },
    ...notes.map(([tag, text, shared = true]) => ({ type: 'AddNote', tag, text, shared }))]);
  // A note marked "left out" stays out of the report: private to the organisation.
  const leftOut = (await serverView(m.id, m.key)).notes.filter((n) => notes.some(([, text, , out]) => out && text === n.text)).map((n) => n.id);
  await drive(page, m.id, listener.key, [{ type: 'SubmitQuestion', text: 'Hoe lang wachtte u op de eerste afspraak?' }]);
  const question = (await serverView(m.id, m.key)).questions[0].id;
  await drive(page, m.id, m.key, [{ type: 'ChangePhase', to: 'CLARIFYING' }, { type: 'AcceptQuestion', questionId: question },
    { type: 'ChangePhase', to: 'CLOSING' }, { type: 'ChangePhase', to: 'ENDED' }]);
  const view = await serverView(m.id, m.key);
  await api('PUT', `/api/meetings/${m.id}/report`, m.key, { summary: 'Ouders willen sneller geholpen worden.', serviceNorms: norms,
    excludedNoteIds: leftOut });
  await api('POST', `/api/meetings/${m.id}/report/finalize`, m.key);
  return { ...m, question, notes: view.notes };
}

test('the follow-up page on a phone and a laptop: live, printable, nameless, revoked, archived', async () => {
  const chrome = await browser();
  try {
    const setup = await newPage(chrome);
    await setup.goto(BASE + '/');
    const series = await api('POST', '/api/series', null, { name: 'Opvolging jeugdzorg' });
    const m = await heldMeeting(setup, { title: 'Spiegelgesprek jeugdzorg', series, notes: [
      ['IMPROVEMENT_POINT', 'Anouk wacht al maanden op de intake'], ['STRENGTH', 'De ontvangst is vriendelijk'],
      ['WISH', 'Eén vaste contactpersoon'], ['QUOTE', 'Bram: ik voelde me niet gehoord'], ['IMPROVEMENT_POINT', 'Privé: Chantal belde vaak', false, true],
    ] });
    const point = m.notes.find((n) => n.text.startsWith('Anouk')).id;
    const created = await api('POST', `/api/meetings/${m.id}/actions`, m.key, { noteId: point, title: 'Intake-proces herzien (TK-12)',
      publicTitle: 'U krijgt binnen twee weken een intakegesprek', owner: 'Team Toegang', due: '2027-06-01' });
    const actionId = created.id;
    const wish = m.notes.find((n) => n.text === 'Eén vaste contactpersoon').id;
    const kept = await api('POST', `/api/meetings/${m.id}/actions`, m.key, { noteId: wish, title: 'Vaste contactpersoon per gezin',
      publicTitle: 'Elk gezin krijgt één vaste contactpersoon', owner: 'Teamleider jeugd', due: '2027-03-01' });
    await api('PUT', `/api/meetings/${m.id}/actions/${kept.id}`, m.key, { status: 'DONE' });
    await api('PUT', `/api/meetings/${m.id}/questions/${m.question}/answer`, series.organiserKey,
      { answer: 'Gemiddeld zes weken; dat gaat naar twee.' });
    await drive(setup, m.id, m.key, [{ type: 'SetRetention', days: 30, keepAnonymised: true }]);
    const link = await api('POST', `/api/meetings/${m.id}/followup-link`, m.key);

    // A phone opens the link from the letter; every frame it receives is kept.
    const phone = await newPage(chrome, { viewport: PHONE, isMobile: true, hasTouch: true });
    const frames = [];
    phone.on('websocket', (ws) => ws.on('framereceived', (frame) => frames.push(String(frame.payload))));
    await phone.goto(BASE + link.link);
    await phone.getByRole('heading', { name: 'Wat is er met uw inbreng gedaan?' }).waitFor();
    await phone.getByText('Deze pagina wordt vanzelf bijgewerkt.').waitFor();
    const done = phone.locator('.done li', { hasText: 'U krijgt binnen twee weken een intakegesprek' });
    await done.getByText('Nog niet begonnen').waitFor();
    await done.getByText('Klaar uiterlijk 1 juni 2027').waitFor();
    const text = await phone.locator('main').innerText();
    for (const expected of ['Jeugdzorg Wijkstad', 'We vroegen', 'U zei', 'Wij deden', 'Hoe kwam u bij ons terecht?', 'Wat goed gaat',
      'De ontvangst is vriendelijk', 'Eén vaste contactpersoon', 'een deelnemer wacht al maanden op de intake',
      'Gemiddeld zes weken; dat gaat naar twee.']) {
      assert.ok(text.includes(expected), `the page says "${expected}"`);
    }
    assert.ok(!text.includes('TK-12'), 'the internal wording stays inside');
    assert.ok(!text.includes('ik voelde me niet gehoord') && !text.includes('Privé'), `no quote, no private note: ${text}`);
    for (const viewport of [PHONE, SMALL_PHONE, LAPTOP]) {
      await phone.setViewportSize(viewport);
      await phone.waitForTimeout(100);
      await assertLayout(phone, `the follow-up page, ${size(viewport)}`);
      if (viewport !== SMALL_PHONE) await screenshot(phone, `followup-${size(viewport)}`);
    }
    await phone.setViewportSize(PHONE);
    await accessible(phone, 'the follow-up page');

    // The organiser sets the action's status over REST: the open page shows it within a second.
    const start = Date.now();
    await api('PUT', `/api/meetings/${m.id}/actions/${actionId}`, series.organiserKey, { status: 'IN_PROGRESS' });
    await done.getByText('Mee bezig').waitFor({ timeout: 1000 });
    const took = Date.now() - start;
    assert.ok(took < 1000, `the change showed after ${took} ms`);

    // No participant's name on the page or in any frame it received.
    const shown = await phone.locator('body').innerText();
    const received = frames.join('\n');
    assert.ok(frames.length >= 3, 'the page follows the meeting live');
    for (const name of NAMES.slice(0, 6)) {
      assert.ok(!new RegExp(`\\b${name}\\b`, 'i').test(shown), `the page names no ${name}`);
      assert.ok(!new RegExp(`\\b${name}\\b`, 'i').test(received), `no frame names ${name}`);
    }

    // Printed: the page itself, without the app's buttons.
    await phone.emulateMedia({ media: 'print' });
    assert.equal(await phone.getByRole('button', { name: 'Afdrukken' }).isVisible(), false);
    assert.equal(await phone.locator('header').first().isVisible(), false);
    assert.ok(await phone.getByText('U krijgt binnen twee weken een intakegesprek', { exact: true }).isVisible());
    await phone.emulateMedia({ media: 'screen' });

    // A new link: the open page says, kindly, that its link no longer works (410).
    const renewed = await api('POST', `/api/meetings/${m.id}/followup-link`, series.organiserKey);
    await phone.getByRole('heading', { name: 'Deze link werkt niet meer' }).waitFor();
    assert.equal((await fetch(`${BASE}/api/followup/${link.token}`)).status, 410);
    await assertLayout(phone, 'the follow-up page, revoked');
    await accessible(phone, 'the follow-up page, revoked');
    // An address mistyped.
    await phone.goto(`${BASE}/followup/${link.token.slice(0, -4)}abcd`);
    await phone.getByRole('heading', { name: 'Deze pagina kennen we niet' }).waitFor();

    // Erased, the page shows what the archive kept, without live; revoked, it is gone.
    const erased = await fetch(`${BASE}/api/meetings/${m.id}/erase`, { method: 'POST',
      headers: { Authorization: `Bearer ${m.key}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ title: 'Spiegelgesprek jeugdzorg' }) });
    assert.ok(erased.ok, `erased: ${erased.status}`);
    await phone.goto(BASE + renewed.link);
    await phone.getByText('Het gesprek zelf is gewist. U leest wat er bewaard is.').waitFor();
    await phone.locator('.done .status', { hasText: 'Mee bezig' }).waitFor();
    await assertLayout(phone, 'the follow-up page from the archive');
    // The series still shows the erased meeting's actions, from its archive.
    const organiser = await newPage(chrome, { viewport: LAPTOP });
    await organiser.goto(`${BASE}/series/${series.id}#key=${series.organiserKey}`);
    await organiser.getByText(/^Dit gesprek is gewist/).waitFor();
    await organiser.locator('.meeting .action', { hasText: 'Intake-proces herzien (TK-12)' }).getByText('bezig', { exact: true }).waitFor();
    await assertLayout(organiser, 'the series page with an erased meeting, 1366x768');
    await api('DELETE', `/api/meetings/${m.id}/followup-link`, series.organiserKey);
    await phone.reload();
    await phone.getByRole('heading', { name: 'Deze link werkt niet meer' }).waitFor();
  } finally {
    await chrome.close();
  }
});

test('the register: a norm from a published point, adopted, tested in a second meeting, its verdict with its source', async () => {
  const chrome = await browser();
  try {
    const setup = await newPage(chrome);
    await setup.goto(BASE + '/');
    const series = await api('POST', '/api/series', null, { name: 'Klantgesprekken 2027', description: 'Ouders en jongeren' });
    const other = await api('POST', '/api/series', null, { name: 'Klantgesprekken 2028' });
    const first = await heldMeeting(setup, { title: 'Gesprek met ouders', series, norms: ['Binnen 10 werkdagen een eerste gesprek.'],
      notes: [['IMPROVEMENT_POINT', 'De wachttijd voor een intake is te lang'], ['WISH', 'Eén vaste contactpersoon']] });
    const wait = first.notes.find((n) => n.text.startsWith('De wachttijd')).id;
    await api('POST', `/api/meetings/${first.id}/actions`, first.key, { noteId: wait, title: 'Wachttijd halveren', owner: 'Team Toegang',
      due: '2026-01-31' });

    // The organiser makes a norm of the published point, in words of their own, and adopts it.
    const organiser = await newPage(chrome, { viewport: LAPTOP });
    await organiser.goto(`${BASE}/series/${series.id}#key=${series.organiserKey}`);
    await organiser.getByRole('heading', { name: 'Reeks: Klantgesprekken 2027' }).waitFor();
    await organiser.locator('.meeting .late-badge', { hasText: 'te laat' }).waitFor();
    await organiser.getByRole('button', { name: 'Norm maken: De wachttijd voor een intake is te lang' }).click();
    const wording = organiser.getByLabel('Nieuwe norm');
    assert.equal(await wording.inputValue(), 'De wachttijd voor een intake is te lang');
    await organiser.getByText(/Gemaakt uit: “Gesprek met ouders”, verbeterpunt/).waitFor();
    const text = 'U hoort binnen twee weken wanneer uw intake is.';
    await wording.fill(text);
    await organiser.getByRole('button', { name: 'In het register', exact: true }).click();
    const norm = organiser.locator('.register li.norm', { hasText: text });
    await norm.locator('.meta .status', { hasText: /^voorstel$/ }).waitFor();
    await norm.getByText(/Uit “Gesprek met ouders”, verbeterpunt:/).waitFor();
    await norm.getByRole('button', { name: `Vaststellen: ${text}` }).click();
    await norm.locator('.meta .status', { hasText: /^vastgesteld$/ }).waitFor();
    // The report's concept norm goes in as it was proposed.
    await organiser.getByRole('button', { name: 'In het register: Binnen 10 werkdagen een eerste gesprek.' }).click();
    await organiser.locator('.register li.norm', { hasText: 'Binnen 10 werkdagen' }).getByText(/voorstel in het verslag/).waitFor();
    // A question there was no time for is answered in writing.
    const written = organiser.locator('.meeting .written', { hasText: 'Hoe lang wachtte u op de eerste afspraak?' });
    await written.getByLabel(/Antwoord in het kort/).fill('Gemiddeld zes weken.');
    await written.getByRole('button', { name: 'Antwoord opslaan' }).click();
    await until('the answer is kept', async () => (await serverView(first.id, first.key)).questions[0].answer === 'Gemiddeld zes weken.');

    // A second meeting puts the norm on its guide and the participants give their verdict.
    const second = await meeting({ title: 'Gesprek met jongeren', seats: 8 });
    await api('POST', `/api/series/${series.id}/meetings`, series.organiserKey, { meetingKey: second.key });
    // A listener's topic is taken into the guide, in the theme where it will come up.
    await drive(setup, second.id, second.key, [{ type: 'SetTopicsOpen', open: true }]);
    const listener = await api('POST', '/api/join', null, { code: second.access.joinCode, displayName: 'Pieter' });
    await drive(setup, second.id, listener.key, [{ type: 'SubmitTopic', text: 'Hoe gaat het na je achttiende?' }]);
    const tablet = await newPage(chrome, { viewport: LANDSCAPE, hasTouch: true });
    await tablet.goto(BASE + second.access.links.moderator);
    await tablet.getByLabel('Bij thema: Hoe gaat het na je achttiende?').selectOption({ label: 'Contact' });
    await tablet.locator('li.topic', { hasText: 'Hoe gaat het na je achttiende?' }).getByRole('button', { name: 'In leidraad' }).click();
    await until('the topic is in its theme', async () => {
      const v = await serverView(second.id, second.key);
      return v.topics[0].status === 'ADOPTED' && v.topics[0].themeId === v.guide.find((g) => g.title === 'Contact').id;
    });
    await tablet.getByRole('button', { name: `Op de leidraad: ${text}` }).click();
    await tablet.getByRole('button', { name: `Van de leidraad: ${text}` }).waitFor();
    await assertLayout(tablet, 'preparation with norms, 1180x820');
    await drive(tablet, second.id, second.key, [{ type: 'ChangePhase', to: 'LOBBY' }, { type: 'ChangePhase', to: 'OPENING' },
      { type: 'ChangePhase', to: 'CONVERSATION' }, { type: 'GiveFloor', participantId: second.participants[0] }]);
    await tablet.getByRole('tab', { name: 'Gesprek', exact: true }).click();
    const check = tablet.getByRole('group', { name: `Servicenormen: ${text}` });
    await check.getByRole('button', { name: 'Gehaald', exact: true }).click();
    await check.getByRole('button', { name: 'Gehaald', exact: true, pressed: true }).waitFor();
    await tablet.getByLabel(`Korte toelichting: ${text}`).fill('Meestal binnen tien dagen');
    await tablet.getByRole('button', { name: 'Toelichting opslaan' }).click();
    await until('the verdict is given', async () => (await serverView(second.id, second.key)).norms[0].note === 'Meestal binnen tien dagen');
    for (const viewport of [LANDSCAPE, PORTRAIT]) {
      await tablet.setViewportSize(viewport);
      await tablet.waitForTimeout(150);
      // The side panel scrolls to the norms; the page itself never scrolls.
      await tablet.evaluate(() => {
        const body = document.querySelector('.side .body');
        body.scrollTop = document.getElementById('h-checks').offsetTop - body.offsetTop - 8;
      });
      await assertLayout(tablet, `the console with norms, ${size(viewport)}`, CONSOLE);
      if (viewport === LANDSCAPE) await screenshot(tablet, `console-norms-${size(viewport)}`);
    }
    await accessible(tablet, 'the console with norms');
    // The closing round: what the participants found most important, above the questions.
    await tablet.setViewportSize(LANDSCAPE);
    await drive(tablet, second.id, second.key, [{ type: 'ChangePhase', to: 'CLARIFYING' }, { type: 'ChangePhase', to: 'CLOSING' }]);
    await tablet.getByLabel('Wat vonden de deelnemers het belangrijkst?').fill('Sneller weten waar je aan toe bent.');
    await tablet.getByRole('button', { name: 'Slotronde opslaan' }).click();
    await until('the round-up is kept', async () => (await serverView(second.id, second.key)).roundUp === 'Sneller weten waar je aan toe bent.');
    await assertLayout(tablet, 'the closing phase, 1180x820', CONSOLE);
    await drive(tablet, second.id, second.key, [{ type: 'ChangePhase', to: 'ENDED' }]);

    // The register shows the verdict with the meeting that gave it, side by side with the first.
    await organiser.reload();
    await norm.locator('.meta .status', { hasText: /^gemeten$/ }).waitFor();
    await norm.getByText('Laatst getoetst in “Gesprek met jongeren”: Gehaald').waitFor();
    await norm.getByText(/^Geschiedenis/).click();
    await norm.locator('.history li', { hasText: 'in “Gesprek met jongeren”: Gehaald' }).getByText('“Meestal binnen tien dagen”').waitFor();
    const column = await organiser.locator('#h-compare ~ .scroll tbody tr', { hasText: 'Servicenormen' }).locator('td').nth(1).innerText();
    assert.ok(column.includes(text) && column.includes('Gehaald'), column);
    for (const viewport of [LAPTOP, PORTRAIT]) {
      await organiser.setViewportSize(viewport);
      await organiser.waitForTimeout(100);
      await assertLayout(organiser, `the series page, ${size(viewport)}`);
    }
    await organiser.setViewportSize(LAPTOP);
    await accessible(organiser, 'the series page');
    await organiser.evaluate(() => window.scrollBy(0, document.getElementById('h-register').closest('section').getBoundingClientRect().top - 12));
    await screenshot(organiser, `series-register-${size(LAPTOP)}`);
    if (process.env.DEBUG_LINKS) console.log('SERIES', `${BASE}/series/${series.id}#key=${series.organiserKey}`);

    // Carried into the organisation's next series, and revised here.
    await norm.getByText('Meenemen naar een andere reeks').click();
    await norm.getByLabel('Link van de organisator van de andere reeks').fill(`${BASE}/series/${other.id}#key=${other.organiserKey}`);
    await norm.getByRole('button', { name: 'Meenemen', exact: true }).click();
    await organiser.getByText('De norm staat nu ook in de andere reeks.').waitFor();
    const carried = await api('GET', `/api/series/${other.id}/norms`, other.organiserKey);
    assert.equal(carried.length, 1);
    assert.equal(carried[0].text, text);
    assert.equal(carried[0].status, 'MEASURED');
    await norm.getByRole('button', { name: `Herzien…: ${text}` }).click();
    await norm.getByLabel('Nieuwe tekst van de norm').fill('U hoort binnen tien werkdagen wanneer uw intake is.');
    await norm.getByRole('button', { name: 'Herzien', exact: true }).click();
    await organiser.locator('.register li.norm', { hasText: 'binnen tien werkdagen wanneer' }).locator('.meta .status', { hasText: /^herzien$/ }).waitFor();
    // The participants of the first meeting read the norm that came from what they said.
    const page = await api('POST', `/api/meetings/${first.id}/followup-link`, series.organiserKey);
    await organiser.goto(BASE + page.link);
    const promise = organiser.locator('.step li', { hasText: 'U hoort binnen tien werkdagen wanneer uw intake is.' });
    await promise.getByText('Aangepast').waitFor();
  } finally {
    await chrome.close();
  }
});
