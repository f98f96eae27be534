#!/usr/bin/env bash
# Runs a command with a real Bluesky PDS (and did:plc directory) on
# 127.0.0.1, started fresh for this run and stopped afterwards:
#
#   bash src-tauri/crates/jadwal-channels/tests/pds/with-pds.sh \
#       cargo test -p jadwal-channels -- --ignored
#
# The command sees JADWAL_TEST_PDS_URL, JADWAL_TEST_PDS_HANDLE,
# JADWAL_TEST_PDS_DID, JADWAL_TEST_PDS_APP_PASSWORD, JADWAL_TEST_PDS_OTHER_HANDLE
# and JADWAL_TEST_PDS_OTHER_DID. Needs Node 20 and npm; better-sqlite3 builds
# from source, so also build-essential and python3 (Debian).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

if [[ $# -eq 0 ]]; then
  echo "usage: $0 <command…>" >&2
  exit 2
fi
for tool in node npm; do
  command -v "$tool" >/dev/null || { echo "$0: $tool is missing (Node 20)" >&2; exit 1; }
done

# better-sqlite3 compiles against the installed Node's headers (its prebuilt
# binary would be downloaded from outside the package registry).
export npm_config_nodedir="${npm_config_nodedir:-/usr}"
sqlite_ok() { (cd "$here" && node -e "new (require('better-sqlite3'))(':memory:')" 2>/dev/null); }
if [[ ! -d "$here/node_modules/@atproto/pds" || ! -d "$here/node_modules/@did-plc/server" ]]; then
  echo "with-pds: installing the PDS (npm ci, a few minutes the first time)" >&2
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi
if ! sqlite_ok; then
  (cd "$here" && npm rebuild better-sqlite3 --loglevel=error >&2)
  sqlite_ok || { echo "$0: better-sqlite3 does not load; install build-essential python3" >&2; exit 1; }
fi

work="$(mktemp -d -t jadwal-pds-XXXXXX)"
node "$here/server.mjs" "$work/pds" >"$work/server.json" 2>"$work/server.log" &
server=$!
cleanup() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

for _ in $(seq 1 600); do
  [[ -s "$work/server.json" ]] && break
  if ! kill -0 "$server" 2>/dev/null; then
    echo "$0: the PDS did not start:" >&2
    cat "$work/server.log" >&2
    exit 1
  fi
  sleep 0.1
done
if [[ ! -s "$work/server.json" ]]; then
  echo "$0: the PDS did not start within 60 s:" >&2
  cat "$work/server.log" >&2
  exit 1
fi

field() { node -e 'const c = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8").split("\n")[0]); console.log(c[process.argv[2]])' "$work/server.json" "$1"; }
export JADWAL_TEST_PDS_URL="$(field url)"
export JADWAL_TEST_PDS_HANDLE="$(field handle)"
export JADWAL_TEST_PDS_DID="$(field did)"
export JADWAL_TEST_PDS_APP_PASSWORD="$(field appPassword)"
export JADWAL_TEST_PDS_OTHER_HANDLE="$(field otherHandle)"
export JADWAL_TEST_PDS_OTHER_DID="$(field otherDid)"
echo "with-pds: PDS at $JADWAL_TEST_PDS_URL (pid $server), account $JADWAL_TEST_PDS_HANDLE" >&2

set +e
"$@"
status=$?
set -e
exit "$status"
