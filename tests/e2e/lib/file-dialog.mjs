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

/** The titles of the visible windows, for a message when a dialog is missing. */
function windowNames() {
  const found = xdotool(['search', '--onlyvisible', '--name', '.']);
  return found.stdout
    .split('\n')
    .filter(Boolean)
    .map((id) => xdotool(['getwindowname', id]).stdout.trim());
}

/** The id of the newest visible window whose title matches, or null. */
function windowNamed(title) {
  const found = xdotool(['search', '--onlyvisible', '--name', title]);
  const ids = found.stdout.split('\n').filter(Boolean);
  return ids.length > 0 ? ids[ids.length - 1] : null;
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
