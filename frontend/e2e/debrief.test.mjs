// After the meeting: a listener writes take-aways on the phone in the closing phase, changes one, and
// the window closes; the team's debrief shows them only from the third listener on, and never to
// another listener (raw frames and pages are read). The participants answer the evaluation through
// the card's QR link and on paper, typed in by the assistant; the results show in the report and as
// a trend over two meetings of a series.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accessible, api, BASE, browser, drive, meeting, newPage, pastTalk, screenshot, serverView, until } from './support.mjs';
import { assertLayout } from './layout.mjs';

const PHONE = { width: 390, height: 844 };
const LANDSCAPE = { width: 1180, height: 820 };
const PORTRAIT = { width: 820, height: 1180 };
const LAPTOP = { width: 1366, height: 768 };
const size = ({ width, height }) => `${width}x${height}`;

const MINE = 'Ouders willen één vast gezicht, geen loket';
const CHANGED = 'Ouders willen één vast gezicht: ik bel voortaan zelf terug';
const SECOND = 'Ik vraag voortaan eerst hoe het thuis gaat';
const OTHERS = ['Wachten voelt als niet gezien worden', 'Brieven zijn te moeilijk geschreven'];

/** A choice of 1 to 5 by its number (1 and 5 also say what they mean). */
const score = (n) => new RegExp(`^${n}\\b`);

/** Everything a page received over its live connections, kept as it came. */
function frames(page) {
  const kept = [];
  page.on('websocket', (ws) => ws.on('framereceived', (frame) => kept.push(String(frame.payload))));
  return kept;
}

/** Answers the evaluation over the card's link, as a phone would. */
async function answer(path, body) {
  const response = await fetch(`${BASE}/api${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  assert.equal(response.status, 201);
}

test('take-aways on the phone, the team\'s debrief from three, the evaluation by QR and on paper, the series trend', async () => {
  const chrome = await browser();
  try {
    const setup = await newPage(chrome);
    await setup.goto(BASE + '/');
    const series = await api('POST', '/api/series', null, { name: 'Spiegelgesprekken jeugd' });
    const m = await meeting({ title: 'Spiegelgesprek jeugdhulp', seats: 6 });
    await api('POST', `/api/series/${series.id}/meetings`, series.organiserKey, { meetingKey: m.key });
    const listeners = [];
    for (const name of ['Sanne', 'Youssef', 'Ilse', 'Wim']) {
      listeners.push(await api('POST', '/api/join', null, { code: m.access.joinCode, displayName: name }));
    }
    const [me, other, third, fourth] = listeners;

    // Two phones follow the meeting; every frame they receive is kept.
    const phone = await newPage(chrome, { viewport: PHONE, isMobile: true, hasTouch: true });
    const mine = frames(phone);
    await phone.goto(`${BASE}/listen/${m.id}#key=${me.key}`);
    const otherPhone = await newPage(chrome, { viewport: PHONE, isMobile: true, hasTouch: true });
    const theirs = frames(otherPhone);
    await otherPhone.goto(`${BASE}/listen/${m.id}#key=${other.key}`);
    await otherPhone.getByRole('status').filter({ hasText: 'Verbonden' }).waitFor();

    // Three participants speak, three never do; then the closing phase.
    await pastTalk(setup, m, [[0, 90], [1, 60], ['moderator', 30], [2, 40]], { phase: 'CLOSING' });

    // The listener writes: the first point opens by itself, with the kinds to choose and a count.
    const card = phone.locator('section.takeaways');
    await card.getByRole('heading', { name: 'Wat neemt u mee?' }).waitFor();
    await card.getByText('Alleen u ziet wat u schrijft.', { exact: false }).waitFor();
    await card.getByText('Ook na het gesprek kunt u nog schrijven.', { exact: false }).waitFor();
    const first = card.getByRole('form', { name: 'Punt 1' });
    assert.equal(await first.getByRole('radio', { name: 'Eyeopener' }).isChecked(), true);
    await first.getByLabel('Over welk thema? (mag leeg blijven)').selectOption({ label: 'Toegang' });
    await first.getByLabel('Uw punt').fill(MINE);
    await first.getByText(`Nog ${280 - MINE.length} tekens`).waitFor();
    await assertLayout(phone, `the take-aways being written, ${size(PHONE)}`);
    await screenshot(phone, `takeaway-writing-${size(PHONE)}`);
    await first.getByRole('button', { name: 'Bewaren' }).click();
    const slot1 = card.locator('li.slot').nth(0);
    await slot1.getByText(MINE).waitFor();
    await slot1.getByText('Bewaard').waitFor();

    // A second point, of another kind; a text over the limit cannot be saved.
    await card.getByRole('button', { name: 'Punt 2 schrijven' }).click();
    const second = card.getByRole('form', { name: 'Punt 2' });
    await second.getByRole('radio', { name: 'Wat ik anders ga doen' }).check();
    await second.getByLabel('Uw punt').fill('x'.repeat(290));
    await second.getByText('10 tekens te veel').waitFor();
    assert.equal(await second.getByRole('button', { name: 'Bewaren' }).isDisabled(), true);
    await second.getByLabel('Uw punt').fill(SECOND);
    await second.getByRole('button', { name: 'Bewaren' }).click();
    await card.locator('li.slot').nth(1).getByText(SECOND).waitFor();

    // The first one, changed.
    await slot1.getByRole('button', { name: 'Wijzigen (Punt 1)' }).click();
    await slot1.getByLabel('Uw punt').fill(CHANGED);
    await slot1.getByRole('button', { name: 'Bewaren' }).click();
    await slot1.getByText(CHANGED).waitFor();
    // Did every participant get room to speak?
    await card.getByRole('group', { name: 'Kreeg elke deelnemer de ruimte om te praten?' }).getByRole('radio', { name: score(2) }).check();
    await until('the take-aways and the answer are kept', async () => {
      const own = await serverView(m.id, me.key);
      return own.myTakeAways.length === 2 && own.myTakeAways[0].text === CHANGED && own.myPerceived === 2;
    });
    await card.getByRole('group', { name: 'Kreeg elke deelnemer de ruimte om te praten?' }).getByText('Bewaard').waitFor();
    await phone.evaluate(() => document.querySelector('section.takeaways').scrollIntoView());
    await assertLayout(phone, `the take-aways written, ${size(PHONE)}`);
    await screenshot(phone, `takeaway-written-${size(PHONE)}`);
    await accessible(phone, 'the listener\'s take-aways');

    // The moderator's debrief on the tablet: one listener wrote, nothing shows yet.
    const tablet = await newPage(chrome, { viewport: LANDSCAPE, hasTouch: true });
    await tablet.goto(BASE + m.access.links.moderator);
    await tablet.getByRole('tab', { name: 'Verslag en opvolging' }).click();
    const board = tablet.locator('section.debrief');
    await board.getByText('Te zien vanaf 3 toehoorders').waitFor();
    await board.getByText('1 toehoorder schreef iets', { exact: false }).waitFor();
    await board.getByText('Nog 2 toehoorders nodig', { exact: false }).waitFor();
    assert.ok(!(await tablet.locator('body').innerText()).includes(CHANGED), 'no take-away shows before three wrote');
    await assertLayout(tablet, `the debrief under three, ${size(LANDSCAPE)}`);
    await screenshot(tablet, `debrief-under-three-${size(LANDSCAPE)}`);

    // A second listener writes: still nothing. The third: the board shows them, without who or when.
    await drive(setup, m.id, other.key, [{ type: 'WriteTakeAway', slot: 1, kind: 'EYEOPENER', text: OTHERS[0] },
      { type: 'RatePerceivedBalance', score: 3 }]);
    await board.getByText('2 toehoorders schreven iets', { exact: false }).waitFor();
    assert.ok(!(await tablet.locator('body').innerText()).includes(OTHERS[0]));
    await drive(setup, m.id, third.key, [{ type: 'WriteTakeAway', slot: 1, kind: 'FREE', text: OTHERS[1] },
      { type: 'RatePerceivedBalance', score: 4 }]);
    await board.getByText('3 toehoorders schreven iets: 4 punten.').waitFor();
    for (const text of [CHANGED, SECOND, ...OTHERS]) await board.getByText(text).waitFor();
    const toegang = board.locator('.group', { has: tablet.getByRole('heading', { name: /^Toegang/ }) });
    await toegang.getByText(CHANGED).waitFor();
    assert.ok(!(await board.innerText()).includes('Sanne'), 'the board names no listener');
    // Perceived beside measured: three answers, and three participants never spoke.
    await board.getByText('3 antwoorden', { exact: false }).waitFor();
    assert.equal(await board.locator('.measured .figure').nth(1).innerText(), '3');
    // Per kind, then back.
    await board.getByRole('radio', { name: 'Per soort' }).check();
    await board.getByRole('heading', { name: /^Wat ik anders ga doen/ }).waitFor();
    for (const viewport of [LANDSCAPE, PORTRAIT]) {
      await tablet.setViewportSize(viewport);
      await tablet.waitForTimeout(150);
      await board.scrollIntoViewIfNeeded();
      await assertLayout(tablet, `the debrief board, ${size(viewport)}`);
      await screenshot(tablet, `debrief-board-${size(viewport)}`);
    }
    await tablet.setViewportSize(LANDSCAPE);
    await accessible(tablet, 'the debrief board');

    // Printed from its button: the board alone.
    await tablet.evaluate(() => { document.body.dataset.print = 'debrief'; });
    await tablet.emulateMedia({ media: 'print' });
    assert.equal(await tablet.locator('section.evaluation').isVisible(), false);
    assert.equal(await board.getByText(CHANGED).isVisible(), true);
    assert.equal(await board.getByRole('button', { name: 'Afdrukken' }).isVisible(), false);
    await tablet.emulateMedia({ media: 'screen' });
    await tablet.evaluate(() => { delete document.body.dataset.print; });

    // The meeting ends: the phone says until when; the moderator closes the window now (0 days).
    await drive(setup, m.id, m.key, [{ type: 'ChangePhase', to: 'ENDED' }]);
    await card.getByText(/U kunt schrijven en wijzigen tot /).waitFor();
    await board.getByText(/^Open tot /).waitFor();
    await board.getByLabel('Dagen na het gesprek').fill('0');
    await board.getByRole('button', { name: 'Instellen' }).click();
    await board.getByText(/^Gesloten sinds /).waitFor();
    await card.getByText('U kunt niets meer opschrijven: de tijd daarvoor is voorbij.').waitFor();
    await card.getByText(CHANGED).waitFor();
    assert.equal(await card.getByRole('button', { name: /Wijzigen/ }).count(), 0, 'read-only after the window');
    assert.equal(await card.getByRole('group', { name: 'Kreeg elke deelnemer de ruimte om te praten?' }).getByRole('radio').first().isDisabled(), true);
    await phone.evaluate(() => document.querySelector('section.takeaways').scrollIntoView());
    await assertLayout(phone, `the take-aways closed, ${size(PHONE)}`);
    await screenshot(phone, `takeaway-closed-${size(PHONE)}`);
    // A late one is refused by the server too.
    await assert.rejects(drive(setup, m.id, fourth.key, [{ type: 'WriteTakeAway', slot: 1, kind: 'FREE', text: 'Te laat' }]), /WINDOW_CLOSED/);

    // Nothing of one listener reached another: not in the raw frames, not on the page, not in their view.
    const otherText = await otherPhone.locator('body').innerText();
    const otherView = JSON.stringify(await serverView(m.id, other.key));
    for (const text of [MINE, CHANGED, SECOND, OTHERS[1]]) {
      assert.ok(!theirs.join('\n').includes(text), `no frame of another listener holds "${text}"`);
      assert.ok(!otherText.includes(text) && !otherView.includes(text), `another listener's page holds no "${text}"`);
    }
    assert.ok(theirs.join('\n').includes(OTHERS[0]), 'a listener gets their own take-away');
    for (const text of OTHERS) assert.ok(!mine.join('\n').includes(text), `the writer's frames hold no "${text}"`);
    assert.ok(theirs.length > 5 && mine.length > 5, 'both phones followed the meeting live');

    // The organiser puts the take-aways in the report.
    await board.getByLabel(/In het verslag: “Wat de toehoorders meenamen”/).check();
    await until('the appendix is in', async () => (await serverView(m.id, m.key)).debrief.inReport);

    // The evaluation cards, printed from the report tab: four to a sheet, each with the QR code's link.
    const evaluation = tablet.locator('section.evaluation');
    await evaluation.getByText('De uitkomst is te zien vanaf 3 antwoorden. Nog 3 nodig.').waitFor();
    const [sheet] = await Promise.all([tablet.context().waitForEvent('page'), evaluation.getByRole('button', { name: 'Kaarten afdrukken' }).click()]);
    await sheet.locator('.card').first().waitFor();
    assert.equal(await sheet.locator('.card').count(), 4);
    assert.equal(await sheet.locator('.card svg').count(), 4);
    const link = (await sheet.locator('.url').first().innerText()).trim();
    assert.match(link, /\/evaluate\/[A-Za-z0-9_-]+$/);
    await sheet.close();

    // A participant scans the card: plain questions, big targets, nothing sent without an answer.
    const participant = await newPage(chrome, { viewport: PHONE, isMobile: true, hasTouch: true });
    await participant.goto(link);
    await participant.getByRole('heading', { name: 'Hoe vond u het gesprek?' }).waitFor();
    await participant.getByText('Over: Spiegelgesprek jeugdhulp').waitFor();
    await participant.getByRole('button', { name: 'Versturen' }).click();
    await participant.getByText('U heeft nog niets ingevuld. Beantwoord minstens één vraag.').waitFor();
    await assertLayout(participant, `the evaluation, ${size(PHONE)}`);
    await screenshot(participant, `evaluate-${size(PHONE)}`);
    await accessible(participant, 'the evaluation');
    const pick = (question, n) => participant.getByRole('group', { name: question }).getByRole('radio', { name: score(n) }).check();
    await pick('Ik voelde me gehoord', 5);
    await pick('Er was genoeg tijd', 4);
    await pick('Ik kreeg vooraf duidelijke informatie', 2);
    await pick('Ik zou weer meedoen', 5);
    await participant.getByLabel('Wilt u nog iets zeggen? (mag leeg blijven)').fill('Fijn dat er naar ons geluisterd werd');
    await participant.getByRole('button', { name: 'Versturen' }).click();
    await participant.getByRole('heading', { name: 'Dank u wel!' }).waitFor();
    await assertLayout(participant, `the evaluation sent, ${size(PHONE)}`);
    await screenshot(participant, `evaluate-thanks-${size(PHONE)}`);
    await accessible(participant, 'the evaluation\'s thanks');
    // A reload keeps the thanks; a second person on the same phone answers too, as the server allows.
    await participant.reload();
    await participant.getByRole('heading', { name: 'Dank u wel!' }).waitFor();
    await participant.getByRole('button', { name: 'Nog iemand laat een antwoord achter' }).click();
    await pick('Ik voelde me gehoord', 3);
    // Offline the answer stays on the page, with a plain word; back online it goes.
    await participant.context().setOffline(true);
    await participant.getByRole('button', { name: 'Versturen' }).click();
    await participant.getByText('Dat lukte niet: geen verbinding').waitFor();
    await participant.context().setOffline(false);
    await participant.getByRole('button', { name: 'Versturen' }).click();
    await participant.getByRole('heading', { name: 'Dank u wel!' }).waitFor();
    await evaluation.getByText('Nog 1 nodig.', { exact: false }).waitFor();

    // The assistant types in a paper card by keyboard: a digit per question, 0 for an empty box.
    const assistant = await newPage(chrome, { viewport: LANDSCAPE, hasTouch: true });
    await assistant.goto(BASE + m.access.links.assistant);
    await assistant.getByRole('tab', { name: 'Verslag en opvolging' }).click();
    const paper = assistant.locator('section.evaluation');
    await paper.getByRole('group', { name: 'Ik voelde me gehoord' }).getByRole('radio').first().focus();
    await assistant.keyboard.type('40');
    await assistant.keyboard.type('35');
    await assistant.keyboard.type('Duidelijke uitleg vooraf');
    await assistant.keyboard.press('Enter');
    await paper.getByText('1 kaart ingevoerd').waitFor();
    await assertLayout(assistant, `the paper cards, ${size(LANDSCAPE)}`);
    await screenshot(assistant, `paper-cards-${size(LANDSCAPE)}`);
    assert.equal(await paper.getByLabel('Wilt u nog iets zeggen? (mag leeg blijven)').inputValue(), '', 'the next card starts empty');
    await until('the paper card is in', async () => (await serverView(m.id, m.key)).debrief.evaluation.onPaper === 1);

    // Three answers: the results show in the report tab and the report.
    await evaluation.getByText('3 antwoorden · 1 van papier').waitFor();
    const heard = evaluation.locator('dd').first();
    await heard.locator('.average', { hasText: '4,0' }).waitFor();
    await heard.getByText('3 antwoorden').waitFor();
    await evaluation.getByText('Fijn dat er naar ons geluisterd werd').waitFor();
    await evaluation.scrollIntoViewIfNeeded();
    await assertLayout(tablet, `the evaluation's results, ${size(LANDSCAPE)}`);
    await screenshot(tablet, `evaluation-results-${size(LANDSCAPE)}`);
    await accessible(tablet, 'the report tab with the evaluation');
    const report = await (await fetch(`${BASE}/api/meetings/${m.id}/report`, { headers: { Authorization: `Bearer ${m.key}`, Accept: 'text/html' } })).text();
    assert.ok(report.includes('Hoe de deelnemers het gesprek vonden') && report.includes('Duidelijke uitleg vooraf'), 'the report has the evaluation');
    assert.ok(report.includes('Bijlage: wat de toehoorders meenamen') && report.includes(CHANGED), 'the report has the take-aways');

    // A second meeting of the series, evaluated by three cards: the series page shows the trend.
    const next = await meeting({ title: 'Spiegelgesprek jeugdhulp, najaar', seats: 4 });
    await api('POST', `/api/series/${series.id}/meetings`, series.organiserKey, { meetingKey: next.key });
    await drive(setup, next.id, next.key, ['LOBBY', 'OPENING', 'CONVERSATION', 'CLARIFYING', 'CLOSING', 'ENDED'].map((to) => ({ type: 'ChangePhase', to })));
    const { path } = await api('GET', `/api/meetings/${next.id}/evaluation/card`, series.organiserKey);
    for (const heard of [5, 5, 4]) await answer(path, { heard, time: 5, information: 4, again: 5 });
    const organiser = await newPage(chrome, { viewport: LAPTOP });
    await organiser.goto(`${BASE}/series/${series.id}#key=${series.organiserKey}`);
    const trend = organiser.locator('tbody.evaluation');
    await trend.getByText('Hoe de deelnemers de gesprekken vonden').waitFor();
    const row = trend.locator('tr', { hasText: 'Ik voelde me gehoord' });
    await row.locator('td .average').nth(1).waitFor();
    assert.deepEqual(await row.locator('td .average').allInnerTexts(), ['4,0', '4,7']);
    await row.getByText('hoger dan het gesprek ervoor').waitFor({ state: 'attached' });
    const information = trend.locator('tr', { hasText: 'Ik kreeg vooraf duidelijke' });
    await information.getByText('hoger dan het gesprek ervoor').waitFor({ state: 'attached' });
    // The organiser's debrief of the first meeting, opened in its card.
    const first1 = organiser.locator('article.meeting', { has: organiser.getByRole('heading', { name: 'Spiegelgesprek jeugdhulp', exact: true }) });
    await first1.getByText('Nabespreking en evaluatie').click();
    await first1.locator('section.debrief').getByText(CHANGED).waitFor();
    assert.equal(await first1.getByLabel(/In het verslag: “Wat de toehoorders meenamen”/).isChecked(), true);
    for (const viewport of [LAPTOP, PORTRAIT]) {
      await organiser.setViewportSize(viewport);
      await organiser.waitForTimeout(150);
      await assertLayout(organiser, `the series page with the trend and a debrief, ${size(viewport)}`);
    }
    await first1.locator('section.debrief').scrollIntoViewIfNeeded();
    await screenshot(organiser, `series-debrief-${size(PORTRAIT)}`);
    await organiser.setViewportSize(LAPTOP);
    await accessible(organiser, 'the series page with the trend');
    await trend.scrollIntoViewIfNeeded();
    await assertLayout(organiser, `the series' trend, ${size(LAPTOP)}`);
    await screenshot(organiser, `series-trend-${size(LAPTOP)}`);
  } finally {
    await chrome.close();
  }
});
