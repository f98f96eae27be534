// The main journey, in the real app window: plan a post, find it on the
// calendar, drag it to another day, undo and redo the move, restart, find it
// still there at the same time, and switch the language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { By, Key, until } from 'selenium-webdriver';
import {
  TIMEOUT, addDays, byTestId, chipIn, click, dayCell, drag, find, invoke, launch, newDataDir, shot,
} from './lib/app.mjs';

const POST_TEXT = 'Roti sobek hangat <img src=x onerror=alert(1)> keluar jam 9';

/** A day cell that is on the visible month page, moving to the next page if needed. */
async function visibleDay(driver, ymd) {
  const cells = await driver.findElements(dayCell(ymd));
  if (cells.length === 0) {
    await click(driver, byTestId('next'), 'next month');
  }
  return find(driver, dayCell(ymd), `day ${ymd}`);
}

async function postsOn(driver, ymd) {
  return invoke(driver, 'calendar_posts', { from: ymd, to: addDays(ymd, 1) });
}

test('plan, drag, undo, restart and switch language in the real window', async () => {
  const dataDir = newDataDir('journey');
  let driver = await launch(dataDir);
  try {
    await shot(driver, '01-first-start');

    // A channel to post to, added through the channels dialog.
    await click(driver, byTestId('channels-button'), 'channels button');
    await (await find(driver, byTestId('channel-name'))).sendKeys('Toko Bluesky');
    const network = await find(driver, byTestId('channel-network'));
    await network.findElement(By.css('option[value="bluesky"]')).click();
    await click(driver, byTestId('channel-add'), 'add channel');
    await driver.wait(async () => (await invoke(driver, 'list_channels')).length === 1, TIMEOUT, 'channel not saved');
    await driver.actions().sendKeys(Key.ESCAPE).perform();

    // Click a day two days ahead: the editor opens on that day at 09:00.
    const { nowLocal } = await invoke(driver, 'app_state');
    const today = nowLocal.slice(0, 10);
    const planned = addDays(today, 2);
    const movedTo = addDays(today, 4);
    await (await visibleDay(driver, planned)).click();
    const editor = await find(driver, byTestId('editor'), 'editor');
    await (await find(driver, byTestId('editor-text'))).sendKeys(POST_TEXT);
    await click(driver, byTestId('editor-channel'), 'channel toggle');
    await find(driver, byTestId('counter'), 'live counter');
    await shot(driver, '02-editor');
    await click(driver, byTestId('schedule'), 'schedule button');
    await driver.wait(until.stalenessOf(editor), TIMEOUT, 'editor did not close after scheduling');

    // The post is on the calendar, its text shown as text.
    const chip = await find(driver, chipIn(planned), `chip on ${planned}`);
    await shot(driver, '03-scheduled');
    // textContent: a narrow chip may clip the words on screen, not in the page.
    assert.match(await chip.getAttribute('textContent'), /<img src=x onerror=alert\(1\)>/);
    assert.equal((await chip.findElements(By.css('img'))).length, 0, 'post text must not become HTML');
    const [saved] = await postsOn(driver, planned);
    assert.equal(saved.start, `${planned}T09:00`);
    assert.equal(saved.status, 'scheduled');

    // Drag it two days later.
    await drag(driver, chip, await visibleDay(driver, movedTo));
    await find(driver, chipIn(movedTo), `chip moved to ${movedTo}`);
    assert.deepEqual((await postsOn(driver, movedTo)).map((p) => [p.id, p.start]), [[saved.id, `${movedTo}T09:00`]]);
    assert.equal((await postsOn(driver, planned)).length, 0);
    await shot(driver, '04-dragged');

    // Ctrl+Z undoes the move; drag it again.
    await driver.actions().keyDown(Key.CONTROL).sendKeys('z').keyUp(Key.CONTROL).perform();
    await find(driver, chipIn(planned), 'chip back after undo');
    assert.equal((await postsOn(driver, planned))[0]?.start, `${planned}T09:00`);
    await drag(driver, await find(driver, chipIn(planned)), await visibleDay(driver, movedTo));
    await find(driver, chipIn(movedTo), 'chip moved again');

    // Restart: the post is still on the new day at the same time.
    await driver.quit();
    driver = await launch(dataDir);
    const after = await find(driver, chipIn(movedTo), 'chip after restart');
    assert.match(await after.getAttribute('textContent'), /Roti sobek hangat/);
    assert.equal((await postsOn(driver, movedTo))[0]?.start, `${movedTo}T09:00`);
    await shot(driver, '05-after-restart');

    // Switch to Bahasa Indonesia: the calendar's own words change.
    await click(driver, byTestId('settings-button'), 'settings');
    const language = await find(driver, byTestId('language-select'));
    await language.findElement(By.css('option[value="id"]')).click();
    await driver.wait(async () => (await invoke(driver, 'app_state')).language === 'id', TIMEOUT, 'language not saved');
    await driver.actions().sendKeys(Key.ESCAPE).perform();
    const todayButton = await find(driver, byTestId('today'));
    await driver.wait(async () => (await todayButton.getText()) === 'Hari ini', TIMEOUT, 'toolbar not in Indonesian');
    const headers = await driver.findElements(By.css('.fc-col-header-cell'));
    const names = await Promise.all(headers.map((h) => h.getText()));
    assert.equal(names[0].toLowerCase().startsWith('sen'), true, `weeks start on Monday in Indonesian: ${names}`);
    await shot(driver, '06-bahasa-indonesia');
  } finally {
    await driver.quit();
  }
});

test('text typed in the editor survives closing the app mid-sentence', async () => {
  const dataDir = newDataDir('autosave');
  let driver = await launch(dataDir);
  try {
    await click(driver, byTestId('new-post'), 'new post');
    await (await find(driver, byTestId('editor-text'))).sendKeys('Promo akhir bulan: beli 2 gratis');
    await driver.sleep(1200); // longer than the autosave's pause after typing
    await driver.quit();

    driver = await launch(dataDir);
    const text = await find(driver, byTestId('editor-text'), 'restored editor');
    await driver.wait(async () => (await text.getAttribute('value')) === 'Promo akhir bulan: beli 2 gratis', TIMEOUT, 'typed text was lost');
    await shot(driver, '07-autosave-restored');
  } finally {
    await driver.quit();
  }
});
