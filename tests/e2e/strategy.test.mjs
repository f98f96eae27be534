// The plan, in the real app window: write a SWOT point, add a pillar with
// its share, a goal and a rhythm on the Strategy screen; then find the week
// that falls short of the rhythm on the calendar and fill one of its free
// slots from there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { By, Key, until } from 'selenium-webdriver';
import { TIMEOUT, addDays, byTestId, click, find, invoke, launch, newDataDir, shot } from './lib/app.mjs';

/** Brings an element of the scrolling dialog into the middle of the view. */
async function reveal(driver, locator, what) {
  const el = await find(driver, locator, what);
  await driver.executeScript('arguments[0].scrollIntoView({ block: "center" })', el);
  return el;
}

/** Clicks an element of the scrolling dialog, as a person would after scrolling to it. */
async function press(driver, locator, what) {
  const el = await reveal(driver, locator, what);
  await el.click();
  return el;
}

/** Types into a field the way a person does, after clearing it. */
async function typeInto(driver, locator, text, what) {
  const el = await reveal(driver, locator, what);
  await el.clear();
  await el.sendKeys(text);
  return el;
}

test('plan on the Strategy screen, then fill a plan gap from the calendar', async () => {
  const driver = await launch(newDataDir('strategy'));
  try {
    // A channel to plan for.
    await click(driver, byTestId('channels-button'), 'channels button');
    await typeInto(driver, byTestId('channel-name'), 'Toko Telegram', 'channel name');
    const network = await find(driver, byTestId('channel-network'));
    await network.findElement(By.css('option[value="telegram"]')).click();
    await click(driver, byTestId('channel-add'), 'add channel');
    await driver.wait(async () => (await invoke(driver, 'list_channels')).length === 1, TIMEOUT, 'channel not saved');
    await driver.actions().sendKeys(Key.ESCAPE).perform();

    const { nowLocal } = await invoke(driver, 'app_state');
    const today = nowLocal.slice(0, 10);

    await click(driver, byTestId('strategy-button'), 'Strategy in the header');
    const dialog = await find(driver, byTestId('strategy'), 'strategy dialog');

    // 1. Situation: a strength.
    await typeInto(driver, byTestId('swot-input-strengths'), 'Roti segar setiap pagi', 'strength');
    await press(driver, byTestId('swot-add-strengths'), 'add strength');
    await driver.wait(
      until.elementLocated(By.xpath('//*[@data-testid="swot-strengths"]//*[text()="Roti segar setiap pagi"]')),
      TIMEOUT,
      'the strength is not on the board',
    );
    assert.deepEqual((await invoke(driver, 'strategy')).swot.map((i) => i.text), ['Roti segar setiap pagi']);

    // 2. A goal: too low a target is refused in words, then a right one is kept.
    await typeInto(driver, byTestId('goal-target'), '0', 'goal target');
    const ends = await reveal(driver, byTestId('goal-ends'), 'goal end');
    // WebKit shows a date field as month / day / year (en-US): type it that way.
    const end = addDays(today, 30);
    await ends.sendKeys(`${end.slice(5, 7)}/${end.slice(8, 10)}/${end.slice(0, 4)}`);
    await press(driver, byTestId('goal-save'), 'add goal');
    const problem = await find(driver, byTestId('goal-problem'), 'goal problem');
    assert.match(await problem.getText(), /The target must be a number above zero/);
    await typeInto(driver, byTestId('goal-target'), '500', 'goal target');
    const measure = await find(driver, byTestId('goal-measure'));
    await measure.findElement(By.css('option[value="followers"]')).click();
    await press(driver, byTestId('goal-save'), 'add goal');
    await find(driver, byTestId('goal-row'), 'the goal in the list');
    const [goal] = await invoke(driver, 'strategy').then((s) => s.goals);
    assert.equal(goal.measure, 'followers');
    assert.equal(goal.target, 500);
    assert.equal(goal.ends, addDays(today, 30), 'the end typed into the date field');

    // 4. A pillar with its share.
    await typeInto(driver, byTestId('pillar-name'), 'Edukasi', 'pillar name');
    await typeInto(driver, byTestId('pillar-share-input'), '40', 'pillar share');
    await press(driver, byTestId('pillar-save'), 'add pillar');
    await find(driver, byTestId('pillar-row'), 'the pillar in the list');
    const total = await find(driver, byTestId('pillar-total'));
    assert.match(await total.getText(), /60% is not given to a pillar yet/);

    // 5. Rhythm: three posts a week on the channel.
    await typeInto(driver, byTestId('rhythm-input'), '3', 'rhythm');
    await press(driver, byTestId('rhythm-set'), 'set rhythm');
    await driver.wait(
      async () => (await invoke(driver, 'strategy')).rhythm.some((r) => r.postsPerWeek === 3),
      TIMEOUT,
      'rhythm not saved',
    );
    await driver.executeScript('arguments[0].querySelector(".modal__body").scrollTop = 0', dialog);
    await shot(driver, 'strategy-01-screen');
    await driver.executeScript(
      'arguments[0].querySelector("#plan-pillars").scrollIntoView({ block: "start" })',
      dialog,
    );
    await shot(driver, 'strategy-02-pillars-rhythm');
    await click(driver, byTestId('strategy-done'), 'close strategy');
    await driver.wait(until.stalenessOf(dialog), TIMEOUT, 'strategy dialog did not close');

    // The calendar: the plan's gaps beside it and the free days on it.
    const panel = await find(driver, byTestId('plan-gaps'), 'plan gaps panel');
    await find(driver, byTestId('plan-gap-rhythm'), 'a week under the rhythm');
    assert.match(await panel.getText(), /Toko Telegram, week of .*: 0 of 3 posts/);
    assert.match(await panel.getText(), /Edukasi: 0% of posts, target 40%|has no posts yet/);
    const slotDay = await find(driver, By.css('td.fc-daygrid-day.day--plan-slot'), 'a free day on the calendar');
    await find(driver, By.css('.fc-bg-event.plan-slot'), 'a free slot as a background event');
    await shot(driver, 'strategy-03-calendar-gaps');

    // Click the free day: a new draft on that day, at the slot's time, for the channel.
    const day = await slotDay.getAttribute('data-date');
    const gapsBefore = await invoke(driver, 'plan_gaps', { from: day, to: addDays(day, 1) });
    const slot = gapsBefore.rhythm[0].slots.find((s) => s.startsWith(day));
    assert.ok(slot, `a slot on ${day}`);
    await driver.executeScript('arguments[0].scrollIntoView({ block: "center" })', slotDay);
    await slotDay.findElement(By.css('.fc-daygrid-day-frame')).click();
    const editor = await find(driver, byTestId('editor'), 'editor');
    assert.equal(await (await find(driver, byTestId('editor-date'))).getAttribute('value'), day);
    assert.equal(await (await find(driver, byTestId('editor-time'))).getAttribute('value'), slot.slice(11, 16));
    const channel = await find(driver, byTestId('editor-channel'));
    assert.equal(await channel.getAttribute('aria-pressed'), 'true', 'the slot channel is picked');
    await (await find(driver, byTestId('editor-text'))).sendKeys('Tips menyimpan roti agar tetap lembut');
    await shot(driver, 'strategy-04-draft-from-slot');
    await click(driver, byTestId('save-draft'), 'save draft');
    await click(driver, byTestId('editor-close'), 'close editor').catch(() => {});
    await driver.wait(until.stalenessOf(editor), TIMEOUT, 'editor did not close');

    // The post is there, and that week is one post closer to its rhythm.
    const [post] = await invoke(driver, 'calendar_posts', { from: day, to: addDays(day, 1) });
    assert.equal(post.start, slot);
    const week = gapsBefore.rhythm[0].weekStart;
    const after = await invoke(driver, 'plan_gaps', { from: week, to: addDays(week, 7) });
    const sameWeek = after.rhythm.find((g) => g.weekStart === week);
    assert.equal(sameWeek?.planned, 1);
    await driver.wait(
      async () => !(await driver.findElements(By.css(`td[data-date="${day}"].day--plan-slot`))).length,
      TIMEOUT,
      'the filled day is still offered',
    );
    assert.equal((await driver.findElements(By.css(`td[data-date="${day}"] [data-testid="day-slot"]`))).length, 0);
    const number = await find(driver, By.css(`td[data-date="${day}"] .fc-daygrid-day-number`));
    assert.equal(await number.getText(), String(Number(day.slice(8, 10))), 'the day number is drawn once');
    await shot(driver, 'strategy-05-slot-filled');
  } catch (e) {
    await shot(driver, 'strategy-failed').catch(() => {});
    throw e;
  } finally {
    await driver.quit();
  }
});
