// Automatic reports in the real app window: in Settings the person turns on
// weekly reports, picks a folder in the system's folder picker, and last
// week's report appears there by itself, a PDF with last week in it. The
// settings then show what was saved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { By } from 'selenium-webdriver';
import { TIMEOUT, addDays, byTestId, click, find, invoke, launch, newDataDir, shot } from './lib/app.mjs';
import { answerFileDialog } from './lib/file-dialog.mjs';

/** The Monday to Sunday before the week of `ymd`. */
function lastWeek(ymd) {
  const sinceMonday = (new Date(`${ymd}T00:00:00Z`).getUTCDay() + 6) % 7;
  const monday = addDays(ymd, -sinceMonday - 7);
  return { first: monday, last: addDays(monday, 6) };
}

/** Clicks a checkbox; WebDriver scrolls it into view itself. */
async function clickBox(driver, testId, what) {
  await (await find(driver, byTestId(testId), what)).click();
}

test('weekly reports turned on in Settings land in the chosen folder by themselves', async () => {
  const driver = await launch(newDataDir('auto-reports'));
  try {
    const { nowLocal, workspaceName } = await invoke(driver, 'app_state');
    const week = lastWeek(nowLocal.slice(0, 10));
    const folder = mkdtempSync(join(tmpdir(), 'jadwal-auto-reports-'));

    await click(driver, byTestId('settings-button'), 'settings');
    await find(driver, byTestId('auto-reports'), 'automatic reports');
    await find(driver, By.xpath('//*[@data-testid="auto-reports-folder" and contains(., "No folder chosen yet")]'));
    // Weekly only: monthly off first (the switch is still off, nothing is written).
    await clickBox(driver, 'auto-reports-monthly', 'monthly');
    await driver.wait(async () => !(await (await find(driver, byTestId('auto-reports-monthly'))).isSelected()), TIMEOUT);

    // The switch asks for a folder first: the system's folder picker.
    await clickBox(driver, 'auto-reports-on', 'automatic reports switch');
    await answerFileDialog('Folder for automatic reports', folder);
    await find(driver, By.xpath(`//*[@data-testid="auto-reports-folder" and contains(., "${folder}")]`), 'the chosen folder');
    await driver.wait(async () => (await find(driver, byTestId('auto-reports-on'))).isSelected(), TIMEOUT, 'not turned on');

    // Last week's report appears by itself.
    const expected = join(folder, `${workspaceName} ${week.first} to ${week.last}.pdf`);
    await driver.wait(async () => existsSync(expected), 60_000, `no ${expected}; the folder has ${readdirSync(folder)}`);
    assert.deepEqual(readdirSync(folder).filter((n) => !n.startsWith('.')), [`${workspaceName} ${week.first} to ${week.last}.pdf`]);
    const text = spawnSync('pdftotext', ['-layout', expected, '-'], { encoding: 'utf8' });
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /Social media report/);
    assert.match(text.stdout, new RegExp(workspaceName));
    // "16–22 November 2026" or "30 November – 6 December 2026": the Sunday ends it.
    const sunday = new Date(`${week.last}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    assert.match(text.stdout, new RegExp(sunday), 'the week is named in the report');

    // Settings say what was saved.
    const outcome = await find(driver, byTestId('auto-reports-outcome'), 'last outcome');
    await driver.wait(async () => (await outcome.getText()).includes(expected), TIMEOUT, 'the saved file is not shown');
    await driver.executeScript('arguments[0].scrollIntoView({ block: "center" })', outcome);
    await shot(driver, '60-auto-reports');

    // Turned off, it stays off after the window asks Rust again.
    await clickBox(driver, 'auto-reports-on', 'automatic reports switch');
    await driver.wait(async () => !(await (await find(driver, byTestId('auto-reports-on'))).isSelected()), TIMEOUT);
    const stored = await invoke(driver, 'auto_reports');
    assert.equal(stored.settings.enabled, false);
    assert.equal(stored.settings.folder, folder);
    assert.equal(stored.settings.monthly, false);
  } catch (e) {
    await shot(driver, 'failed-auto-reports').catch(() => {});
    throw e;
  } finally {
    await driver.quit();
  }
});
