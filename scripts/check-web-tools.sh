# Sourced by ./test and ./carlo: the web module is built with the machine's Node.js and npm, and its
# browser tests drive Debian's Chromium. Say so clearly, before Maven starts, when one is missing.

carlo_check_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "carlo: the web UI is built with Node.js 20.19+ and npm, which are not installed" >&2
    return 1
  fi
  local version major minor
  version="$(node --version | sed 's/^v//')"
  major="${version%%.*}"
  minor="$(echo "$version" | cut -d. -f2)"
  if [ "$major" -lt 20 ] || { [ "$major" -eq 20 ] && [ "$minor" -lt 19 ]; }; then
    echo "carlo: the web UI needs Node.js 20.19 or newer (Vite 8); this machine has $version" >&2
    return 1
  fi
}

carlo_check_browser() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    echo "carlo: the browser tests need Debian's Chromium and its driver at /usr/bin/chromium and" >&2
    echo "       /usr/bin/chromedriver: apt-get install chromium chromium-driver (.ci/run installs them)" >&2
    return 1
  fi
}
