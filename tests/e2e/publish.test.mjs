// Connect a Bluesky account on a real PDS running on loopback and publish a
// post from the editor; the post is then on the server exactly once.
// Needs the server: .ci/test runs the e2e inside tests/pds/with-pds.sh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { By, Key, until } from 'selenium-webdriver';
import {
  TIMEOUT, addDays, byTestId, chipIn, click, dayCell, find, invoke, launch, newDataDir, shot,
} from './lib/app.mjs';
import { writePng } from './lib/png.mjs';

const PDS_URL = process.env.JADWAL_TEST_PDS_URL;
const HANDLE = process.env.JADWAL_TEST_PDS_HANDLE;
const DID = process.env.JADWAL_TEST_PDS_DID;
const APP_PASSWORD = process.env.JADWAL_TEST_PDS_APP_PASSWORD;

async function recordsWithText(text) {
  const url = `${PDS_URL}/xrpc/com.atproto.repo.listRecords?repo=${DID}&collection=app.bsky.feed.post&limit=100`;
  const body = await (await fetch(url)).json();
  return (body.records ?? []).filter((r) => r.value?.text === text);
}

test('connect a Bluesky account and publish a post with a picture from the editor', async () => {
  assert.ok(PDS_URL && HANDLE && DID && APP_PASSWORD,
    'needs the local PDS: run inside src-tauri/crates/jadwal-channels/tests/pds/with-pds.sh');
  const dataDir = newDataDir('publish');
  const driver = await launch(dataDir);
  try {
    // A Bluesky channel, connected with the app password.
    await click(driver, byTestId('channels-button'), 'channels button');
    await (await find(driver, byTestId('channel-name'))).sendKeys('Toko Batik');
    await (await find(driver, byTestId('channel-network'))).findElement(By.css('option[value="bluesky"]')).click();
    await click(driver, byTestId('channel-add'), 'add channel');
    await click(driver, byTestId('connect-account'), 'connect');
    await (await find(driver, byTestId('bluesky-identifier'))).sendKeys(HANDLE);
    await (await find(driver, byTestId('bluesky-app-password'))).sendKeys(APP_PASSWORD);
    const service = await find(driver, byTestId('bluesky-service'));
    if (!(await service.isDisplayed())) {
      await click(driver, byTestId('bluesky-advanced'), 'advanced');
    }
    await service.sendKeys(PDS_URL);
    await shot(driver, '10-connect-bluesky');
    await click(driver, byTestId('bluesky-connect'), 'connect button');
    const handle = await find(driver, byTestId('account-handle'), 'connected account');
    await driver.wait(async () => (await handle.getText()).includes(HANDLE), TIMEOUT, 'handle not shown');
    const [account] = await invoke(driver, 'list_accounts');
    assert.equal(account.handle, HANDLE);
    assert.equal(JSON.stringify(account).includes(APP_PASSWORD), false, 'the password never comes back');
    // It is in the real keychain (this debug build's own service name)...
    // (secret-tool prints the attributes on stderr.)
    const found = spawnSync('secret-tool', ['search', '--all', '--unlock', 'service', 'id.jadwal.app.dev'], { encoding: 'utf8' });
    assert.match(`${found.stdout}${found.stderr}`, /bluesky\/\d+\/app-password/);
    // ...and in no file of the app's data folder.
    for (const name of readdirSync(dataDir)) {
      const bytes = readFileSync(join(dataDir, name));
      assert.equal(bytes.includes(APP_PASSWORD), false, `the password leaked into ${name}`);
    }
    await shot(driver, '11-connected');
    await driver.actions().sendKeys(Key.ESCAPE).perform();

    // A post planned on a day, then published from the editor.
    const { nowLocal } = await invoke(driver, 'app_state');
    const day = addDays(nowLocal.slice(0, 10), 1);
    if ((await driver.findElements(dayCell(day))).length === 0) await click(driver, byTestId('next'));
    await (await find(driver, dayCell(day))).click();
    // Plain characters: WebDriver's typing cannot enter emoji; the adapter's own
    // tests cover emoji and byte offsets against the same server.
    const text = `Batik tulis baru #batik ${Date.now()}`;
    await (await find(driver, byTestId('editor-text'))).sendKeys(text);
    await click(driver, byTestId('editor-channel'), 'channel toggle');
    const editor = await find(driver, byTestId('editor'));
    await click(driver, byTestId('save-draft'), 'save draft');
    await driver.wait(until.stalenessOf(editor), TIMEOUT);
    await click(driver, chipIn(day), 'the planned post');

    // A picture from the library, with alt text.
    const [planned] = await invoke(driver, 'calendar_posts', { from: day, to: addDays(day, 1) });
    const picture = writePng(join(dataDir, '..', `kain-${process.pid}.png`), 640, 480);
    const [imported] = await invoke(driver, 'import_media', { paths: [picture] });
    assert.equal(imported.error, null);
    await click(driver, byTestId('media-open-library'), 'library button');
    const library = await find(driver, byTestId('media-library'), 'library');
    const item = await find(driver, By.css(`[data-testid="media-library-item"][data-hash="${imported.media.hash}"]`), 'the picture');
    await (await item.findElement(byTestId('media-library-select'))).click();
    await click(driver, byTestId('media-library-attach'), 'attach');
    await driver.wait(until.stalenessOf(library), TIMEOUT, 'the library stayed open');
    const alt = await find(driver, byTestId('media-alt'), 'alt text');
    await alt.sendKeys('Kain batik tulis motif parang');
    await alt.sendKeys(Key.TAB);
    await driver.wait(async () => {
      const [m] = await invoke(driver, 'post_media', { postId: planned.id });
      return m?.alt === 'Kain batik tulis motif parang';
    }, TIMEOUT, 'the alt text was not saved');

    await click(driver, byTestId('publish-now'), 'publish now');
    const result = await find(driver, By.css('[data-testid="publish-result"][data-published="true"]'), 'published result');
    const link = await result.findElement(byTestId('published-link'));
    assert.match(await link.getText(), /\/post\//);
    await shot(driver, '12-published');

    const records = await recordsWithText(text);
    assert.equal(records.length, 1, 'the post is on the server exactly once');
    const images = records[0].value.embed?.images ?? [];
    assert.equal(images.length, 1, 'with its picture');
    assert.equal(images[0].alt, 'Kain batik tulis motif parang');
    assert.equal(images[0].image.mimeType, 'image/jpeg');
    assert.deepEqual(images[0].aspectRatio, { width: 640, height: 480 });
    const [post] = await invoke(driver, 'calendar_posts', { from: day, to: addDays(day, 1) });
    assert.equal(post.status, 'published');
  } finally {
    await driver.quit();
  }
});
