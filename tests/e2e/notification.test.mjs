// A post that needs the person's hand at its time raises a desktop
// notification; clicking it brings up the window with that post open. The
// notification service here is the test's own (lib/notifications.mjs), on
// the private session bus, and it clicks what it is shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, find, invoke, launch, newDataDir, shot } from './lib/app.mjs';
import { startNotificationService } from './lib/notifications.mjs';

/** The wall time `minutes` after `local` (`YYYY-MM-DDTHH:MM`). */
function minutesAfter(local, minutes) {
  const t = new Date(`${local}:00Z`);
  t.setUTCMinutes(t.getUTCMinutes() + minutes);
  return t.toISOString().slice(0, 16);
}

test('clicking the notification of a post that needs a hand opens that post', async () => {
  const notifications = await startNotificationService();
  const dataDir = newDataDir('notify');
  const driver = await launch(dataDir);
  try {
    const channel = await invoke(driver, 'create_channel', {
      input: { name: 'Instagram toko', network: 'instagram', color: null },
    });
    const { nowLocal } = await invoke(driver, 'app_state');
    // The next minute, or the one after when this one is nearly over.
    const at = minutesAfter(nowLocal, new Date().getSeconds() > 45 ? 2 : 1);
    const text = `Batik baru, unggah jam ${at.slice(11)}`;
    const saved = await invoke(driver, 'create_post', {
      input: { text, status: 'scheduled', at, targets: [{ channelId: channel.id, variantText: null }], labelIds: [] },
    });

    // At its time the scheduler holds it for the person's hand and says so;
    // the service clicks the notification; the editor opens on the post.
    const editorText = await driver.wait(async () => {
      const found = await driver.findElements(byTestId('editor-text'));
      return found[0] ?? null;
    }, 150_000, 'no editor opened from the notification');
    assert.equal(await editorText.getAttribute('value'), text);
    const shown = notifications.shown.find((n) => n.body.includes('wait for your decision'));
    assert.ok(shown, `notifications shown: ${JSON.stringify(notifications.shown)}`);
    assert.equal(shown.summary, 'Jadwal');
    const [held] = (await invoke(driver, 'needs_decision')).posts;
    assert.equal(held.post.id, saved.post.id);
    await find(driver, byTestId('editor'));
    await shot(driver, '30-opened-from-notification');
  } finally {
    await driver.quit();
    notifications.stop();
  }
});
