// Starting the real Jadwal binary through tauri-driver, and the few things
// every journey needs: waiting, clicking, screenshots, and a look at the
// app's state through its own commands (to check, never to act).
import { Builder, By, until } from 'selenium-webdriver';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const BIN = process.env.JADWAL_APP_BIN;
const PORT = process.env.TAURI_DRIVER_PORT;
const SHOTS = process.env.E2E_SCREENSHOTS;
const WORK = process.env.E2E_WORK;

export const TIMEOUT = 20_000;

export function newDataDir(name) {
  return mkdtempSync(join(WORK, `${name}-`));
}

/** Whether an instance of the app under test is still running (or still dying). */
function appRunning() {
  return spawnSync('pgrep', ['-f', `${BIN} --data-dir`]).status === 0;
}

/**
 * Waits until the last session's app has gone. Jadwal is a single-instance
 * app: one started while the previous one is still leaving the session bus
 * is refused ("failed to forward arguments to the running instance"), as it
 * would be for a person relaunching in that instant.
 */
async function previousAppGone() {
  const until_ = Date.now() + TIMEOUT;
  while (appRunning() && Date.now() < until_) await new Promise((r) => setTimeout(r, 100));
  // The bus name goes a moment after the process.
  await new Promise((r) => setTimeout(r, 300));
}

export async function launch(dataDir) {
  if (!BIN || !PORT) throw new Error('run through tests/e2e/run.sh (JADWAL_APP_BIN, TAURI_DRIVER_PORT)');
  await previousAppGone();
  // A session whose app never starts would wait for ever; fail instead.
  let timer;
  const driver = await Promise.race([
    new Builder()
      .usingServer(`http://127.0.0.1:${PORT}/`)
      .withCapabilities({
        browserName: 'wry',
        'tauri:options': { application: BIN, args: ['--data-dir', dataDir] },
      })
      .build(),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error('the app did not start within 60 s (see the tauri-driver log)')), 60_000);
    }),
  ]).finally(() => clearTimeout(timer));
  try {
    await driver.wait(until.elementLocated(By.css('.fc')), TIMEOUT, 'the calendar never appeared');
  } catch (e) {
    // Keep what the window showed, then free the session for the next test.
    await shot(driver, `failed-start-${Date.now()}`).catch(() => {});
    const text = await driver.findElement(By.css('body')).getText().catch(() => '');
    await driver.quit().catch(() => {});
    throw new Error(`${e.message}; the window showed: ${text.slice(0, 500)}`);
  }
  return driver;
}

export async function shot(driver, name) {
  writeFileSync(join(SHOTS, `${name}.png`), await driver.takeScreenshot(), 'base64');
}

export const byTestId = (id) => By.css(`[data-testid="${id}"]`);

export async function find(driver, locator, what = String(locator)) {
  return driver.wait(until.elementLocated(locator), TIMEOUT, `not found: ${what}`);
}

export async function click(driver, locator, what) {
  const el = await find(driver, locator, what);
  await driver.wait(until.elementIsVisible(el), TIMEOUT, `not visible: ${what ?? locator}`);
  await el.click();
  return el;
}

/** Calls one of the app's commands, to check state the screen cannot show exactly. */
export async function invoke(driver, cmd, args = {}) {
  const result = await driver.executeAsyncScript(
    `const [cmd, args, done] = arguments;
     window.__TAURI_INTERNALS__.invoke(cmd, args)
       .then((v) => done({ ok: v }), (e) => done({ err: e }));`,
    cmd,
    args,
  );
  if ('err' in result) throw new Error(`${cmd} failed: ${JSON.stringify(result.err)}`);
  return result.ok;
}

/** YYYY-MM-DD `days` after the date `ymd`. */
export function addDays(ymd, days) {
  const d = new Date(`${ymd}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const dayCell = (ymd) => By.css(`td.fc-daygrid-day[data-date="${ymd}"]`);
export const chipIn = (ymd) => By.css(`td.fc-daygrid-day[data-date="${ymd}"] [data-testid="post-chip"]`);

/** Drags `el` onto `target` with small pointer steps, as a hand would. */
export async function drag(driver, el, target) {
  // Let entering animations (dialogs closing, toasts) finish so the rects hold still.
  await driver.sleep(300);
  const from = await el.getRect();
  const to = await target.getRect();
  const start = { x: Math.round(from.x + Math.min(20, from.width / 2)), y: Math.round(from.y + from.height / 2) };
  const end = { x: Math.round(to.x + to.width / 2), y: Math.round(to.y + to.height / 2) };
  let actions = driver.actions({ async: true }).move({ x: start.x, y: start.y }).press().pause(100);
  const steps = 12;
  for (let i = 1; i <= steps; i++) {
    actions = actions.move({
      x: Math.round(start.x + ((end.x - start.x) * i) / steps),
      y: Math.round(start.y + ((end.y - start.y) * i) / steps),
      duration: 30,
    });
  }
  await actions.pause(150).release().perform();
}
