#!/usr/bin/env bash
# The one test command: format check, one build, pending-migration checks, every test project on SQLite,
# then the integration tests (tests/Qunyun.Tests) again on a throwaway PostgreSQL.
# Last line: "N passed, N failed". Exit code non-zero if any step or test failed (a skipped test counts as failed).
#
# Needs the .NET SDK; Debian's chromium for the browser tests; PostgreSQL server binaries unless
# QUNYUN_TEST_POSTGRES (an admin connection string, e.g. Host=127.0.0.1;Port=5432;Username=postgres;Password=…)
# points at a server. Run as root on Debian, it installs the missing packages itself.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
SOLUTION=Qunyun.slnx
WORK=$(mktemp -d "${TMPDIR:-/tmp}/qunyun-test.XXXXXX")
RESULTS=$WORK/results
TESTLOG=$WORK/test.log
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export NUGET_XMLDOC_MODE=skip
failed_steps=()
PG_STARTED=

note() { printf '\n==> %s\n' "$*"; }
fail_step() { echo "FAILED: $1" >&2; failed_steps+=("$1"); }

pg_as_owner() {
    # initdb and postgres refuse to run as root.
    if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi
}

cleanup() {
    if [ -n "$PG_STARTED" ]; then
        pg_as_owner "'$PGBIN/pg_ctl' -D '$WORK/pg/data' -m fast -w stop" >/dev/null 2>&1 || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# Names every failed test with the first lines of its message, so the end of a long log says what broke.
list_failed_tests() {
    local trx
    while IFS= read -r -d '' trx; do
        awk -v run="$(basename "$(dirname "$trx")")" '
            /<UnitTestResult / {
                failing = ($0 ~ /outcome="(Failed|Error|Timeout|Aborted)"/)
                if (failing) { match($0, /testName="[^"]*"/); print "FAILED TEST (" run "): " substr($0, RSTART + 10, RLENGTH - 11); lines = 0 }
            }
            failing && /<Message>/ { inMessage = 1; sub(/.*<Message>/, "") }
            failing && inMessage && lines < 6 { line = $0; sub(/<\/Message>.*/, "", line); print "    " substr(line, 1, 300); lines++ }
            /<\/Message>/ { inMessage = 0 }
            /<\/UnitTestResult>/ { failing = 0; inMessage = 0 }
        ' "$trx"
    done < <(find "$RESULTS" -name '*.trx' -print0 2>/dev/null)
}

# Sums the TRX counters of every test assembly, prints the closing line, exits.
finish() {
    local passed=0 failed=0 skipped=0 files=0 counters
    while IFS= read -r -d '' trx; do
        files=$((files + 1))
        counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
        count() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
        passed=$((passed + $(count passed)))
        failed=$((failed + $(count failed) + $(count error) + $(count timeout) + $(count aborted)))
        skipped=$((skipped + $(count notExecuted) + $(count inconclusive)))
    done < <(find "$RESULTS" -name '*.trx' -print0 2>/dev/null)

    echo
    [ "$files" -eq 0 ] && fail_step "no test results were written (no test ran)"
    # One TRX per assembly; a name clash would silently drop an assembly's counts.
    local reported
    reported=$(grep -E '^Results File: .*\.trx$' "$TESTLOG" 2>/dev/null | sort -u | wc -l)
    [ "$reported" -ne "$files" ] && fail_step "test runs reported $reported result files but $files were found"
    [ "$skipped" -gt 0 ] && echo "$skipped test(s) skipped: a skipped test is a defect here, counted as failed."
    list_failed_tests
    [ "${#failed_steps[@]}" -gt 0 ] && printf 'Failed steps:\n' && printf '  - %s\n' "${failed_steps[@]}"
    failed=$((failed + skipped))
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ] && [ "${#failed_steps[@]}" -eq 0 ]
    exit $?
}

# --- 1. What the machine needs ------------------------------------------------------------------
if ! command -v dotnet >/dev/null; then
    echo "Missing: the .NET SDK 10 (dotnet). Install it from Microsoft's packages or dotnet-install.sh." >&2
    echo "0 passed, 1 failed"
    exit 1
fi

initdb_path() { ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1; }
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -z "${QUNYUN_TEST_POSTGRES:-}" ] && [ -z "$(initdb_path)" ] && missing+=(postgresql)
if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        note "Installing ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get install -y -q "${missing[@]}" || { apt-get update -q && apt-get install -y -q "${missing[@]}"; } \
            || { echo "Could not install ${missing[*]} with apt-get." >&2; echo "0 passed, 1 failed"; exit 1; }
    else
        echo "Missing: ${missing[*]}" >&2
        [[ " ${missing[*]} " == *" chromium "* ]] && echo "  chromium: the browser tests drive /usr/bin/chromium; install it with: sudo apt-get install -y chromium" >&2
        [[ " ${missing[*]} " == *" postgresql "* ]] && echo "  postgresql: the PostgreSQL pass starts a throwaway server; install it with: sudo apt-get install -y postgresql, or set QUNYUN_TEST_POSTGRES=Host=…;Port=…;Username=…;Password=… to use an existing server" >&2
        echo "0 passed, ${#missing[@]} failed"
        exit 1
    fi
fi
# Without a CJK font the README screenshot shows boxes instead of Chinese; nice to have, never fatal.
if [ "$(id -u)" = 0 ] && command -v fc-list >/dev/null && [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q fonts-wqy-microhei >/dev/null 2>&1 || echo "note: no CJK font (apt-get install fonts-wqy-microhei)"
fi

# --- 2. Format, build, migrations ------------------------------------------------------------------
note "dotnet tool restore"
dotnet tool restore || { fail_step "dotnet tool restore"; finish; }

note "dotnet format --verify-no-changes"
dotnet format "$SOLUTION" --verify-no-changes || fail_step "dotnet format (run 'dotnet format $SOLUTION' to fix)"

note "dotnet build"
dotnet build "$SOLUTION" -c Debug || { fail_step "dotnet build"; finish; }

for context in SqliteQunyunDb PostgresQunyunDb; do
    note "pending model changes: $context"
    dotnet ef migrations has-pending-model-changes --project src/Qunyun --context "$context" --no-build \
        || fail_step "pending model changes for $context (add a migration)"
done

# --- 3. A throwaway PostgreSQL --------------------------------------------------------------------------
if [ -n "${QUNYUN_TEST_POSTGRES:-}" ]; then
    POSTGRES=$QUNYUN_TEST_POSTGRES
    echo "Using the PostgreSQL server from QUNYUN_TEST_POSTGRES."
else
    note "Starting a throwaway PostgreSQL"
    PGBIN=$(dirname "$(initdb_path)")
    port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
    PORT=
    for candidate in $(seq 55432 55532); do
        if port_free "$candidate"; then PORT=$candidate; break; fi
    done
    mkdir -p "$WORK/pg/data" "$WORK/pg/sock"
    if [ "$(id -u)" = 0 ]; then chown -R postgres "$WORK/pg"; chmod 755 "$WORK"; fi
    if [ -n "$PORT" ] \
        && pg_as_owner "'$PGBIN/initdb' -D '$WORK/pg/data' -U postgres --auth=trust -E UTF8 --no-locale" >"$WORK/pg/initdb.log" 2>&1 \
        && pg_as_owner "'$PGBIN/pg_ctl' -D '$WORK/pg/data' -l '$WORK/pg/server.log' -o \"-p $PORT -k '$WORK/pg/sock' -c listen_addresses=127.0.0.1 -c fsync=off\" -w start"; then
        PG_STARTED=1
        POSTGRES="Host=127.0.0.1;Port=$PORT;Username=postgres"
        echo "PostgreSQL is listening on 127.0.0.1:$PORT."
    else
        fail_step "start PostgreSQL (port '${PORT:-none free}')"
        cat "$WORK/pg/initdb.log" "$WORK/pg/server.log" 2>/dev/null | tail -30 >&2
        POSTGRES=
    fi
fi

# --- 4. Tests --------------------------------------------------------------------------------------------
# -m:1 runs one test assembly at a time: the browser tests time a real server and Chromium on two cores.
note "All test projects on SQLite"
QUNYUN_TEST_DB=sqlite dotnet test "$SOLUTION" --no-build -m:1 \
    --logger "console;verbosity=normal" --logger trx --results-directory "$RESULTS/sqlite" 2>&1 | tee -a "$TESTLOG"
[ "${PIPESTATUS[0]}" -eq 0 ] || fail_step "tests on SQLite"

note "Integration tests on PostgreSQL"
if [ ! -f tests/Qunyun.Tests/Qunyun.Tests.csproj ]; then
    fail_step "tests on PostgreSQL: tests/Qunyun.Tests is missing"
elif [ -z "$POSTGRES" ]; then
    fail_step "tests on PostgreSQL: no server"
else
    QUNYUN_TEST_DB=postgres QUNYUN_TEST_POSTGRES="$POSTGRES" dotnet test tests/Qunyun.Tests --no-build \
        --logger "console;verbosity=normal" --logger trx --results-directory "$RESULTS/postgres" 2>&1 | tee -a "$TESTLOG"
    [ "${PIPESTATUS[0]}" -eq 0 ] || fail_step "tests on PostgreSQL"
fi

finish
