# Sourced by ./ternmq (and so by .ci/run): finds a JDK >= 21 and exports JAVA_HOME for java and ./mvnw.
# Order: JAVA_HOME, then `java` on PATH, then the newest JDK under /usr/lib/jvm (or macOS's JavaVirtualMachines).
# A JDK needs bin/javac as well as bin/java: the launcher builds before it runs.
# On success ternmq_java_feature holds the chosen JDK's feature version (21, 25, ...).

ternmq_min_java=21

# Prints the feature version of a java binary: 8 for "1.8.0_402", 17 for "17.0.15", 25 for "25-ea".
ternmq_java_major() {
  local line version
  line=$("$1" -version 2>&1 | grep -m1 'version "') || return 1
  version=${line#*version \"}
  version=${version%%\"*}
  case $version in 1.*) version=${version#1.} ;; esac
  version=${version%%[!0-9]*}
  [[ -n $version ]] || return 1
  printf '%s\n' "$version"
}

# Succeeds when $1 is a JDK home whose java is >= the minimum; sets ternmq_seen to "home (version)".
ternmq_usable_jdk() {
  local home=$1 major
  if [[ ! -x $home/bin/java ]]; then
    ternmq_seen="$home (no bin/java)"
    return 1
  fi
  if ! major=$(ternmq_java_major "$home/bin/java"); then
    ternmq_seen="$home (unknown version)"
    return 1
  fi
  ternmq_seen="$home ($major)"
  ternmq_major=$major
  if [[ ! -x $home/bin/javac ]]; then
    ternmq_seen="$home ($major, no javac)"
    return 1
  fi
  (( major >= ternmq_min_java ))
}

ternmq_find_jdk() {
  local found=() java home best_home="" best_major=0 ternmq_seen="" ternmq_major=0 summary
  if [[ -n ${JAVA_HOME:-} ]]; then
    if ternmq_usable_jdk "$JAVA_HOME"; then
      export JAVA_HOME
      ternmq_java_feature=$ternmq_major
      return 0
    fi
    found+=("JAVA_HOME=$ternmq_seen")
  fi
  if java=$(command -v java); then
    java=$(readlink -f "$java")
    home=${java%/bin/java}
    if ternmq_usable_jdk "$home"; then
      export JAVA_HOME=$home
      ternmq_java_feature=$ternmq_major
      return 0
    fi
    found+=("java on PATH: $ternmq_seen")
  fi
  for java in /usr/lib/jvm/*/bin/java /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java; do
    [[ -x $java ]] || continue
    home=$(readlink -f "${java%/bin/java}")
    [[ " ${found[*]} " == *" $home ("* ]] && continue
    if ternmq_usable_jdk "$home" && (( ternmq_major > best_major )); then
      best_home=$home
      best_major=$ternmq_major
    fi
    found+=("$ternmq_seen")
  done
  if [[ -n $best_home ]]; then
    export JAVA_HOME=$best_home
    ternmq_java_feature=$best_major
    return 0
  fi
  summary=$(IFS=';'; printf '%s' "${found[*]:-none}")
  printf 'ternmq: needs a JDK >= %s (found: %s); set JAVA_HOME\n' "$ternmq_min_java" "${summary//;/, }" >&2
  return 1
}
