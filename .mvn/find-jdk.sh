# shellcheck shell=sh
# Sourced by ./mvnw, ./danvan and .ci/run: points JAVA_HOME at a JDK 21 or newer, looking at JAVA_HOME,
# then the java on PATH, then the newest JDK under /usr/lib/jvm. POSIX sh, so that mvnw can source it.

danvan_java_major() {
  "$1" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n 1
}

danvan_find_jdk() {
  for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java 2>/dev/null || true)" \
      $(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -r -V); do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    major=$(danvan_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      candidate=$(readlink -f "$candidate")
      JAVA_HOME=$(dirname "$(dirname "$candidate")")
      export JAVA_HOME
      return 0
    fi
  done
  echo "danvan needs a JDK 21 or newer: none found in JAVA_HOME, on PATH or under /usr/lib/jvm." >&2
  echo "Install one (e.g. apt-get install openjdk-21-jdk-headless) or set JAVA_HOME to it." >&2
  return 1
}

danvan_find_jdk
