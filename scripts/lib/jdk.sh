# shellcheck shell=bash
# Finds a JDK 21 or newer: JAVA_HOME first, then the JVMs installed under /usr/lib/jvm (newest first).
# Reads each JDK's `release` file instead of starting a JVM, so the check costs nothing at start-up.

galley_jdk_major() {   # JDK_HOME -> major version on stdout, or nothing
    local release="$1/release" v
    [ -r "$release" ] && [ -x "$1/bin/java" ] || return 1
    v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$release")
    v=${v#1.}
    echo "${v%%[.+_-]*}"
}

galley_find_jdk() {    # -> path of a JDK >= 21 (with javac) on stdout; a one-line reason on stderr otherwise
    local need_javac=${1:-yes} cand major best="" best_major=0
    if [ -n "${JAVA_HOME:-}" ]; then
        major=$(galley_jdk_major "$JAVA_HOME" || true)
        if [ -n "$major" ] && [ "$major" -ge 21 ] && { [ "$need_javac" = no ] || [ -x "$JAVA_HOME/bin/javac" ]; }; then
            echo "$JAVA_HOME"
            return 0
        fi
    fi
    for cand in /usr/lib/jvm/*; do
        [ -d "$cand" ] && [ ! -L "$cand" ] || continue
        major=$(galley_jdk_major "$cand" || true)
        [ -n "$major" ] && [ "$major" -ge 21 ] || continue
        [ "$need_javac" = no ] || [ -x "$cand/bin/javac" ] || continue
        if [ "$major" -gt "$best_major" ]; then best=$cand best_major=$major; fi
    done
    if [ -n "$best" ]; then
        echo "$best"
        return 0
    fi
    echo "galley: no JDK 21 or newer found (JAVA_HOME=${JAVA_HOME:-unset}, nothing suitable under /usr/lib/jvm): install one, e.g. Temurin 21 or 25, and set JAVA_HOME" >&2
    return 1
}
