#!/usr/bin/env bash
# Runs every test of PublicitySite on this machine, installing what a fresh Debian machine lacks first.
#   bash tests/run.sh            all tests
#   bash tests/run.sh --filter X passes extra arguments to `dotnet test`
# It starts a throwaway PostgreSQL cluster for the PostgreSQL tests and stops it afterwards; the cluster tests
# start their own redis-server and nginx beside it. Nothing is
# skipped: when something cannot be installed or started, the run fails and says what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

need_packages=()
command -v chromium >/dev/null 2>&1 || need_packages+=(chromium)
# grep reads all of fc-list: with pipefail, an early exit (-q) would fail the pipeline on SIGPIPE.
fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || need_packages+=(fonts-noto-cjk)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_packages+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need_packages+=(redis-server)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need_packages+=(nginx)
command -v openssl >/dev/null 2>&1 || need_packages+=(openssl)
# The mail tests start a local SMTP server (Infrastructure/SmtpTestServer) with Debian's aiosmtpd and /usr/bin/python3.
/usr/bin/python3 -c "import aiosmtpd" >/dev/null 2>&1 || need_packages+=(python3-aiosmtpd)
if [ ${#need_packages[@]} -gt 0 ]; then
  echo "Installing: ${need_packages[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing packages (${need_packages[*]}) and not root: install them with apt-get and run again." >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_packages[@]}" >/dev/null
fi
/usr/bin/python3 -c "import aiosmtpd" >/dev/null 2>&1 || { echo "python3-aiosmtpd is missing and could not be installed: the mail tests need it." >&2; exit 1; }

pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pg_dir=$(mktemp -d /tmp/publicity-pg.XXXXXX)
pg_port=${PUBLICITY_TEST_PG_PORT:-}
if [ -z "$pg_port" ]; then
  # The first free port from 55432 up, so two runs on one machine do not collide.
  for p in $(seq 55432 55532); do (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null || { pg_port=$p; break; }; done
fi
run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
log=""
# The cluster and the run's own log go when the run ends, however it ends: nothing is left in /tmp.
cleanup() { run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"; [ -n "$log" ] && rm -f "$log"; }
trap cleanup EXIT
run_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=300" start >/dev/null
export PUBLICITY_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=20"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on port $pg_port"

export PUBLICITY_CHROMIUM=${PUBLICITY_CHROMIUM:-$(command -v chromium)}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Layout first: the build itself fails on analyzer and code-style warnings (Directory.Build.props), so the
# formatter is asked only about whitespace, the one part of `dotnet format` the compiler does not check.
dotnet restore PublicitySite.sln --verbosity quiet
if ! dotnet format whitespace PublicitySite.sln --no-restore --verify-no-changes; then
  echo "Formatting differs from .editorconfig: run 'dotnet format whitespace PublicitySite.sln' and commit the result." >&2
  exit 1
fi
log=$(mktemp /tmp/publicity-test.XXXXXX.log)
# A failing run must still reach the totals and the list of failures below, so -e and pipefail pause here.
set +e +o pipefail
dotnet test PublicitySite.sln -c Release --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e -o pipefail
# One closing line for people and CI: the totals of every test project.
totals=$(awk '/^[[:space:]]*Passed: [0-9]+[[:space:]]*$/ { p += $2 } /^[[:space:]]*Failed: [0-9]+[[:space:]]*$/ { f += $2 }
     /^[[:space:]]*Skipped: [0-9]+[[:space:]]*$/ { s += $2 } END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log")
echo "$totals"
# A run stopped before any test (a killed build, a signal) must not pass for a green one.
if [ "${totals%% passed*}" = "0" ] && [ "$status" -eq 0 ]; then
  echo "No test ran: the run was stopped before the tests or the build produced none." >&2
  status=1
fi
# CI shows the end of the output: name each failed test there again, with the first lines of its message.
if grep -qE '^[[:space:]]+Failed [A-Za-z]' "$log"; then
  echo "Failed tests:"
  grep -E -A 12 '^[[:space:]]+Failed [A-Za-z]' "$log" | grep -vE '^[[:space:]]*at |^--$' | head -n 120
fi
grep -E 'The active test run was aborted|Test host process crashed' "$log" || true
exit "$status"
