// App-level figures, on the real binary in a real window:
// - the round trip of a calendar month (and of a reschedule) from the web
//   view through IPC to SQLite and back, on a store of 100,000 posts;
// - the idle memory (PSS) of the app's whole process tree (the app and its
//   WebKit processes) next to an empty Tauri window's, same Tauri, same WebKit.
// Run by .ci/bench inside tests/e2e/with-display.sh. It prints; it does not fail.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { invoke, launch, newDataDir } from '../lib/app.mjs';

const APP = process.env.JADWAL_APP_BIN;
const CLI = process.env.JADWAL_CLI_BIN;
const EMPTY = process.env.EMPTY_WINDOW_BIN;
const POSTS = Number(process.env.BENCH_POSTS ?? 100000);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function children(pid) {
  const kids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) kids.push(Number(entry));
    } catch { /* the process ended meanwhile */ }
  }
  return kids;
}

function treePssKiB(root) {
  let total = 0;
  const names = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop();
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      const pss = Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0);
      total += pss;
      names.push(`${readFileSync(`/proc/${pid}/comm`, 'utf8').trim()} ${(pss / 1024).toFixed(0)} MiB`);
    } catch { /* ended */ }
    stack.push(...children(pid));
  }
  return { total, names };
}

async function idlePss(bin, args) {
  const runs = [];
  let names = [];
  for (let i = 0; i < 3; i++) {
    const child = spawn(bin, args, { stdio: 'ignore' });
    await sleep(10_000); // long enough to finish starting and settle
    const m = treePssKiB(child.pid);
    runs.push(m.total);
    names = m.names;
    child.kill('SIGTERM');
    await new Promise((r) => child.on('exit', r));
  }
  return { pss: median(runs), names };
}

async function roundTrips(dataDir) {
  const started = performance.now();
  const driver = await launch(dataDir);
  // From asking for a session (the app starts) to the month drawn, 100,000 posts in the store.
  const startMs = performance.now() - started;
  await driver.manage().setTimeouts({ script: 180_000 });
  try {
    const month = await driver.executeAsyncScript(`
      const done = arguments[0];
      (async () => {
        const t = [];
        let n = 0;
        for (let i = 0; i < 40; i++) {
          const s = performance.now();
          const rows = await window.__TAURI_INTERNALS__.invoke('calendar_posts', { from: '2026-11-01', to: '2026-12-01' });
          t.push(performance.now() - s);
          n = rows.length;
        }
        return { t: t.slice(5), n };
      })().then(done, (e) => done({ error: String(e) }));`);
    const posts = await invoke(driver, 'calendar_posts', { from: '2026-11-01', to: '2026-12-01' });
    const draft = posts.find((p) => p.status === 'draft');
    const moves = await driver.executeAsyncScript(`
      const [id, done] = arguments;
      (async () => {
        const t = [];
        // One move at a time, as a hand drags: the window refetches and
        // redraws the month after each, before the next one starts.
        for (let i = 0; i < 30; i++) {
          const s = performance.now();
          await window.__TAURI_INTERNALS__.invoke('reschedule_post', { id, at: i % 2 ? '2026-11-20T10:00' : '2026-11-21T11:15' });
          t.push(performance.now() - s);
          await new Promise((r) => setTimeout(r, 400));
        }
        return t.slice(5);
      })().then(done, (e) => done({ error: String(e) }));`, draft.id);
    return { month, moves, startMs };
  } finally {
    await driver.quit();
  }
}

const dataDir = newDataDir('bench');
execFileSync(CLI, ['--data-dir', dataDir, 'list', '--tray']);
execFileSync('python3', [new URL('./seed.py', import.meta.url).pathname, dataDir, String(POSTS)], { stdio: 'inherit' });

const { month, moves, startMs } = await roundTrips(dataDir);
if (month.error || moves.error) throw new Error(month.error ?? moves.error);
console.log(`\nstart to the month drawn (app launch through WebDriver, ${POSTS} posts): ${startMs.toFixed(0)} ms`);
console.log(`\nround trip, web view -> IPC -> SQLite -> web view (${POSTS} posts in the store):`);
console.log(`  month read (${month.n} posts): median ${median(month.t).toFixed(2)} ms, p95 ${p95(month.t).toFixed(2)} ms`);
console.log(`  reschedule: median ${median(moves).toFixed(2)} ms, p95 ${p95(moves).toFixed(2)} ms`);

const app = await idlePss(APP, ['--data-dir', newDataDir('idle')]);
const empty = await idlePss(EMPTY, []);
const ratio = app.pss / empty.pss;
console.log('\nidle memory, whole process tree (PSS, median of 3 starts, 10 s after start):');
console.log(`  empty Tauri window (peer): ${(empty.pss / 1024).toFixed(1)} MiB  [${empty.names.join(', ')}]`);
console.log(`  Jadwal:                    ${(app.pss / 1024).toFixed(1)} MiB  [${app.names.join(', ')}]`);
console.log(`  ratio ${ratio.toFixed(2)}x (target <= 1.3x: ${ratio <= 1.3 ? 'met' : 'MISSED'})`);
