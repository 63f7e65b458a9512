#!/usr/bin/env bash
# Load and fault tests of the affect4j server, on 127.0.0.1 only, each bounded in time.
#
#   examples/server/deploy/load-test.sh IMAGEDIR [SCENARIO...]
#
# IMAGEDIR is a folder made by build-image-dir.sh (the server runs from its bin/affect4j-server,
# with its JVM settings). Scenarios (default: all, in this order):
#   frames    8 clients post a 640x480 JPEG with one face for 60 s (LOAD_SECONDS) on H2:
#             frames/s, latency, peak resident memory, acknowledged = stored
#   bad       the same load with every 3rd request of each client a bad one (random bytes,
#             truncated JPEG, 11 MB file, PNG pixel bomb of 7000x7000, BOMB to change), 30 s;
#             then 8 bombs at once, repeatedly, for 20 s
#   postgres  the frame load on PostgreSQL (Debian's postgresql binaries, PG_BIN to choose;
#             as root run as the user postgres; 127.0.0.1:55432, data in a scratch folder),
#             stopped 15 s in and started again 15 s later: answers while down, recovery,
#             acknowledged = stored
#   shutdown  the frame load on H2, the server stopped with SIGTERM 10 s in; started again on
#             the same database: acknowledged = stored
# Each scenario prints the load client's figures (LoadTest.java) and a verdict line. Logs go to
# a scratch folder under ${TMPDIR:-/tmp}, printed at the end. Needs java 17+ and curl.
set -euo pipefail

image="${1:?usage: $0 IMAGEDIR [frames|bad|postgres|shutdown]...}"
image="$(cd "$image" && pwd)"
shift
scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || scenarios=(frames bad postgres shutdown)
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
client="$here/loadtest/LoadTest.java"
sample="$root/examples/samples/astronaut.jpg"
port="${LOAD_PORT:-18280}"
seconds="${LOAD_SECONDS:-60}"
token=load-test-admin-token-0123
base="http://127.0.0.1:$port"
work="$(mktemp -d "${TMPDIR:-/tmp}/affect4j-load.XXXXXX")"
pg_bin="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
server_pid=
healthy_ms=
pg_data=

# PostgreSQL refuses to run as root: as root it runs as the user postgres, otherwise as the caller.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  [ -n "$pg_data" ] && as_pg "$pg_bin/pg_ctl" -D "$pg_data" -m immediate stop \
      > /dev/null 2>&1
  echo "logs: $work"
}
trap cleanup EXIT

lt() { java -Xmx512m "$client" "$@" --base "$base" --token "$token"; }

# Starts the server in $1 (its working folder: H2 database in ./data) with the extra arguments;
# waits until /health answers; sets server_pid and healthy_ms.
start_server() {
  local dir="$1"; shift
  mkdir -p "$dir"
  if curl -s -o /dev/null "$base/health"; then
    echo "something already answers on $base; stop it or set LOAD_PORT" >&2
    return 1
  fi
  local t0; t0=$(date +%s%N)
  (cd "$dir" && AFFECT4J_ADMIN_TOKEN="$token" exec "$image/bin/affect4j-server" \
      --server.address=127.0.0.1 --server.port="$port" "$@" >> "$dir/server.log" 2>&1) &
  server_pid=$!
  for _ in $(seq 1 1200); do
    if curl -fsS "$base/health" > /dev/null 2>&1; then
      healthy_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
      return 0
    fi
    kill -0 "$server_pid" 2>/dev/null || { tail -20 "$dir/server.log" >&2; return 1; }
    sleep 0.05
  done
  echo "server not healthy after 60 s" >&2
  return 1
}

stop_server() {
  kill -TERM "$server_pid"
  wait "$server_pid" || true
  server_pid=
}

rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$server_pid/status"; }

# CPU time (user + system) of the server so far, in milliseconds: unlike frames per second it
# hardly depends on what else the machine runs.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) * 1000 / hz}' "/proc/$server_pid/stat"; }

# Everything acknowledged must be stored. More stored than acknowledged is possible only when a
# commit reached the database but its connection died before the answer (the server cannot know
# the outcome and answers 500): reported, not a loss.
verdict() { # acknowledged stored label
  if [ "$1" = "$2" ]; then echo "  $3: acknowledged $1 = stored $2: OK"
  elif [ "$2" -gt "$1" ]; then
    echo "  $3: acknowledged $1, stored $2: OK, nothing acknowledged lost; $(( $2 - $1 ))" \
        "stored although answered with an error (commit outcome unknown to the server)"
  else echo "  $3: acknowledged $1, stored $2: LOST $(( $1 - $2 ))"; fi
}

ack() { sed -n 's/.*acknowledged=\([0-9]*\).*/\1/p' "$1" | head -1; }

scenario_frames() {
  echo "== frames: 8 clients, ${seconds} s, H2"
  local dir="$work/frames"
  start_server "$dir"
  local idle; idle=$(rss_kb)
  local session; session=$(lt setup)
  local cpu0; cpu0=$(cpu_ms)
  lt load --session "$session" --clients 8 --seconds "$seconds" --pid "$server_pid" \
      --image "$sample" --out "$dir/figures.txt"
  local cpu=$(( $(cpu_ms) - cpu0 ))
  local stored; stored=$(lt count --session "$session")
  echo "  healthy after ${healthy_ms} ms; resident ${idle} kB idle, $(rss_kb) kB after the load"
  echo "  server CPU during the load: ${cpu} ms, $(( cpu / (stored > 0 ? stored : 1) )) ms a frame"
  verdict "$(ack "$dir/figures.txt")" "$stored" frames
  stop_server
}

scenario_bad() {
  echo "== bad: bad uploads mixed into the load, then bursts of 8 pixel bombs (${BOMB:-7000x7000})"
  local dir="$work/bad"
  start_server "$dir"
  local session; session=$(lt setup)
  lt load --session "$session" --clients 8 --seconds 30 --pid "$server_pid" --image "$sample" \
      --bad-every 3 --bomb "${BOMB:-7000x7000}" --out "$dir/mixed.txt"
  local stored; stored=$(lt count --session "$session")
  verdict "$(ack "$dir/mixed.txt")" "$stored" "mixed load"
  # every request of the 8 clients a bomb
  lt load --session "$session" --clients 8 --seconds 20 --pid "$server_pid" --image "$sample" \
      --bad-every 1 --only-bombs true --bomb "${BOMB:-7000x7000}" --out "$dir/bombs.txt"
  curl -fsS "$base/health" > /dev/null && echo "  /health answers after the bombs" \
      || echo "  /health does NOT answer after the bombs"
  stop_server
}

start_postgres() {
  pg_data="$work/pg/data"
  mkdir -p "$work/pg"
  if [ "$(id -u)" = 0 ]; then
    # the user postgres must reach the folder
    chmod 711 "$work"
    chown postgres "$work/pg"
  fi
  as_pg "$pg_bin/initdb" -D "$pg_data" -U affect4j --auth=trust > /dev/null
  pg_restart
  as_pg "$pg_bin/createdb" -h 127.0.0.1 -p 55432 -U affect4j affect4j
}

pg_restart() {
  as_pg "$pg_bin/pg_ctl" -D "$pg_data" -w -l "$work/pg/postgres.log" \
      -o "-p 55432 -c listen_addresses=127.0.0.1 -k $work/pg" start > /dev/null
}

scenario_postgres() {
  echo "== postgres: the frame load; PostgreSQL stopped at 15 s, started again at 30 s"
  [ -x "$pg_bin/pg_ctl" ] || { echo "  skipped: no PostgreSQL binaries (apt-get install postgresql)"; return; }
  local dir="$work/postgres"
  start_postgres
  AFFECT4J_DB_URL=jdbc:postgresql://127.0.0.1:55432/affect4j AFFECT4J_DB_USER=affect4j \
      start_server "$dir" --spring.profiles.active=postgres
  local session; session=$(lt setup)
  lt load --session "$session" --clients 8 --seconds 50 --pid "$server_pid" --image "$sample" \
      --out "$dir/figures.txt" &
  local load=$!
  sleep 15
  as_pg "$pg_bin/pg_ctl" -D "$pg_data" -m fast stop > /dev/null
  echo "  PostgreSQL stopped; /health: $(curl -s -o /dev/null -w '%{http_code}' "$base/health")"
  sleep 15
  pg_restart
  echo "  PostgreSQL started"
  wait "$load"
  echo "  /health after: $(curl -s -o /dev/null -w '%{http_code}' "$base/health")"
  local stored; stored=$(lt count --session "$session")
  verdict "$(ack "$dir/figures.txt")" "$stored" postgres
  stop_server
  as_pg "$pg_bin/pg_ctl" -D "$pg_data" -m fast stop > /dev/null
  pg_data=
}

scenario_shutdown() {
  echo "== shutdown: the frame load, SIGTERM to the server at 10 s, restart, count"
  local dir="$work/shutdown"
  start_server "$dir"
  local session; session=$(lt setup)
  lt load --session "$session" --clients 8 --seconds 20 --image "$sample" \
      --out "$dir/figures.txt" &
  local load=$!
  sleep 10
  local t0; t0=$(date +%s%N)
  stop_server
  echo "  stopped $(( ($(date +%s%N) - t0) / 1000000 )) ms after SIGTERM"
  wait "$load"
  start_server "$dir"
  local stored; stored=$(lt count --session "$session")
  verdict "$(ack "$dir/figures.txt")" "$stored" shutdown
  grep -h 'Graceful shutdown\|Commencing graceful' "$dir/server.log" | sed 's/^.*: /  server: /' || true
  stop_server
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%d MB", $2 / 1024}' /proc/meminfo);" \
    "load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"
for s in "${scenarios[@]}"; do
  "scenario_$s"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"
