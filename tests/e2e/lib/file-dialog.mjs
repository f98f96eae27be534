// Answers the system's file dialog (GTK's, which the app opens from Rust) the
// way a person would: wait for the dialog's window, give it the keyboard,
// type the full path into its name field and press Enter. WebDriver cannot
// reach these windows; xdotool sends real key presses through XTEST.
import { spawnSync } from 'node:child_process';

function xdotool(args) {
  const run = spawnSync('xdotool', args, { encoding: 'utf8', timeout: 30_000 });
  if (run.error) throw new Error(`xdotool is missing (bash .ci/install adds it): ${run.error.message}`);
  return run;
}

/** The id of the newest visible window whose title matches, or null. */
function windowNamed(title) {
  const found = xdotool(['search', '--onlyvisible', '--name', title]);
  const ids = found.stdout.split('\n').filter(Boolean);
  return ids.length > 0 ? ids[ids.length - 1] : null;
}

/** Waits up to `timeout` ms for a dialog titled `title`, then saves/opens `path` in it. */
export async function answerFileDialog(title, path, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  let id = null;
  while (!id && Date.now() < deadline) {
    id = windowNamed(title);
    if (!id) await new Promise((r) => setTimeout(r, 250));
  }
  if (!id) throw new Error(`no file dialog titled "${title}" appeared`);
  // Let GTK finish building the dialog before keys arrive.
  await new Promise((r) => setTimeout(r, 1000));
  xdotool(['windowfocus', '--sync', id]);
  // Ctrl+L opens the location field in an Open dialog; in a Save dialog
  // the name field already has the keyboard and Ctrl+A selects its text.
  xdotool(['key', '--clearmodifiers', 'ctrl+a']);
  xdotool(['type', '--delay', '20', path]);
  await new Promise((r) => setTimeout(r, 300));
  xdotool(['key', 'Return']);
}

/**
 * Waits for a folder picker titled `title` and chooses `folder` in it: the
 * path typed (a leading "/" opens GTK's location field), Enter selects it.
 * A picker still open a few seconds later (keys that arrived while GTK was
 * still building it) is answered again, up to three times.
 */
export async function answerFolderDialog(title, folder, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  let id = null;
  while (!id && Date.now() < deadline) {
    id = windowNamed(title);
    if (!id) await new Promise((r) => setTimeout(r, 250));
  }
  if (!id) throw new Error(`no folder picker titled "${title}" appeared`);
  for (let attempt = 0; attempt < 3 && windowNamed(title); attempt += 1) {
    await new Promise((r) => setTimeout(r, 1000));
    xdotool(['windowfocus', '--sync', id]);
    xdotool(['key', '--clearmodifiers', 'ctrl+a']);
    xdotool(['type', '--delay', '20', folder]);
    await new Promise((r) => setTimeout(r, 300));
    xdotool(['key', 'Return']);
    await new Promise((r) => setTimeout(r, 2000));
  }
  if (windowNamed(title)) throw new Error(`the folder picker "${title}" did not take ${folder}`);
}
