#!/usr/bin/env bash
# The whole test suite: type checks, lint, unit tests, the corpus figures and the end-to-end tests
# (the managed-policy ones in a private mount namespace).
# Installs nothing from npm (run `npm ci` first); installs Debian's Chromium when it is missing and
# we are root, or says exactly what to run.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "type check (tsc; rules/ again without the DOM library)"
npm run --silent compile

step "lint (typescript-eslint + import boundaries)"
npm run --silent lint

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  step "Debian's Chromium (browser unit tests and e2e drive it)"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing at $chromium. Install it with: sudo apt-get update && sudo apt-get install -y chromium" >&2
    exit 1
  fi
fi

step "unit tests (vitest)"
npx vitest run

step "corpus figures (npm run eval)"
npm run --silent eval

step "end-to-end tests (Playwright + Debian Chromium, production build, practice pages)"
npm run --silent e2e

step "managed-policy end-to-end tests (Chromium reads a real policy file in a private mount namespace)"
bash scripts/e2e-managed-policy.sh
