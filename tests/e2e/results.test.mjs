// Plan, publish, measure, report — in the real app window: a goal for the
// month, a post published (by hand, on Instagram), its likes and the
// account's followers typed in, the Results dialog showing them against the
// goal, and the month's report saved as a PDF through the system's save
// dialog. The PDF is read back with poppler and its first page kept as a
// picture beside the screenshots, for a person to look at. Last, a newer
// follower count imported from a CSV export chosen in the Open dialog.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { By, until } from 'selenium-webdriver';
import { TIMEOUT, addDays, byTestId, click, find, invoke, launch, newDataDir, shot } from './lib/app.mjs';
import { answerFileDialog } from './lib/file-dialog.mjs';

const monthOf = (ymd) => {
  const first = `${ymd.slice(0, 7)}-01`;
  const next = new Date(`${first}T00:00:00Z`);
  next.setUTCMonth(next.getUTCMonth() + 1);
  next.setUTCDate(0);
  return { first, last: next.toISOString().slice(0, 10) };
};

/** Picks an option of a <select> by its value, as a person would. */
async function choose(driver, testId, value) {
  const select = await find(driver, byTestId(testId), testId);
  await driver.executeScript('arguments[0].scrollIntoView({ block: "center" })', select);
  await select.findElement(By.css(`option[value="${value}"]`)).click();
}

async function typeFigure(driver, about, metric, value) {
  await click(driver, byTestId('type-figure'), 'type in a figure');
  await find(driver, byTestId('figure-form'), 'figure form');
  await choose(driver, 'figure-about', about);
  await choose(driver, 'figure-metric', metric);
  const field = await find(driver, byTestId('figure-value'));
  await field.clear();
  await field.sendKeys(value);
  await click(driver, byTestId('figure-save'), 'save the figure');
  await driver.wait(async () => (await driver.findElements(byTestId('figure-form'))).length === 0, TIMEOUT, 'figure not saved');
}

test('a goal, a published post and its figures, on the dashboard and in the monthly report', async () => {
  const driver = await launch(newDataDir('results'));
  try {
    const { nowLocal } = await invoke(driver, 'app_state');
    const today = nowLocal.slice(0, 10);
    const month = monthOf(today);

    // The shop's Instagram, a goal of 1,500 followers this month, and a post
    // published on it by hand (Instagram is posted by the person).
    const channel = await invoke(driver, 'create_channel', { input: { name: 'Instagram', network: 'instagram', color: null } });
    await invoke(driver, 'create_goal', {
      input: { kind: 'community', measure: 'followers', target: 1500, starts: month.first, ends: month.last, channelIds: [channel.id] },
    });
    const saved = await invoke(driver, 'create_post', {
      input: {
        text: 'Kue lapis legit, fresh today',
        status: 'scheduled',
        at: `${addDays(today, 1)}T09:00`,
        targets: [{ channelId: channel.id, variantText: null, asThread: false }],
        labelIds: [],
      },
    });
    const results = await invoke(driver, 'mark_posted', { id: saved.post.id, channelId: channel.id, url: null });
    assert.ok(results.every((r) => r.published), JSON.stringify(results));

    // The figures, typed in from Instagram's own insights page.
    await click(driver, byTestId('dashboard-button'), 'Results in the header');
    await find(driver, byTestId('dashboard-body'), 'dashboard');
    await typeFigure(driver, `post:${saved.post.id}:${channel.id}`, 'likes', '42');
    await typeFigure(driver, `account:${channel.id}`, 'followers', '1200');

    // The dashboard: the goal at 80 %, the post with its 42 likes.
    const goal = await find(driver, byTestId('goal-progress'), 'goal progress');
    await driver.wait(async () => (await goal.getText()).includes('80 %'), TIMEOUT, 'goal progress not shown');
    const top = await find(driver, byTestId('top-posts'), 'best posts');
    await driver.wait(async () => (await top.getText()).includes('42'), TIMEOUT, 'likes not shown');
    await driver.executeScript('arguments[0].scrollIntoView({ block: "center" })', top);
    await shot(driver, '39-results-top');
    await find(driver, By.xpath('//*[@data-testid="top-posts"]//button[contains(., "Kue lapis legit")]'), 'the post in the best list');
    const kpis = await find(driver, byTestId('kpi-grid'));
    assert.match(await kpis.getText(), /Engagement rate/);
    await driver.wait(until.elementLocated(By.css('[data-testid="dashboard-body"] canvas')), TIMEOUT, 'no chart drawn');
    await shot(driver, '40-results');

    // The month's report, saved where the person types in the save dialog.
    const folder = mkdtempSync(join(tmpdir(), 'jadwal-report-'));
    const pdf = join(folder, 'laporan-bulan-ini.pdf');
    await choose(driver, 'report-language', 'id');
    await click(driver, byTestId('save-report-pdf'), 'save report as PDF');
    await answerFileDialog('Save the report', pdf);
    await driver.wait(async () => existsSync(pdf), TIMEOUT, 'the report was not saved');
    await find(driver, By.xpath(`//*[@data-testid="toast" and contains(., "${pdf}")]`), 'saved toast');

    const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /Laporan media sosial/);
    assert.match(text.stdout, /Komunitas/);
    assert.match(text.stdout, /1\.500/, 'the goal target, in Indonesian numbers');
    assert.match(text.stdout, /1\.200/, 'the followers typed in');
    assert.match(text.stdout, /Kue lapis legit/);
    assert.doesNotMatch(text.stdout, /NaN|Infinity/);
    // The first page as a picture, beside the screenshots.
    const page = spawnSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', pdf, join(process.env.E2E_SCREENSHOTS ?? folder, '41-report-page')]);
    assert.equal(page.status, 0, String(page.stderr));

    // A newer follower count, from a CSV file chosen in the system's Open
    // dialog: read back first, then imported for the channel picked (with
    // no date column, as counted now), and the goal moves from 80 % to 90 %.
    const exported = join(folder, 'instagram-insights.csv');
    writeFileSync(exported, 'Followers\n1350\n');
    await click(driver, byTestId('import-figures'), 'import figures from CSV');
    await click(driver, byTestId('csv-choose'), 'choose a CSV file');
    await answerFileDialog('Choose a CSV file…', exported);
    const summary = await find(driver, byTestId('csv-summary'), 'the export as read');
    assert.match(await summary.getText(), /1 row/);
    await choose(driver, 'csv-channel', String(channel.id));
    await click(driver, byTestId('csv-import-run'), 'import the figures');
    const imported = await find(driver, byTestId('csv-result'), 'the import result');
    assert.equal(await imported.getAttribute('data-imported'), '1');
    await click(driver, By.css('[data-testid="csv-import"] .modal__close'), 'close the import');
    await driver.wait(async () => (await goal.getText()).includes('90 %'), TIMEOUT, 'the imported followers did not reach the goal');
  } finally {
    await driver.quit();
  }
});
