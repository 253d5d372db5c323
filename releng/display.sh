#!/usr/bin/env bash
# Prints an X display for the UI tests: $DISPLAY when set, else a private Xvfb started here, else
# "skip" (with why on stderr) when there is neither, unless DMABUFDIO_REQUIRE_DISPLAY is set.
# The Xvfb exits when its last client (the test workbench) disconnects (-terminate), and after
# an hour in any case, so a failed build leaves nothing running. $1: a directory for its log.
set -euo pipefail
if [ -n "${DISPLAY:-}" ]; then
  echo "$DISPLAY"
  exit 0
fi
enable="sudo apt-get install -y xvfb xauth libgtk-3-0"
# GTK 3, which SWT needs: the library where Debian and others put it, or wherever ldconfig knows
# (grep reads the whole list: with -q it would stop early, and ldconfig's SIGPIPE fail the pipe)
gtk() {
  compgen -G '/usr/lib/*/libgtk-3.so.0' >/dev/null || compgen -G '/usr/lib*/libgtk-3.so.0' >/dev/null ||
    { "$(command -v ldconfig || echo /sbin/ldconfig)" -p 2>/dev/null | grep 'libgtk-3\.so' >/dev/null; }
}
if ! command -v Xvfb >/dev/null || ! gtk; then
  # No display to be had: the UI tests are skipped (and say how to run them), unless the caller
  # requires them, as CI does (DMABUFDIO_REQUIRE_DISPLAY=1, set by .ci/run).
  if [ -n "${DMABUFDIO_REQUIRE_DISPLAY:-}" ]; then
    echo "UI tests need an X display: set DISPLAY, or install Xvfb and GTK: $enable" >&2
    exit 1
  fi
  echo "skip"
  echo "the Eclipse UI tests are SKIPPED: no X display, no Xvfb or no GTK; $enable runs them" >&2
  exit 0
fi
log="${1:-/tmp}/xvfb.log"
mkdir -p "$(dirname "$log")"
for n in $(seq 90 140); do
  [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] && continue
  setsid timeout 3600 Xvfb ":$n" -screen 0 1280x1024x24 -nolisten tcp -terminate </dev/null >"$log" 2>&1 &
  for _ in $(seq 1 50); do
    [ -e "/tmp/.X11-unix/X$n" ] && { echo ":$n"; exit 0; }
    sleep 0.1
  done
  echo "Xvfb did not start on :$n; see $log" >&2
  exit 1
done
echo "no free X display number between :90 and :140" >&2
exit 1
