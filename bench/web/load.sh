#!/usr/bin/env bash
# Load on `kaohe serve` over loopback: draft saves per second and their latency (wrk, Debian's),
# then 59 units submitting at once. On SQLite, or on PostgreSQL when KAOHE_TEST_POSTGRES names a
# server (`eval "$(bash .ci/postgres.sh start)"` starts one).
#
#   bash bench/web/load.sh sqlite|postgres [SECONDS] [CONNECTIONS]
#
# Builds `kaohe` in release mode, makes 59 unit accounts and a round of the Leshan Shizhong
# checklist, signs every unit in, and runs wrk with one connection per unit (59 by default), each
# request a PUT of that unit's whole self-assessment (the 财政局 example, 4 KB of YAML). The
# server evaluates every save (the diagnostics are its answer), as it does for a person typing.
set -euo pipefail
cd "$(dirname "$0")/../.."
backend=${1:-sqlite}
seconds=${2:-20}
connections=${3:-59}
units=59

command -v wrk >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk) >/dev/null
swift build -c release --product kaohe >/dev/null 2>&1 || swift build -c release --product kaohe
kaohe="$(swift build -c release --show-bin-path)/kaohe"
work=$(mktemp -d /tmp/kaohe-load.XXXXXX)
trap 'kill "$server" 2>/dev/null || true; [ -n "${dropdb:-}" ] && psql "$KAOHE_TEST_POSTGRES" -qc "DROP DATABASE IF EXISTS $dropdb WITH (FORCE)" >/dev/null; rm -rf "$work"' EXIT

case "$backend" in
sqlite) db="$work/kaohe.db" ;;
postgres)
  : "${KAOHE_TEST_POSTGRES:?set KAOHE_TEST_POSTGRES (eval \"\$(bash .ci/postgres.sh start)\")}"
  dropdb="kaohe_load_$$"
  psql "$KAOHE_TEST_POSTGRES" -qc "CREATE DATABASE $dropdb" >/dev/null
  db="${KAOHE_TEST_POSTGRES%/*}/$dropdb"
  ;;
*) echo "usage: bash bench/web/load.sh sqlite|postgres [SECONDS] [CONNECTIONS]" >&2; exit 2 ;;
esac

echo "id,name,category" > "$work/units.csv"
for i in $(seq -w 1 $units); do
  echo "szq-u$i,单位$i机关党支部,economic" >> "$work/units.csv"
  echo "password-u$i" | "$kaohe" users --db "$db" add --id "u$i" --name "单位$i填报员" --role unit --unit "szq-u$i" >/dev/null
done
"$kaohe" rounds --db "$db" open --id load --checklist leshan-shizhong.annual --as-of 2026-11-30 --units "$work/units.csv" >/dev/null

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$kaohe" serve --rules rules --db "$db" --port "$port" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/login" && break; sleep 0.1; done

# Every unit signed in: its cookie and CSRF token, and its own self-assessment, for wrk's script.
echo "return {" > "$work/sessions.lua"
for i in $(seq -w 1 $units); do
  answer=$(curl -s -D "$work/headers" -H 'Content-Type: application/json' \
    -d "{\"user\": \"u$i\", \"password\": \"password-u$i\"}" "http://127.0.0.1:$port/api/v1/session")
  cookie=$(grep -i '^set-cookie:' "$work/headers" | sed 's/^[^:]*: //; s/;.*//' | tr -d '\r')
  csrf=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["csrf"])' "$answer")
  sed "s/szq-caizheng/szq-u$i/" examples/leshan-shizhong-annual/caizheng.yaml > "$work/u$i.yaml"
  echo "  {unit = \"szq-u$i\", cookie = \"$cookie\", csrf = \"$csrf\", body = \"$work/u$i.yaml\"}," >> "$work/sessions.lua"
done
echo "}" >> "$work/sessions.lua"

echo "== draft saves: wrk, $connections connections, ${seconds}s, $backend"
KAOHE_LOAD_SESSIONS="$work/sessions.lua" wrk -t2 -c"$connections" -d"${seconds}s" --latency -s bench/web/save.lua "http://127.0.0.1:$port" \
  | tee "$work/wrk.txt"
grep -q "Non-2xx" "$work/wrk.txt" && { echo "load: some saves were refused (above)" >&2; exit 1; }

echo "== submits: all $units units at once, $backend"
python3 - "$port" "$work/sessions.lua" <<'EOF'
import concurrent.futures, re, sys, time, urllib.request
port, sessions = sys.argv[1], open(sys.argv[2]).read()
units = re.findall(r'unit = "([^"]+)", cookie = "([^"]+)", csrf = "([^"]+)"', sessions)
def submit(unit):
    name, cookie, csrf = unit
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/rounds/load/units/{name}/submit", method="POST",
                                     headers={"Cookie": cookie, "X-CSRF-Token": csrf})
    started = time.perf_counter()
    with urllib.request.urlopen(request) as answer:
        assert answer.status == 200, answer.status
        answer.read()
    return time.perf_counter() - started
started = time.perf_counter()
with concurrent.futures.ThreadPoolExecutor(len(units)) as pool:
    latencies = sorted(pool.map(submit, units))
wall = time.perf_counter() - started
def percentile(p): return latencies[min(len(latencies) - 1, int(round(p / 100 * len(latencies) + 0.5)) - 1)] * 1000
print(f"{len(units)} submits in {wall:.2f} s: {len(units) / wall:.1f} submits/s; latency p50 {percentile(50):.0f} ms, p99 {percentile(99):.0f} ms")
EOF
