#!/usr/bin/env bash
# Counts the broker-testable MQTT 3.1.1 normative statements cited by the spec tests, as
# ../shared/spec/README.md describes: an id counts once some file under
# e2e/src/test/java/io/ternmq/e2e/spec/v311 mentions it (e.g. "// [MQTT-3.3.1-4]").
# The statement index lives in ../shared/spec next to the repository; set SPEC_DIR to point elsewhere.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
tests="$here/src/test/java/io/ternmq/e2e/spec/v311"

candidates=()
[[ -n "${SPEC_DIR:-}" ]] && candidates+=("$SPEC_DIR")
candidates+=("$here/../../shared/spec")
# In a git worktree the repository's main checkout may sit elsewhere; its sibling shared/ is the same index.
if common="$(git -C "$here" rev-parse --path-format=absolute --git-common-dir 2>/dev/null)"; then
    candidates+=("$(dirname "$common")/../shared/spec")
fi

spec=""
for dir in "${candidates[@]}"; do
    if [[ -f "$dir/mqtt-3.1.1-statements.tsv" ]]; then
        spec="$dir/mqtt-3.1.1-statements.tsv"
        break
    fi
done
if [[ -z "$spec" ]]; then
    echo "spec-coverage: mqtt-3.1.1-statements.tsv not found; looked in:" >&2
    printf '  %s\n' "${candidates[@]}" >&2
    echo "set SPEC_DIR to the directory holding it" >&2
    exit 2
fi
if [[ ! -d "$tests" ]]; then
    echo "spec-coverage: no spec tests at $tests" >&2
    exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

awk -F'\t' 'NR > 1 && $6 == "yes" { print $1 }' "$spec" | sort -u > "$work/want"
awk -F'\t' 'NR > 1 { print $1 }' "$spec" | sort -u > "$work/all"
{ grep -rhoE 'MQTT-[0-9]+(\.[0-9]+)+-[0-9]+' "$tests" || true; } | sort -u > "$work/have"

covered="$(comm -12 "$work/want" "$work/have" | wc -l)"
total="$(wc -l < "$work/want")"
echo "MQTT 3.1.1 broker-testable statements covered: $covered / $total"

uncovered="$(comm -23 "$work/want" "$work/have")"
if [[ -n "$uncovered" ]]; then
    echo "uncovered:"
    while IFS= read -r id; do
        printf '  %s\t%s\n' "$id" "$(awk -F'\t' -v id="$id" '$1 == id { print $5 }' "$spec")"
    done <<< "$uncovered"
fi

unknown="$(comm -13 "$work/all" "$work/have")"
if [[ -n "$unknown" ]]; then
    echo "cited but not in the 3.1.1 index (typos?):"
    printf '  %s\n' $unknown
fi
not_testable="$(comm -12 "$work/all" "$work/have" | comm -23 - "$work/want")"
if [[ -n "$not_testable" ]]; then
    echo "cited but not marked broker-testable:"
    printf '  %s\n' $not_testable
fi
