#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a real, unlocked GNOME
# Keyring (Secret Service) whose files live in a temporary HOME, so tests use
# the real keychain without touching the user's own.
#
#   bash src-tauri/crates/jadwal-secrets/tests/with-keyring.sh \
#       cargo test -p jadwal-secrets -- --ignored
#
# Needs the Debian packages dbus, gnome-keyring and libsecret-tools (the last
# for secret-tool, which the test uses to look into the keyring from outside).
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: $0 <command…>" >&2
  exit 2
fi

for tool in dbus-run-session dbus-send gnome-keyring-daemon secret-tool; do
  if ! command -v "$tool" >/dev/null; then
    echo "$0: $tool is missing; install the Debian packages dbus gnome-keyring libsecret-tools" >&2
    exit 1
  fi
done

# Inside the session: start the daemon, wait for it, run the command, stop it.
if [[ "${JADWAL_KEYRING_INNER:-}" != 1 ]]; then
  # The keyring's files and everything else the command writes under HOME go
  # to a folder removed afterwards. Cargo and rustup are found through their
  # own variables, which keep pointing at the real ones.
  tmp_home="$(mktemp -d -t jadwal-keyring-XXXXXX)"
  trap 'rm -rf "$tmp_home"' EXIT
  export CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
  export RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}"
  export HOME="$tmp_home" XDG_DATA_HOME="$tmp_home/.local/share" \
    XDG_CONFIG_HOME="$tmp_home/.config" XDG_CACHE_HOME="$tmp_home/.cache" \
    XDG_RUNTIME_DIR="$tmp_home/run"
  mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
  chmod 700 "$XDG_RUNTIME_DIR"
  set +e
  JADWAL_KEYRING_INNER=1 dbus-run-session -- bash "$0" "$@"
  status=$?
  set -e
  exit "$status"
fi

password="jadwal-test-keyring-$RANDOM$RANDOM"
# --foreground keeps the daemon as our child, so its PID is ours to stop;
# --unlock reads the login keyring's password from stdin and creates the
# keyring unlocked (encrypted on disk with that password).
gnome-keyring-daemon --foreground --unlock --components=secrets \
  >"$HOME/gnome-keyring.log" 2>&1 <<<"$password" &
daemon=$!
stop_daemon() {
  kill "$daemon" 2>/dev/null || true
  wait "$daemon" 2>/dev/null || true
}
trap stop_daemon EXIT

# Wait until the daemon owns org.freedesktop.secrets. A client that asked
# earlier would make D-Bus activate a second, locked daemon.
has_owner() {
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null |
    grep -q 'boolean true'
}
for _ in $(seq 1 100); do
  has_owner && break
  if ! kill -0 "$daemon" 2>/dev/null; then
    echo "$0: gnome-keyring-daemon exited early:" >&2
    cat "$HOME/gnome-keyring.log" >&2
    exit 1
  fi
  sleep 0.1
done
if ! has_owner; then
  echo "$0: gnome-keyring-daemon did not take org.freedesktop.secrets within 10 s" >&2
  cat "$HOME/gnome-keyring.log" >&2
  exit 1
fi

# The tests check this to know they run against this keyring, and where its
# files are (to show the secret is in none of them).
export JADWAL_KEYRING_SESSION=1 JADWAL_KEYRING_HOME="$HOME"
set +e
"$@"
status=$?
set -e
exit "$status"
