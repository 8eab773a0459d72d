#!/usr/bin/env bash
# Installs code-server (VS Code's server build) plus the system packages the integration and e2e
# tests need, into the ignored cache folder .vscode-test/code-server/. Idempotent: when everything
# is already there it returns in well under a second.
#
# Why not a devDependency: code-server's postinstall only accepts Node 20, builds native modules
# and downloads ripgrep from GitHub (no internet here), so it lives outside the project's tree.
set -euo pipefail

VERSION="4.100.3"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${CODE_SERVER_CACHE:-$ROOT/.vscode-test/code-server}"
ENTRY="$CACHE/node_modules/code-server/out/node/entry.js"
MARKER="$CACHE/.installed-$VERSION"

# Any code-server call without --config writes ~/.config and ~/.local/share: keep that in the cache.
export XDG_CONFIG_HOME="$CACHE/xdg/config"
export XDG_DATA_HOME="$CACHE/xdg/data"
export XDG_CACHE_HOME="$CACHE/xdg/cache"

log() { printf '[install-code-server] %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root (or sudo) to run: $*"; exit 1
  fi
}

# --- 1. system packages (only when something is missing) ---------------------------------------
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v rg >/dev/null || missing+=(ripgrep)
# A small CJK font, so Chinese names are readable in the e2e screenshots (not tofu boxes).
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || missing+=(fonts-wqy-microhei)
# libkrb5-dev, compilers and python are only needed to build code-server's native modules.
if [ ! -f "$MARKER" ]; then
  dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
  command -v make >/dev/null && command -v g++ >/dev/null || missing+=(build-essential)
  command -v pkg-config >/dev/null || missing+=(pkg-config)
  command -v python3 >/dev/null || missing+=(python3)
fi
if [ "${#missing[@]}" -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- 2. code-server itself (cached) ---------------------------------------------------------------
if [ -f "$MARKER" ] && [ -f "$ENTRY" ]; then
  log "code-server $VERSION already installed in $CACHE"
  exit 0
fi

# @vscode/ripgrep@1.15.11 looks in this cache before downloading from GitHub: seed it with
# Debian's rg so the install works offline.
TMP_ROOT="$(node -p 'require("os").tmpdir()')"
RG_CACHE="$TMP_ROOT/vscode-ripgrep-cache-1.15.11"
case "$(uname -m)" in
  x86_64) RG_TARGET="x86_64-unknown-linux-musl" ;;
  aarch64 | arm64) RG_TARGET="aarch64-unknown-linux-musl" ;;
  *) RG_TARGET="$(uname -m)-unknown-linux-gnu" ;;
esac
RG_TARBALL="$RG_CACHE/ripgrep-v13.0.0-10-$RG_TARGET.tar.gz"
if [ ! -f "$RG_TARBALL" ]; then
  log "seeding ripgrep cache $RG_TARBALL"
  mkdir -p "$RG_CACHE"
  staging="$(mktemp -d)"
  cp "$(command -v rg)" "$staging/rg"
  tar -czf "$RG_TARBALL" -C "$staging" rg
  rm -rf "$staging"
fi

# Its own package.json, or npm walks up and installs into the project's node_modules.
mkdir -p "$CACHE" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME"
[ -f "$CACHE/package.json" ] || echo '{"private":true}' >"$CACHE/package.json"

log "npm install code-server@$VERSION (about a minute)"
start=$(date +%s)
# As root the postinstall needs unsafe_perm; node-pty's build runs `npx node-gyp`, which needs yes.
(cd "$CACHE" && npm_config_yes=true npm_config_unsafe_perm=true \
  npm install --no-audit --no-fund --loglevel=error --save-exact "code-server@$VERSION")

if [ ! -f "$ENTRY" ]; then
  log "install finished but $ENTRY is missing"
  exit 1
fi
# The first call may log a line before the version: look for the "X.Y.Z <commit> with Code" line.
installed="$(node "$ENTRY" --version 2>/dev/null | awk '/ with Code /{print $1}')"
if [ "$installed" != "$VERSION" ]; then
  log "unexpected code-server version: '$installed' (wanted $VERSION)"
  exit 1
fi
touch "$MARKER"
log "code-server $installed installed in $(($(date +%s) - start)) s"
