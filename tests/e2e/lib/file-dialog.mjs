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

/**
 * A window's title, read as UTF-8 by xprop. xdotool cannot be asked: it
 * reads titles through the C locale, where one with a letter outside ASCII
 * ("Choose a CSV file…", "Pilih file CSV…") fails to convert, so its
 * searches by name never find such a window.
 */
function titleOf(id) {
  const run = spawnSync('xprop', ['-id', id, '-notype', '_NET_WM_NAME'], {
    encoding: 'utf8',
    timeout: 10_000,
    env: { ...process.env, LC_ALL: 'C.UTF-8' },
  });
  if (run.error) throw new Error(`xprop is missing (bash .ci/install adds it): ${run.error.message}`);
  const quoted = /= "(.*)"$/.exec(run.stdout.trim());
  return quoted ? quoted[1].replace(/\\(.)/g, '$1') : '';
}

/** The visible windows, oldest first, with their titles. */
function visibleWindows() {
  const found = xdotool(['search', '--onlyvisible', '--class', '.']);
  return found.stdout
    .split('\n')
    .filter(Boolean)
    .map((id) => ({ id, title: titleOf(id) }));
}

/** The titles of the visible windows, for a message when a dialog is missing. */
function windowNames() {
  return visibleWindows().map((w) => w.title);
}

/** The id of the newest visible window titled `title`, or null. */
function windowNamed(title) {
  const matching = visibleWindows().filter((w) => w.title === title);
  return matching.length > 0 ? matching[matching.length - 1].id : null;
}

/**
 * Waits for a file dialog titled `title` (Save, Open or a folder picker) and
 * gives it `path`: Ctrl+A selects what the name field holds, the typed path
 * replaces it (a leading "/" opens an Open dialog's location field), Enter
 * takes it. Keys that arrive while GTK is still building the dialog are
 * lost, so a dialog still open two seconds later is answered again, up to
 * three times.
 */
export async function answerFileDialog(title, path, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  let id = null;
  while (!id && Date.now() < deadline) {
    id = windowNamed(title);
    if (!id) await new Promise((r) => setTimeout(r, 250));
  }
  if (!id) throw new Error(`no file dialog titled "${title}" appeared; windows: ${windowNames().join(' | ')}`);
  for (let attempt = 0; attempt < 3 && windowNamed(title); attempt += 1) {
    await new Promise((r) => setTimeout(r, 1000));
    xdotool(['windowfocus', '--sync', id]);
    xdotool(['key', '--clearmodifiers', 'ctrl+a']);
    xdotool(['type', '--delay', '20', path]);
    await new Promise((r) => setTimeout(r, 300));
    xdotool(['key', 'Return']);
    await new Promise((r) => setTimeout(r, 2000));
  }
  if (windowNamed(title)) throw new Error(`the file dialog "${title}" did not take ${path}`);
}
