// Scheduled posts go out only while Jadwal runs: closing the window leaves
// it running in the tray, unless the person turned that off in Settings.
// The window is closed the way a window manager's close button does it
// (WM_DELETE_WINDOW, through lib/x11-window.py): WebDriver's own Close
// Window would destroy the web view without asking the app.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Key } from 'selenium-webdriver';
import { TIMEOUT, byTestId, click, find, invoke, launch, newDataDir, shot } from './lib/app.mjs';

const X11 = fileURLToPath(new URL('./lib/x11-window.py', import.meta.url));
const TITLE = 'Jadwal';

/** "shown", "hidden" or "absent": the app's main window on the X display. */
const windowState = () => execFileSync('python3', [X11, 'state', TITLE], { encoding: 'utf8' }).trim();
const closeWindow = () => execFileSync('python3', [X11, 'close', TITLE]);

async function waitForWindow(driver, wanted) {
  let seen = '';
  await driver.wait(
    async () => {
      seen = windowState();
      return seen === wanted;
    },
    TIMEOUT,
    `the window stayed ${seen}, not ${wanted}`,
  );
}

test('closing the window leaves Jadwal running in the tray', async () => {
  const driver = await launch(newDataDir('keep-running'));
  try {
    assert.equal((await invoke(driver, 'app_state')).keepRunning, true, 'on by default');
    assert.equal(windowState(), 'shown');

    closeWindow();
    await waitForWindow(driver, 'hidden');

    // Still running: the engine answers, and a post can still be planned.
    const state = await invoke(driver, 'app_state');
    assert.equal(state.keepRunning, true);
    const channel = await invoke(driver, 'create_channel', {
      input: { name: 'Toko', network: 'instagram', color: null },
    });
    assert.ok(channel.id > 0, 'the app still writes to its data');
  } finally {
    await driver.quit();
  }
});

test('with keep publishing off, closing the window quits Jadwal', async () => {
  const driver = await launch(newDataDir('quit-on-close'));
  let quit = false;
  try {
    await click(driver, byTestId('settings-button'), 'settings');
    const keep = await find(driver, byTestId('keep-running'), 'keep publishing checkbox');
    assert.equal(await keep.isSelected(), true);
    await keep.click();
    await driver.wait(async () => (await invoke(driver, 'app_state')).keepRunning === false, TIMEOUT, 'setting not saved');
    await shot(driver, '20-keep-running-off');
    await driver.actions().sendKeys(Key.ESCAPE).perform();

    // Nothing is due, so there is nothing to ask: the app quits.
    closeWindow();
    await waitForWindow(driver, 'absent');
    quit = true;
  } finally {
    // The app is gone when the test passed; the session may already be too.
    await driver.quit().catch((e) => {
      if (!quit) throw e;
    });
  }
});
