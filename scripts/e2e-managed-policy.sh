#!/usr/bin/env bash
# Managed-policy e2e: real Chromium reads a real policy file from /etc/chromium/policies/managed.
# Other Chromiums on this machine read the same folder, so the tests run in a private mount namespace
# (unshare -Urm) where a writable copy of /etc/chromium is bind-mounted over it: the machine's /etc is
# never written. Works as root (CI) and as a user where unprivileged user namespaces are enabled.
# Extra arguments go to `playwright test` (e.g. -g "dark mode").
set -euo pipefail
cd "$(dirname "$0")/.."

# `npm test` installs Chromium first when it can (scripts/test-all.sh).
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "Chromium is missing at $chromium. Install it with: sudo apt-get update && sudo apt-get install -y chromium" >&2
  exit 1
fi
if [ ! -d /etc/chromium ]; then
  echo "/etc/chromium does not exist (Debian's chromium package creates it); it is needed as the mount point." >&2
  exit 1
fi
if ! unshare -Urm true 2>/dev/null; then
  echo "Cannot create a private mount namespace (unshare -Urm). Run as root, or enable unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1)." >&2
  exit 1
fi

# The production build with the fixed development ID (the `key` only goes into non-production modes).
npx wxt build --mode e2e >/dev/null

overlay="$(mktemp -d)"
trap 'rm -rf "$overlay"' EXIT
cp -a /etc/chromium/. "$overlay"/
mkdir -p "$overlay/policies/managed"
token="$$-$RANDOM-$RANDOM"
printf '%s\n' "$token" >"$overlay/.second-look-policy-sandbox"

SECOND_LOOK_POLICY_SANDBOX="$token" unshare -Urm sh -c 'mount --bind "$0" /etc/chromium && exec "$@"' \
  "$overlay" npx playwright test --config tests/e2e/managed-policy/playwright.config.ts "$@"
