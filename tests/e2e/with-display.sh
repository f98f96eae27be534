#!/usr/bin/env bash
# Runs a command with a real window around it: Xvfb for a screen and
# tauri-driver in front of WebKitWebDriver, both ended afterwards.
#   with-display.sh                    the end-to-end tests (Node's test runner)
#   with-display.sh node some.mjs      anything else that drives the app
# Screenshots land in tests/e2e/screenshots/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.."
. .ci/env
[ -x "$JADWAL_APP_BIN" ] || { echo "build the app first: $JADWAL_APP_BIN is missing" >&2; exit 1; }

export E2E_SCREENSHOTS="$here/screenshots"
rm -rf "$E2E_SCREENSHOTS"; mkdir -p "$E2E_SCREENSHOTS"
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# A private X display.
display=""
for n in $(seq 90 140); do
  if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then display=":$n"; break; fi
done
[ -n "$display" ] || { echo "no free X display" >&2; exit 1; }
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
export DISPLAY="$display"
# Services the session bus starts on demand (the desktop portal that shows
# the system's file dialogs) must find this screen too.
if [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] && command -v dbus-update-activation-environment >/dev/null; then
  dbus-update-activation-environment DISPLAY XAUTHORITY 2>/dev/null || true
fi

# The data and settings of the app under test stay in the temporary folder.
export HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share" XDG_CONFIG_HOME="$work/home/.config"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
export TZ=Asia/Jakarta LANG=en_US.UTF-8
export E2E_WORK="$work"

port=$(free_port); native_port=$(free_port)
tauri-driver --port "$port" --native-port "$native_port" --native-driver "$(command -v WebKitWebDriver)" \
  >"$work/tauri-driver.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done
export TAURI_DRIVER_PORT="$port"

status=0
if [ $# -eq 0 ]; then
  (cd "$here" && node --test --test-concurrency=1 ./*.test.mjs) || status=$?
else
  "$@" || status=$?
fi
if [ "$status" != 0 ]; then
  echo "--- tauri-driver log (last lines)"; tail -n 40 "$work/tauri-driver.log" || true
fi
echo "screenshots: $E2E_SCREENSHOTS"
exit "$status"
