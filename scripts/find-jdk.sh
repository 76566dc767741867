# Sourced by ./carlo, ./test and .ci/run: finds a JDK 21 or newer and exports JAVA_HOME.
# The machine's default java may be older (17); JDKs under /usr/lib/jvm are searched too.

carlo_java_version() {
  "$1/bin/java" -version 2>&1 | awk -F'"' '/version/ {print $2; exit}' | awk -F. '{print ($1 == "1") ? $2 : $1}'
}

carlo_find_jdk() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for d in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    [ -d "$d" ] && candidates+=("$d")
  done
  local best="" best_version=0 v
  for d in "${candidates[@]}"; do
    [ -x "$d/bin/java" ] && [ -x "$d/bin/javac" ] || continue
    v=$(carlo_java_version "$d")
    [[ "$v" =~ ^[0-9]+$ ]] || continue
    if [ "$v" -ge 21 ] && [ "$v" -gt "$best_version" ]; then
      best="$d"
      best_version="$v"
    fi
  done
  if [ -z "$best" ]; then
    echo "carlo: no JDK 21 or newer found (set JAVA_HOME or install one, e.g. apt-get install openjdk-21-jdk)" >&2
    return 1
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
}
