// A Bluesky text too long for one post: the editor offers a thread, shows its
// parts before anything is sent, and "Publish now" posts exactly those parts
// as replies to each other on a real PDS on loopback.
// Needs the server: .ci/test runs the e2e inside tests/pds/with-pds.sh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { By, until } from 'selenium-webdriver';
import {
  TIMEOUT, addDays, byTestId, chipIn, click, dayCell, find, invoke, launch, newDataDir, shot,
} from './lib/app.mjs';

const PDS_URL = process.env.JADWAL_TEST_PDS_URL;
const HANDLE = process.env.JADWAL_TEST_PDS_HANDLE;
const DID = process.env.JADWAL_TEST_PDS_DID;
const APP_PASSWORD = process.env.JADWAL_TEST_PDS_APP_PASSWORD;

async function postRecords() {
  const url = `${PDS_URL}/xrpc/com.atproto.repo.listRecords?repo=${DID}&collection=app.bsky.feed.post&limit=100`;
  const body = await (await fetch(url)).json();
  return body.records ?? [];
}

test('a long Bluesky post is previewed as a thread and goes out as those parts', async () => {
  assert.ok(PDS_URL && HANDLE && DID && APP_PASSWORD,
    'needs the local PDS: run inside src-tauri/crates/jadwal-channels/tests/pds/with-pds.sh');
  const driver = await launch(newDataDir('thread'));
  try {
    // Setting up, not the journey under test: a connected Bluesky channel.
    const channel = await invoke(driver, 'create_channel', {
      input: { name: 'Toko Batik', network: 'bluesky', color: null },
    });
    await invoke(driver, 'connect_bluesky', {
      input: { channelId: channel.id, identifier: HANDLE, appPassword: APP_PASSWORD, service: PDS_URL },
    });

    const { nowLocal } = await invoke(driver, 'app_state');
    const day = addDays(nowLocal.slice(0, 10), 1);
    if ((await driver.findElements(dayCell(day))).length === 0) await click(driver, byTestId('next'));
    await (await find(driver, dayCell(day))).click();
    const run = Date.now();
    const text = [
      `Cerita batik ${run}: setiap motif punya makna, dan setiap kain dibuat dengan sabar oleh pengrajin kami di Pekalongan.`,
      'Motif parang melambangkan semangat yang tak pernah padam, seperti ombak yang terus menghantam karang di pantai selatan.',
      'Motif kawung melambangkan kesucian dan umur panjang, dan dulu hanya boleh dipakai oleh keluarga keraton di Yogyakarta.',
      'Kunjungi toko kami minggu ini untuk melihat koleksi baru #batik',
    ].join(' ');
    await (await find(driver, byTestId('editor-text'))).sendKeys(text);
    await click(driver, byTestId('editor-channel'), 'channel toggle');

    // Over Bluesky's limit: it says so, and offers a thread.
    const counter = await find(driver, byTestId('counter'), 'counter');
    await driver.wait(async () => (await counter.getAttribute('data-over')) === 'true', TIMEOUT, 'not over the limit');
    await click(driver, byTestId('editor-thread'), 'post as a thread');
    const preview = await find(driver, byTestId('thread-preview'), 'thread preview');
    await driver.wait(async () => (await preview.findElements(byTestId('thread-part'))).length >= 2, TIMEOUT, 'no parts');
    const parts = [];
    for (const part of await preview.findElements(byTestId('thread-part'))) {
      parts.push(await (await part.findElement(By.css('.thread-part__text'))).getText());
      const count = await (await part.findElement(byTestId('thread-part-count'))).getText();
      const [used, limit] = count.match(/\d[\d,.]*/g).map((n) => Number(n.replace(/[,.]/g, '')));
      assert.ok(used <= limit, `a part over the limit: ${count}`);
    }
    assert.equal(parts.join(' ').split(/\s+/).join(' '), text.split(/\s+/).join(' '), 'the parts are the whole text');
    await driver.wait(async () => (await counter.getAttribute('data-over')) === 'false', TIMEOUT, 'still over');
    await shot(driver, '20-thread-preview');

    const editor = await find(driver, byTestId('editor'));
    await click(driver, byTestId('save-draft'), 'save draft');
    await driver.wait(until.stalenessOf(editor), TIMEOUT);
    await click(driver, chipIn(day), 'the planned post');
    // Opened again: the choice was kept.
    await find(driver, byTestId('thread-preview'), 'thread preview after reopening');
    await click(driver, byTestId('publish-now'), 'publish now');
    await find(driver, By.css('[data-testid="publish-result"][data-published="true"]'), 'published result');
    await shot(driver, '21-thread-published');

    const records = await postRecords();
    const posted = parts.map((part) => {
      const copies = records.filter((r) => r.value?.text === part);
      assert.equal(copies.length, 1, `part posted once: ${part}`);
      return copies[0];
    });
    assert.equal(posted[0].value.reply, undefined, 'the first part starts the thread');
    for (let i = 1; i < posted.length; i += 1) {
      assert.equal(posted[i].value.reply.root.uri, posted[0].uri);
      assert.equal(posted[i].value.reply.parent.uri, posted[i - 1].uri);
    }
  } finally {
    await driver.quit();
  }
});
