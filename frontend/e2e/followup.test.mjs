// After the meeting: the moderator writes and finalises the report, opens the thank-you letter,
// turns an improvement point into an action; an organiser follows it across a series.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accessible, api, BASE, browser, drive, guarded, screenshot, serverView, until } from './support.mjs';
import { assertLayout } from './layout.mjs';

test('the report, the letter and the actions, followed across a series', async () => {
  const created = await api('POST', '/api/meetings', null, { title: 'Spiegelgesprek ouders', targetGroup: 'ouders' });
  const id = created.id;
  const key = created.access.moderatorKey;
  await api('POST', `/api/meetings/${id}/themes`, key, { title: 'Toegang', centralQuestion: 'Hoe kwam u bij ons?', minutes: 20 });
  for (const [i, name] of ['Anouk', 'Bram'].entries()) {
    await api('POST', `/api/meetings/${id}/participants`, key, { pseudonym: name, seat: i + 1 });
  }
  const chrome = await browser();
  try {
    const context = guarded(await chrome.newContext({ viewport: { width: 1180, height: 820 } }));
    const page = await context.newPage();
    page.on('pageerror', (e) => assert.fail(`page error: ${e.message}`));
    await page.goto(BASE + '/');
    const participants = (await serverView(id, key)).participants.map((p) => p.id);
    await drive(page, id, key, [
      { type: 'ChangePhase', to: 'LOBBY' }, { type: 'ChangePhase', to: 'OPENING' }, { type: 'ChangePhase', to: 'CONVERSATION' },
      { type: 'GiveFloor', participantId: participants[0] },
      { type: 'AddNote', tag: 'IMPROVEMENT_POINT', text: 'De wachttijd is te lang', shared: true },
      { type: 'AddNote', tag: 'STRENGTH', text: 'Vriendelijke ontvangst', shared: true },
      { type: 'AddNote', tag: 'QUOTE', text: 'Ik voelde me niet gehoord', shared: false },
      { type: 'AddNote', tag: 'WISH', text: 'Eén vaste contactpersoon', shared: false },
      { type: 'GiveFloor', participantId: participants[1] },
      { type: 'ChangePhase', to: 'CLARIFYING' }, { type: 'ChangePhase', to: 'CLOSING' }, { type: 'ChangePhase', to: 'ENDED' },
    ]);

    // The report tab opens by itself once the meeting has ended.
    await page.goto(`${BASE}${created.access.links.moderator}`);
    await page.getByRole('heading', { name: 'Concept van het verslag' }).waitFor();
    await accessible(page, 'report and follow-up');
    await page.getByLabel('Samenvatting', { exact: true }).fill('Ouders willen sneller geholpen worden.');
    await page.getByLabel('Conclusies', { exact: true }).fill('De toegang moet sneller.\nHet contact moet persoonlijker.');
    await page.getByLabel('Voorstellen voor servicenormen (één per regel)').fill('Binnen 10 werkdagen een eerste gesprek.');
    await page.getByRole('checkbox', { name: /Ik voelde me niet gehoord/ }).uncheck();
    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    await until('the draft is saved', async () => (await serverView(id, key)).reportDraft.summary === 'Ouders willen sneller geholpen worden.');
    await page.getByRole('button', { name: 'Verslag vaststellen' }).click();
    await page.getByRole('button', { name: 'Ja, doorgaan' }).click();
    await page.getByRole('button', { name: 'Versie 1', exact: true }).waitFor();

    const [report] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Versie 1', exact: true }).click()]);
    await report.getByRole('heading', { name: 'Verslag: Spiegelgesprek ouders' }).waitFor();
    const reportText = await report.locator('body').innerText();
    assert.ok(reportText.includes('Binnen 10 werkdagen een eerste gesprek.'));
    assert.ok(reportText.includes('De wachttijd is te lang'));
    assert.ok(!reportText.includes('Ik voelde me niet gehoord'), 'a note left out is not in the report');
    // Conclusions keep their lines; speaking time shows how evenly it was spread, by no name.
    assert.match(reportText, /De toegang moet sneller\.\s*\n\s*Het contact moet persoonlijker\./);
    assert.ok(reportText.includes('zonder namen') && !reportText.includes('Anouk') && !reportText.includes('Bram'),
      'the report names no participant unless the moderator chose to');
    // Every label of the chart fits in it.
    const clipped = await report.evaluate(() => [...document.querySelectorAll('svg text')].filter((text) => {
      const svg = text.ownerSVGElement.getBoundingClientRect();
      return text.getBoundingClientRect().right > svg.right + 0.5;
    }).length);
    assert.equal(clipped, 0, 'no chart label is cut off');

    const point = page.locator('li.point', { hasText: 'De wachttijd is te lang' });
    await point.getByLabel('Eigenaar (team of functie)').fill('Team toegang');
    await point.getByLabel('Klaar op').fill('2027-06-01');
    await point.getByRole('button', { name: 'Actie maken' }).click();
    // A wish becomes an action too, worded as the organisation will carry it out.
    const wish = page.locator('li.point', { hasText: 'Eén vaste contactpersoon' });
    await wish.getByLabel('De actie, in uw woorden').fill('Elk gezin krijgt binnen een week één vaste contactpersoon');
    await wish.getByLabel('Eigenaar (team of functie)').fill('Teamleider jeugd');
    await wish.getByRole('button', { name: 'Actie maken' }).click();
    await until('the wish became an action in its own words', async () => (await serverView(id, key)).actions
      .some((a) => a.title === 'Elk gezin krijgt binnen een week één vaste contactpersoon'));
    // Dates as people write them, never ISO.
    await page.getByText(/· 1 juni 2027/).waitFor();
    await page.getByLabel('Status: De wachttijd is te lang').selectOption('IN_PROGRESS');
    await until('the action is in progress', async () => (await serverView(id, key)).actions[0]?.status === 'IN_PROGRESS');

    // The participants' page gets its link, which the letter carries with a QR code.
    await page.getByRole('button', { name: 'Link maken' }).click();
    await page.getByText('Link werkt').waitFor();
    const followUpLink = await page.getByRole('textbox', { name: 'Link naar de pagina voor de deelnemers' }).inputValue();
    assert.match(followUpLink, /\/followup\/[A-Za-z0-9_-]{20,}$/);
    await page.getByRole('img', { name: /QR-code/ }).waitFor();
    // The letter's own words are saved as versions; each version opens to read and print.
    await page.getByLabel('Aanhef').fill('Beste deelnemers van 12 maart,');
    await page.getByLabel('Ondertekening').fill('Met vriendelijke groet,\nMarieke de Vries, gespreksleider');
    await page.getByRole('button', { name: 'Opslaan als versie 1' }).click();
    await page.getByText('Versie 1 opgeslagen').waitFor();
    await page.evaluate(() => window.scrollBy(0, document.getElementById('h-letter').closest('section').getBoundingClientRect().top - 12));
    await assertLayout(page, 'the letter editor, 1180x820');
    await screenshot(page, 'letter-editor-1180x820');
    const [letter] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Brief bekijken en afdrukken' }).click()]);
    await letter.getByRole('heading', { name: 'Bedankt voor uw bijdrage' }).waitFor();
    const letterText = await letter.locator('body').innerText();
    assert.ok(letterText.includes('De wachttijd is te lang') && letterText.includes('1 juni 2027'), letterText);
    assert.ok(!letterText.includes('Anouk') && !letterText.includes('Bram'), 'the letter names no one');
    assert.ok(letterText.includes('Beste deelnemers van 12 maart,') && letterText.includes('Marieke de Vries'), 'the letter has its own words');
    assert.ok(letterText.includes(followUpLink), 'the letter carries the link to the participants\' page');
    // A second version; the first stays as it was.
    await page.getByLabel('Aanhef').fill('Beste ouders,');
    await page.getByRole('button', { name: 'Opslaan als versie 2' }).click();
    await page.getByText('Versie 2 opgeslagen').waitFor();
    assert.deepEqual((await serverView(id, key)).letters.map((l) => l.greeting), ['Beste deelnemers van 12 maart,', 'Beste ouders,']);
    const [first] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Brief, versie 1' }).click()]);
    await first.getByText('Beste deelnemers van 12 maart,').waitFor();
    await first.emulateMedia({ media: 'print' });
    assert.ok((await first.locator('body').innerText()).includes('Marieke de Vries'));

    // An organiser follows the actions across a series.
    const organiser = await (await chrome.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await organiser.goto(BASE + '/');
    await organiser.getByLabel('Naam van de reeks').fill('Klantgesprekken 2027');
    await organiser.getByRole('button', { name: 'Reeks aanmaken' }).click();
    // The organiser's link is shown once, as a step that cannot be missed.
    await organiser.getByRole('heading', { name: 'Bewaar deze links' }).waitFor();
    const organiserLink = await organiser.getByRole('textbox', { name: 'Link van de organisator' }).inputValue();
    assert.match(organiserLink, /\/series\/[0-9a-f-]{36}#key=/);
    await accessible(organiser, 'keep the organiser link');
    assert.equal(await organiser.getByRole('button', { name: 'Verder naar de reeks' }).isDisabled(), true);
    await organiser.getByLabel('Ik heb de links bewaard').check();
    await organiser.getByRole('button', { name: 'Verder naar de reeks' }).click();
    await organiser.waitForURL(/\/series\//);
    await organiser.getByRole('heading', { name: /Klantgesprekken 2027/ }).waitFor();
    await organiser.getByLabel('Link van de gespreksleider').fill(`${BASE}${created.access.links.moderator}`);
    await organiser.getByRole('button', { name: 'Gesprek toevoegen' }).click();
    await organiser.getByRole('heading', { name: 'Spiegelgesprek ouders' }).waitFor();
    await organiser.getByText('De wachttijd is te lang').first().waitFor();
    await organiser.getByText(/· 1 juni 2027/).first().waitFor();
    await accessible(organiser, 'series');
    await organiser.getByLabel('Status: De wachttijd is te lang').selectOption('DONE');
    await until('the organiser finished the action', async () => (await serverView(id, key)).actions[0].history.length === 3);
    await organiser.getByText('klaar: 1').waitFor();
    // The link opens the series on another device, and the series page shows it again.
    assert.equal(await organiser.getByRole('textbox', { name: 'Link van de organisator' }).inputValue(), organiserLink);
    const elsewhere = await (await chrome.newContext()).newPage();
    await elsewhere.goto(organiserLink);
    await elsewhere.getByRole('heading', { name: /Klantgesprekken 2027/ }).waitFor();
  } finally {
    await chrome.close();
  }
});
