#!/usr/bin/env bash
# Installs what the real-VS-Code tests need on a machine that reaches only the npm registry and
# Debian's packages: Debian's chromium (drives the workbench), ripgrep (VS Code's search binary,
# whose npm install would download from GitHub), libkrb5-dev (headers for the kerberos addon),
# and code-server (VS Code's server + web workbench, same extension host as the desktop) into
# .vscode-test/code-server. code-server's own postinstall downloads binaries, so every step is
# done here by hand (see shared/notes/real-vscode-offline.md). A marker file makes a second run
# a no-op; it records the Node ABI too, because the native addons are built for it.
#
# Usage: scripts/install-vscode.sh [--force]
#   CODE_SERVER_DIR overrides the install folder (default: <repo>/.vscode-test/code-server).
set -euo pipefail

VERSION=4.100.3
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="${CODE_SERVER_DIR:-$ROOT/.vscode-test/code-server}"
MARKER="$DEST/.installed"
NATIVE_MODULES=(@parcel/watcher @vscode/spdlog kerberos native-watchdog node-pty @vscode/deviceid)

log() { printf '[install-vscode] %s\n' "$*"; }
die() { printf '[install-vscode] ERROR: %s\n' "$*" >&2; exit 1; }
trap 'rc=$?; [ $rc -ne 0 ] && printf "[install-vscode] FAILED (exit %s) at line %s: %s\n" "$rc" "$LINENO" "$BASH_COMMAND" >&2' ERR
step_start=$SECONDS
step() { log "$* (t+$((SECONDS - step_start))s)"; }

want_marker="code-server@$VERSION node-abi=$(node -p process.versions.modules)"

# --- Debian packages -------------------------------------------------------------------------
missing=()
for pkg in chromium libkrb5-dev ripgrep; do
  if [ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)" != "install ok installed" ]; then
    missing+=("$pkg")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "Debian packages missing (${missing[*]}) and not root without sudo; install them: apt-get install ${missing[*]}"
    SUDO="sudo"
  fi
  step "installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -q || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${missing[@]}" \
    || die "apt-get install ${missing[*]} failed"
else
  log "Debian packages present: chromium libkrb5-dev ripgrep"
fi
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium not found after installing the chromium package"
[ -x /usr/bin/rg ] || die "/usr/bin/rg not found after installing the ripgrep package"

# --- code-server -----------------------------------------------------------------------------
if [ "${1:-}" != "--force" ] && [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$want_marker" ]; then
  log "code-server@$VERSION already installed in $DEST (marker: $want_marker)"
  exit 0
fi

command -v npm >/dev/null || die "npm not found"
command -v python3 >/dev/null || die "python3 not found (node-gyp needs it)"
command -v make >/dev/null || die "make not found (node-gyp needs it)"
command -v g++ >/dev/null || die "g++ not found (node-gyp needs it)"

# node-gyp must build against the local Node headers: fetching them from the internet fails here.
NODE_PREFIX="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
if [ -f "$NODE_PREFIX/include/node/node.h" ]; then
  export npm_config_nodedir="$NODE_PREFIX"
else
  log "warning: no Node headers under $NODE_PREFIX/include/node; node-gyp will try to download them"
fi
NODE_GYP="$(npm root -g 2>/dev/null)/npm/node_modules/node-gyp/bin/node-gyp.js"
[ -f "$NODE_GYP" ] || die "npm's bundled node-gyp not found at $NODE_GYP"
# Native builds as root need this, and nothing here may download a prebuilt binary.
export npm_config_unsafe_perm=true npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

rm -rf "$DEST"
mkdir -p "$DEST"
cd "$DEST"
printf '{ "name": "code-server-cache", "private": true }\n' > package.json

step "npm install --ignore-scripts code-server@$VERSION"
npm install --ignore-scripts --loglevel=error "code-server@$VERSION" \
  || die "npm install code-server@$VERSION failed"

step "npm rebuild argon2 (from source)"
npm rebuild argon2 --loglevel=error || die "npm rebuild argon2 failed"

VSCODE_DIR="$DEST/node_modules/code-server/lib/vscode"
[ -d "$VSCODE_DIR" ] || die "$VSCODE_DIR missing: unexpected code-server layout"
cd "$VSCODE_DIR"
step "npm install --omit=dev --ignore-scripts in lib/vscode"
npm install --omit=dev --ignore-scripts --loglevel=error || die "npm install in lib/vscode failed"

for mod in "${NATIVE_MODULES[@]}"; do
  [ -d "node_modules/$mod" ] || die "native module $mod missing in lib/vscode/node_modules"
  step "node-gyp rebuild $mod"
  (cd "node_modules/$mod" && node "$NODE_GYP" rebuild --jobs=max --loglevel=error >"$DEST/node-gyp-${mod//\//_}.log" 2>&1) \
    || { tail -40 "$DEST/node-gyp-${mod//\//_}.log" >&2; die "node-gyp rebuild of $mod failed (log: $DEST/node-gyp-${mod//\//_}.log)"; }
  ls "node_modules/$mod"/build/Release/*.node >/dev/null 2>&1 || die "node-gyp rebuild of $mod produced no .node file"
done

step "linking /usr/bin/rg as @vscode/ripgrep's binary; node_modules.asar -> node_modules"
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
ln -sfn node_modules node_modules.asar

step "npm install --omit=dev in lib/vscode/extensions"
# Its postinstall lists every file it prunes; keep that in a log, shown only on failure.
(cd extensions && npm install --omit=dev --loglevel=error >"$DEST/extensions-install.log" 2>&1) \
  || { tail -40 "$DEST/extensions-install.log" >&2; die "npm install in lib/vscode/extensions failed"; }

# A smoke check: the entry point runs and reports its version. code-server writes a default
# config on any start, so point it at a throwaway home rather than the user's.
smoke_home="$(mktemp -d)"
got="$(XDG_CONFIG_HOME="$smoke_home" XDG_DATA_HOME="$smoke_home" \
  node "$DEST/node_modules/code-server/out/node/entry.js" --version 2>/dev/null | grep -E "^$VERSION " || true)"
rm -rf "$smoke_home"
[ -n "$got" ] || die "code-server --version did not report $VERSION"

printf '%s' "$want_marker" > "$MARKER"
step "done: code-server $got in $DEST ($(du -sh "$DEST" | cut -f1))"
