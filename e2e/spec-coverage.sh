#!/usr/bin/env bash
# Counts the broker-testable MQTT normative statements cited by the spec tests, as ../shared/spec/README.md
# describes: an id counts once a file of that version's spec-test package mentions it (e.g. "// [MQTT-3.3.1-4]").
#   3.1.1: e2e/src/test/java/io/ternmq/e2e/spec/v311 against mqtt-3.1.1-statements.tsv
#   5.0:   e2e/src/test/java/io/ternmq/e2e/spec/v5   against mqtt-5.0-statements.tsv
# The same id means different things in the two specs, so each version only counts its own package.
#
# Usage: spec-coverage.sh [--version 3.1.1|5.0] [--all]
#   --version  count one version only (default: both, 3.1.1 first)
#   --all      also count the ids cited by the protocol module's codec tests (protocol/src/test/java: directories
#              named v5 hold the 5.0 tests, everything else the 3.1.1 ones), separately and combined with e2e
# The statement index lives in ../shared/spec next to the repository; set SPEC_DIR to point elsewhere.
set -euo pipefail

versions=(3.1.1 5.0)
all=no
while [[ $# -gt 0 ]]; do
    case "$1" in
        --version)
            [[ $# -ge 2 ]] || { echo "spec-coverage: --version needs 3.1.1 or 5.0" >&2; exit 2; }
            case "$2" in
                3.1.1 | 311) versions=(3.1.1) ;;
                5.0 | 5) versions=(5.0) ;;
                *) echo "spec-coverage: unknown version $2 (3.1.1 or 5.0)" >&2; exit 2 ;;
            esac
            shift 2 ;;
        --all) all=yes; shift ;;
        -h | --help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "spec-coverage: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done

here="$(cd "$(dirname "$0")" && pwd)"
protocol_tests="$here/../protocol/src/test/java"

candidates=()
[[ -n "${SPEC_DIR:-}" ]] && candidates+=("$SPEC_DIR")
candidates+=("$here/../../shared/spec")
# In a git worktree the repository's main checkout may sit elsewhere; its sibling shared/ is the same index.
if common="$(git -C "$here" rev-parse --path-format=absolute --git-common-dir 2>/dev/null)"; then
    candidates+=("$(dirname "$common")/../shared/spec")
fi

find_index() {
    local dir
    for dir in "${candidates[@]}"; do
        if [[ -f "$dir/$1" ]]; then
            echo "$dir/$1"
            return
        fi
    done
    echo "spec-coverage: $1 not found; looked in:" >&2
    printf '  %s\n' "${candidates[@]}" >&2
    echo "set SPEC_DIR to the directory holding it" >&2
    exit 2
}

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

ids_in() {
    { grep -rhoE 'MQTT-[0-9]+(\.[0-9]+)+-[0-9]+' "$@" 2>/dev/null || true; } | sort -u
}

# The protocol module's citations of one version: files under a directory named v5 are 5.0 codec tests.
protocol_files() {
    [[ -d "$protocol_tests" ]] || return 0
    if [[ "$1" == 5.0 ]]; then
        find "$protocol_tests" -path '*/v5/*' -name '*.java'
    else
        find "$protocol_tests" -name '*.java' -not -path '*/v5/*'
    fi
}

# Prints the ids of $1 (a sorted id list) with the section and paraphrase from the index $2.
describe() {
    awk -F'\t' 'FILENAME == ARGV[1] { want[$1] = 1; next } FNR > 1 && ($1 in want) { printf "  %s\t%s\t%s\n", $1, $2, $5 }' \
        "$1" "$2" | sort -t$'\t' -k2,2V -k1,1V
}

# Covered / total per x.y section, e.g. "3.1 3/47".
by_section() {
    awk -F'\t' 'FILENAME == ARGV[1] { have[$1] = 1; next }
        FNR > 1 && $6 == "yes" {
            split($2, part, "."); key = part[2] == "" ? part[1] : part[1] "." part[2]
            total[key]++; if ($1 in have) covered[key]++
        }
        END { for (k in total) printf "%s %d/%d\n", k, covered[k], total[k] }' "$1" "$2" | sort -V | paste -sd' ' -
}

report() {
    local version="$1" spec package tests
    if [[ "$version" == 5.0 ]]; then
        spec="$(find_index mqtt-5.0-statements.tsv)"; package=v5
    else
        spec="$(find_index mqtt-3.1.1-statements.tsv)"; package=v311
    fi
    tests="$here/src/test/java/io/ternmq/e2e/spec/$package"
    awk -F'\t' 'NR > 1 && $6 == "yes" { print $1 }' "$spec" | sort -u > "$work/want"
    awk -F'\t' 'NR > 1 { print $1 }' "$spec" | sort -u > "$work/all"
    if [[ -d "$tests" ]]; then
        ids_in "$tests" > "$work/have"
    else
        echo "(no $version spec tests at $tests yet)"
        : > "$work/have"
    fi

    local total covered
    total="$(wc -l < "$work/want")"
    covered="$(comm -12 "$work/want" "$work/have" | wc -l)"
    echo "MQTT $version broker-testable statements covered: $covered / $total (e2e spec.$package)"
    echo "by section: $(by_section "$work/have" "$spec")"

    local missing_from="$work/have"
    if [[ "$all" == yes ]]; then
        local files
        files="$(protocol_files "$version")"
        if [[ -n "$files" ]]; then
            # shellcheck disable=SC2086 # one path per word; the paths hold no spaces
            ids_in $files > "$work/codec"
        else
            : > "$work/codec"
        fi
        sort -u "$work/have" "$work/codec" > "$work/both"
        echo "MQTT $version broker-testable statements cited by protocol codec tests: $(comm -12 "$work/want" "$work/codec" | wc -l) / $total"
        echo "MQTT $version broker-testable statements covered by e2e or codec tests: $(comm -12 "$work/want" "$work/both" | wc -l) / $total"
        echo "by section (e2e or codec): $(by_section "$work/both" "$spec")"
        missing_from="$work/both"
    fi

    comm -23 "$work/want" "$missing_from" > "$work/uncovered"
    if [[ -s "$work/uncovered" ]]; then
        echo "uncovered ($(wc -l < "$work/uncovered")):"
        describe "$work/uncovered" "$spec"
    fi

    comm -13 "$work/all" "$missing_from" > "$work/unknown"
    if [[ -s "$work/unknown" ]]; then
        echo "cited but not in the $version index (typos?):"
        sed 's/^/  /' "$work/unknown"
    fi
    comm -12 "$work/all" "$missing_from" | comm -23 - "$work/want" > "$work/not_testable"
    if [[ -s "$work/not_testable" ]]; then
        echo "cited but not marked broker-testable:"
        sed 's/^/  /' "$work/not_testable"
    fi
}

first=yes
for version in "${versions[@]}"; do
    [[ "$first" == yes ]] || echo
    first=no
    report "$version"
done
