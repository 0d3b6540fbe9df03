#!/usr/bin/env bash
# The whole test suite: type checks, lint, unit tests, the corpus figures and the end-to-end tests.
# Installs nothing from npm (run `npm ci` first); installs Debian's Chromium when it is missing and
# we are root, or says exactly what to run.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "type check (tsc; rules/ again without the DOM library)"
npm run --silent compile

step "lint (typescript-eslint + import boundaries)"
npm run --silent lint

if [ ! -x /usr/bin/chromium ]; then
  step "Debian's Chromium (tests/browser and e2e drive /usr/bin/chromium)"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing. Run: sudo apt-get update && sudo apt-get install -y chromium" >&2
    exit 1
  fi
fi

step "unit tests (vitest)"
npx vitest run

step "corpus figures (npm run eval)"
npm run --silent eval

step "end-to-end tests (Playwright + Debian Chromium, production build, practice pages)"
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
  else
    echo "Chromium is missing at $chromium. Install it with: sudo apt-get update && sudo apt-get install -y chromium" >&2
    exit 1
  fi
fi
npm run --silent e2e
