// Paid and partners, in the real app window: a campaign whose negative spend
// is refused in words (the typed number kept), then saved with its CPC, CPM
// and ROAS shown; its results imported from an ad manager's CSV export,
// chosen in the system's Open dialog and previewed before it writes,
// changing its CPC and ROAS in the window; a partner; and their collaboration.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { By } from 'selenium-webdriver';
import { TIMEOUT, addDays, byTestId, click, find, invoke, launch, newDataDir, shot } from './lib/app.mjs';
import { answerFileDialog } from './lib/file-dialog.mjs';

/** Brings an element of the scrolling dialog into the middle of the view. */
async function reveal(driver, locator, what) {
  const el = await find(driver, locator, what);
  await driver.executeScript('arguments[0].scrollIntoView({ block: "center" })', el);
  return el;
}

async function press(driver, locator, what) {
  const el = await reveal(driver, locator, what);
  await el.click();
  return el;
}

async function typeInto(driver, locator, text, what) {
  const el = await reveal(driver, locator, what);
  await el.clear();
  await el.sendKeys(text);
  return el;
}

/** WebKit shows a date field as month / day / year (en-US): type it that way. */
const usDate = (ymd) => `${ymd.slice(5, 7)}/${ymd.slice(8, 10)}/${ymd.slice(0, 4)}`;

test('a campaign with its figures, a partner and their collaboration', async () => {
  const driver = await launch(newDataDir('paid'));
  try {
    const { nowLocal } = await invoke(driver, 'app_state');
    const today = nowLocal.slice(0, 10);
    await click(driver, byTestId('strategy-button'), 'Strategy in the header');
    await find(driver, byTestId('strategy'), 'strategy dialog');

    await press(driver, byTestId('campaign-add-open'), 'open the campaign form');
    const form = await find(driver, By.css('details [data-testid="campaign-form"]'), 'campaign form');
    await typeInto(driver, byTestId('campaign-name'), 'Promo Natal', 'campaign name');
    const ends = await reveal(driver, By.css('details [data-testid="campaign-ends"]'), 'campaign end');
    await ends.sendKeys(usDate(addDays(today, 20)));
    await typeInto(driver, By.css('details [data-testid="campaign-budget"]'), '500000', 'budget');
    await typeInto(driver, By.css('details [data-testid="campaign-spend"]'), '-400000', 'spend');
    await typeInto(driver, By.css('details [data-testid="campaign-impressions"]'), '80000', 'impressions');
    await typeInto(driver, By.css('details [data-testid="campaign-clicks"]'), '0', 'clicks');
    await typeInto(driver, By.css('details [data-testid="campaign-revenue"]'), '1200000', 'revenue');
    await press(driver, By.css('details [data-testid="campaign-save"]'), 'save campaign');
    const problem = await find(driver, By.css('details [data-testid="campaign-problem"]'), 'campaign problem');
    assert.match(await problem.getText(), /Spent: -400000 is less than zero/);
    assert.equal(await (await find(driver, By.css('details [data-testid="campaign-spend"]'))).getAttribute('value'), '-400000');
    assert.equal((await invoke(driver, 'paid')).campaigns.length, 0, 'nothing sent');

    await typeInto(driver, By.css('details [data-testid="campaign-spend"]'), '400000', 'spend');
    await press(driver, By.css('details [data-testid="campaign-save"]'), 'save campaign');
    const row = await find(driver, byTestId('campaign-row'), 'the campaign in the list');
    const [campaign] = (await invoke(driver, 'paid')).campaigns;
    assert.equal(campaign.spend, 400000);
    assert.deepEqual(
      campaign.kpis.map((k) => [k.kpi, k.value]),
      [['cost_per_click', null], ['cost_per_mille', 5000], ['return_on_ad_spend', 3]],
    );
    const card = async (kpi, part) =>
      (await row.findElement(By.css(`[data-kpi="${kpi}"] .kpi-card__${part}`))).getText();
    assert.equal(await card('cost_per_click', 'value'), '—', 'no clicks: no cost per click');
    assert.equal(await card('cost_per_mille', 'value'), '5,000');
    assert.equal(await card('cost_per_mille', 'formula'), 'spend ÷ impressions × 1,000');
    assert.ok(form, 'the add form');

    // An Indonesian Ads Manager export with two days of the campaign: summed,
    // they replace the typed results (clicks 0 → 800, revenue doubled).
    const folder = mkdtempSync(join(tmpdir(), 'jadwal-ads-'));
    const csv = join(folder, 'iklan-promo.csv');
    writeFileSync(
      csv,
      'Nama kampanye;Jumlah yang dibelanjakan (IDR);Impresi;Klik tautan;Nilai konversi pembelian\n' +
        'Promo Natal;250.000;40.000;500;1.000.000\n' +
        'promo  natal;150.000;40.000;300;1.400.000\n',
    );
    // Chosen in the system's Open dialog, the export shows what it would
    // change before anything is written; Import then writes it.
    await press(driver, byTestId('campaign-csv-open'), 'import results from CSV');
    await press(driver, byTestId('campaign-csv-choose'), 'choose a CSV file');
    await answerFileDialog('Choose a CSV file…', csv);
    const plan = await find(driver, byTestId('campaign-csv-plan'), 'what the import would change');
    await driver.wait(async () => /Promo Natal/.test(await plan.getText()), TIMEOUT, 'the plan names the campaign');
    const planned = await plan.getText();
    assert.match(planned, /2, 3/, 'two rows summed, case and spacing aside');
    assert.match(planned, /0\s*→\s*800/, 'clicks 0 → 800');
    assert.equal((await invoke(driver, 'paid')).campaigns[0].clicks, 0, 'nothing written before Import');
    await driver.executeScript('arguments[0].scrollIntoView({ block: "center" })', plan);
    await shot(driver, 'paid-00-import-plan');
    await press(driver, byTestId('campaign-csv-import'), 'import');
    const result = await find(driver, byTestId('campaign-csv-result'), 'the import result');
    assert.equal(await result.getAttribute('data-applied'), 'true');
    await click(driver, By.css('[data-testid="campaign-csv"] .modal__close'), 'close the import');
    const [imported] = (await invoke(driver, 'paid')).campaigns;
    assert.equal(imported.clicks, 800);
    assert.equal(imported.revenue, 2400000);
    const refreshed = await find(driver, byTestId('campaign-row'), 'the campaign after the import');
    await driver.wait(
      async () => (await refreshed.findElement(By.css('[data-kpi="cost_per_click"] .kpi-card__value')).getText()) === '500',
      TIMEOUT,
      'the cost per click did not become 500',
    );
    assert.equal(
      await refreshed.findElement(By.css('[data-kpi="return_on_ad_spend"] .kpi-card__value')).getText(),
      '6',
      'the return on ad spend follows the imported revenue',
    );

    await press(driver, byTestId('partner-add-open'), 'open the partner form');
    await typeInto(driver, By.css('details [data-testid="partner-name"]'), 'Sari Bakes', 'partner name');
    await typeInto(driver, By.css('details [data-testid="partner-handle"]'), '@saribakes', 'handle');
    await typeInto(driver, By.css('details [data-testid="partner-engagement"]'), '4,5', 'engagement rate');
    await press(driver, By.css('details [data-testid="partner-save"]'), 'save partner');
    await find(driver, byTestId('partner-row'), 'the partner in the list');

    await press(driver, byTestId('collaboration-add-open'), 'open the collaboration form');
    const partner = await reveal(driver, By.css('details [data-testid="collaboration-partner"]'), 'partner picker');
    await partner.findElement(By.xpath('.//option[text()="Sari Bakes"]')).click();
    await typeInto(driver, By.css('details [data-testid="collaboration-clicks"]'), '600', 'clicks');
    await typeInto(driver, By.css('details [data-testid="collaboration-cost"]'), '1500000', 'cost');
    await press(driver, By.css('details [data-testid="collaboration-save"]'), 'save collaboration');
    const work = await find(driver, byTestId('collaboration-row'), 'the collaboration in the list');
    await driver.executeScript('arguments[0].scrollIntoView({ block: "end" })', work);
    const [k] = (await invoke(driver, 'paid')).collaborations;
    assert.equal(k.kpis[0].value, 2500, 'cost per click from the fee');
    await shot(driver, 'paid-01-partners');
    const campaignRow = await find(driver, byTestId('campaign-row'), 'the campaign in the list');
    await driver.executeScript('arguments[0].scrollIntoView({ block: "start" })', campaignRow);
    await shot(driver, 'paid-02-campaign');

    const inRange = await invoke(driver, 'campaigns_in_range', { first: today, last: addDays(today, 30) });
    assert.deepEqual(inRange.map((c) => c.name), ['Promo Natal']);
  } finally {
    await driver.quit();
  }
});
