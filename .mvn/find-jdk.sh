# Sourced by ./mvnw, ./corridor and .ci/run: points JAVA_HOME at a JDK 21 or newer.
# Order: JAVA_HOME, then java on PATH, then the newest JDK under /usr/lib/jvm.
# Prints a message naming what to install and returns 1 when none is found.

corridor_java_major() {
  # $1: a java executable; prints its feature version (17, 21, 25, ...) or nothing.
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

corridor_is_jdk21() {
  # $1: a candidate JDK home; true when it has javac and java 21+.
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  local major
  major=$(corridor_java_major "$1/bin/java")
  [ -n "$major" ] && [ "$major" -ge 21 ]
}

corridor_quiet_maven() {
  # Maven's own libraries use sun.misc.Unsafe, which JDK 24+ warns about on every build; JDK 23+ can allow it.
  local major
  major=$(corridor_java_major "$JAVA_HOME/bin/java")
  if [ -n "$major" ] && [ "$major" -ge 23 ]; then
    case " ${MAVEN_OPTS:-} " in
      *sun-misc-unsafe-memory-access*) ;;
      *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;;
    esac
  fi
}

corridor_find_jdk() {
  corridor_find_jdk_home || return 1
  corridor_quiet_maven
}

corridor_find_jdk_home() {
  if [ -n "${JAVA_HOME:-}" ] && corridor_is_jdk21 "$JAVA_HOME"; then
    return 0
  fi
  local candidate
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    if corridor_is_jdk21 "$candidate"; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  fi
  for candidate in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -V -r); do
    candidate=${candidate%/}
    if corridor_is_jdk21 "$candidate"; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "corridor: no JDK 21 or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm)." >&2
  echo "corridor: install one (for example 'apt-get install openjdk-21-jdk-headless') or set JAVA_HOME to it." >&2
  return 1
}
