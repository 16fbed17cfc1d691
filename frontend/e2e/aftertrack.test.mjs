// The after-track: the participants' page "what was done with your input" on a phone and a laptop
// (live, printable, nameless, gone once revoked, kept after erasure).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accessible, api, BASE, browser, drive, meeting, NAMES, newPage, screenshot, serverView } from './support.mjs';
import { assertLayout } from './layout.mjs';

const PHONE = { width: 390, height: 844 };
const SMALL_PHONE = { width: 360, height: 740 };
const LAPTOP = { width: 1366, height: 768 };
const LANDSCAPE = { width: 1180, height: 820 };
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
    await api('DELETE', `/api/meetings/${m.id}/followup-link`, series.organiserKey);
    await phone.reload();
    await phone.getByRole('heading', { name: 'Deze link werkt niet meer' }).waitFor();
  } finally {
    await chrome.close();
  }
});
