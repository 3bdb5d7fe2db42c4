#!/usr/bin/env bash
# Neovim from Debian, for the test that drives the server from a second real LSP client.
set -euo pipefail
if command -v nvim >/dev/null 2>&1; then
  echo "[install-nvim] $(nvim --version | head -n 1) already installed"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "[install-nvim] ERROR: neovim is missing and installing it needs root (apt-get install neovim)" >&2
  exit 1
fi
echo "[install-nvim] apt-get install neovim"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends neovim >/dev/null
nvim --version | head -n 1
