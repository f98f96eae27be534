// Pictures on a post in the real window: a wide screenshot from the media
// library put on an Instagram post, a focal point clicked on it, alt text
// written, and the shape Instagram refuses fixed with one click. The calendar
// chip then shows the picture.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { By, Key, until } from 'selenium-webdriver';
import {
  TIMEOUT, addDays, byTestId, chipIn, click, dayCell, find, invoke, launch, newDataDir, shot,
} from './lib/app.mjs';
import { writePng } from './lib/png.mjs';

test('attach a picture, set its focal point and alt text, and fix a problem in one click', async () => {
  const dataDir = newDataDir('media');
  // 3:1, PNG: Instagram takes neither that shape nor that format.
  const picture = writePng(join(dataDir, '..', `etalase-${process.pid}.png`), 1800, 600);
  const driver = await launch(dataDir);
  try {
    const channel = await invoke(driver, 'create_channel', {
      input: { name: 'Instagram toko', network: 'instagram', color: null },
    });
    const { nowLocal } = await invoke(driver, 'app_state');
    const day = addDays(nowLocal.slice(0, 10), 1);
    const saved = await invoke(driver, 'create_post', {
      input: {
        text: 'Etalase baru kami',
        status: 'draft',
        at: `${day}T10:00`,
        targets: [{ channelId: channel.id, variantText: null }],
        labelIds: [],
      },
    });
    const postId = saved.post.id;
    // The same call a drop or the file picker makes with the chosen paths.
    const [imported] = await invoke(driver, 'import_media', { paths: [picture] });
    assert.equal(imported.error, null);
    const hash = imported.media.hash;

    if ((await driver.findElements(dayCell(day))).length === 0) await click(driver, byTestId('next'));
    await click(driver, chipIn(day), 'the planned post');
    await find(driver, byTestId('media-section'), 'pictures section');

    // From the library.
    await click(driver, byTestId('media-open-library'), 'library button');
    const library = await find(driver, byTestId('media-library'), 'library');
    await (await find(driver, byTestId('media-library-search'))).sendKeys('etalase');
    const item = await find(driver, By.css(`[data-testid="media-library-item"][data-hash="${hash}"]`), 'the picture in the library');
    await (await item.findElement(byTestId('media-library-select'))).click();
    await shot(driver, '20-media-library');
    await click(driver, byTestId('media-library-attach'), 'attach');
    await driver.wait(until.stalenessOf(library), TIMEOUT, 'the library stayed open');
    const card = await find(driver, By.css(`[data-testid="media-attachment"][data-hash="${hash}"]`), 'the attached picture');

    // Instagram refuses it as it is: said next to the picture, with a fix.
    const problem = await find(
      driver,
      By.css('[data-testid="media-problem"][data-code="shape_not_accepted"][data-severity="error"]'),
      'the shape problem',
    );
    assert.match(await problem.getText(), /Instagram/);

    // A focal point on the right of the picture.
    const focal = await card.findElement(byTestId('media-focal'));
    const rect = await focal.getRect();
    await driver.actions().move({ origin: focal, x: Math.round(rect.width * 0.3), y: 0 }).click().perform();
    await driver.wait(async () => Number(await focal.getAttribute('data-focal-x')) > 0.7, TIMEOUT, 'the focal point did not move');
    await driver.wait(async () => {
      const [m] = await invoke(driver, 'post_media', { postId });
      return m.focalX > 0.7 && m.focalX < 0.9;
    }, TIMEOUT, 'the focal point was not saved');
    const previews = await driver.findElements(byTestId('media-preview'));
    assert.ok(previews.length >= 1, 'a preview per Instagram shape');

    // Alt text, saved.
    const alt = await card.findElement(byTestId('media-alt'));
    await alt.sendKeys('Kain batik biru di etalase toko');
    await alt.sendKeys(Key.TAB);
    await driver.wait(async () => {
      const [m] = await invoke(driver, 'post_media', { postId });
      return m.alt === 'Kain batik biru di etalase toko';
    }, TIMEOUT, 'the alt text was not saved');
    await shot(driver, '21-media-problem');

    // One click: Instagram's crop of it, around the focal point.
    await (await problem.findElement(byTestId('media-fix'))).click();
    await driver.wait(async () => {
      const checks = await invoke(driver, 'post_media_checks', { postId });
      return checks.every((p) => p.severity !== 'error');
    }, TIMEOUT, 'the fix did not clear the errors');
    await driver.wait(async () => (await driver.findElements(
      By.css('[data-testid="media-problem"][data-severity="error"]'),
    )).length === 0, TIMEOUT, 'the problem is still shown');
    const [fixed] = await invoke(driver, 'post_media', { postId });
    assert.notEqual(fixed.hash, hash, 'a fixed copy took its place');
    assert.equal(fixed.format, 'jpeg');
    assert.ok(fixed.width / fixed.height <= 1.91 + 1e-6, `${fixed.width}x${fixed.height}`);
    assert.equal(fixed.alt, 'Kain batik biru di etalase toko', 'the alt text stayed');
    const library2 = await invoke(driver, 'media_library', { query: null });
    assert.ok(library2.some((m) => m.hash === hash), 'the original stays in the library');
    await shot(driver, '22-media-fixed');

    // The chip shows the picture.
    await driver.actions().sendKeys(Key.ESCAPE).perform();
    await find(driver, By.css(`td.fc-daygrid-day[data-date="${day}"] [data-testid="chip-thumbnail"]`), 'the thumbnail on the chip');
    await shot(driver, '23-media-chip');
  } finally {
    await driver.quit();
  }
});
