// Drafts without a date wait on the tray and can be dragged onto a day;
// a deleted post can be brought back with Undo.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { By, until } from 'selenium-webdriver';
import {
  TIMEOUT, addDays, byTestId, chipIn, click, dayCell, drag, find, invoke, launch, newDataDir, shot,
} from './lib/app.mjs';

test('a draft waits on the tray, is dragged onto a day, then deleted and restored', async () => {
  const driver = await launch(newDataDir('tray'));
  try {
    // A draft with no date, from the New post button.
    await click(driver, byTestId('new-post'), 'new post');
    const editor = await find(driver, byTestId('editor'));
    await (await find(driver, byTestId('editor-text'))).sendKeys('Ide: foto proses membatik');
    await click(driver, byTestId('save-draft'), 'save as draft');
    await driver.wait(until.stalenessOf(editor), TIMEOUT, 'editor did not close');
    const item = await find(driver, By.css('[data-testid="tray"] [data-testid="tray-item"]'), 'tray item');
    assert.match(await item.getAttribute('textContent'), /membatik/);
    const [draft] = await invoke(driver, 'tray_posts');

    // Drag it onto a day of the visible month.
    const { nowLocal } = await invoke(driver, 'app_state');
    const day = addDays(nowLocal.slice(0, 10), 1);
    if ((await driver.findElements(dayCell(day))).length === 0) await click(driver, byTestId('next'));
    await shot(driver, '08a-before-tray-drag');
    await drag(driver, item, await find(driver, dayCell(day), `day ${day}`));
    await shot(driver, '08b-after-tray-drag');
    // The tray redraws when the save's change event arrives; a drag that
    // started on the old item is lost, as it would be under a person's
    // mouse. Drag the (new) item once more if it is still on the tray.
    const landed = await driver
      .wait(async () => (await driver.findElements(chipIn(day))).length > 0, 5000)
      .catch(() => false);
    const stillOnTray = await driver.findElements(By.css('[data-testid="tray"] [data-testid="tray-item"]'));
    if (!landed && stillOnTray.length > 0) {
      await drag(driver, stillOnTray[0], await find(driver, dayCell(day), `day ${day}`));
    }
    const chip = await find(driver, chipIn(day), 'chip from the tray');
    assert.equal(await chip.getAttribute('data-post-id'), String(draft.id));
    await driver.wait(async () => (await invoke(driver, 'tray_posts')).length === 0, TIMEOUT, 'still on the tray');
    const [placed] = await invoke(driver, 'calendar_posts', { from: day, to: addDays(day, 1) });
    assert.equal(placed.status, 'draft', 'a date on a draft is a plan, not a promise');
    await shot(driver, '08-from-tray');

    // Delete it (the app asks first), then Undo.
    await chip.click();
    await click(driver, byTestId('delete'), 'delete');
    await click(driver, byTestId('confirm-yes'), 'confirm delete');
    await driver.wait(async () => (await driver.findElements(chipIn(day))).length === 0, TIMEOUT, 'chip not removed');
    // The newest toast is the delete's; older ones (the move) have Undo buttons too.
    await driver.wait(async () => (await driver.findElements(byTestId('undo'))).length >= 1, TIMEOUT);
    const undoButtons = await driver.findElements(byTestId('undo'));
    await undoButtons[undoButtons.length - 1].click();
    await find(driver, chipIn(day), 'chip restored by undo');
    await shot(driver, '09-undo-delete');
  } finally {
    await driver.quit();
  }
});
