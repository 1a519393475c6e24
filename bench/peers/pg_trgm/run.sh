#!/usr/bin/env bash
# Peer benchmark: paxscreen against PostgreSQL 15 + pg_trgm on the UN + OFAC lists, one core.
#
#   bash bench/peers/pg_trgm/run.sh [--paxscreen BIN] [--negatives N] [--out DIR]
#                                   [--word_similarity] [--sweep] [--port P] [--reuse_harness]
#                                   [--lists A.xml,B.csv]
#   --word_similarity  also time pg_trgm's `$1 <% name` (word similarity 0.6)
#   --sweep            also an untimed pass for pg_trgm's recall / false-alarm curve
#   --reuse_harness    keep <out>'s last harness export and rerun the PostgreSQL side only
#
# 1. `paxscreen harness --threads 1 --shards 1 --export_dir` generates the labelled travellers,
#    screens them (paxscreen's records/s, recall and false alarms per 1,000 at its default
#    threshold) and exports travellers.tsv + list_names.tsv with names normalized as paxscreen
#    does.
# 2. Starts a private PostgreSQL 15 (initdb in a temp dir, a free port on 127.0.0.1, the socket
#    in the temp dir), loads the names with a GIN trigram index and screens every traveller on
#    one connection with `name % $1` at pg_trgm.similarity_threshold 0.6 (pg_trgm_bench.py).
# 3. Prints both side by side with the ratios; writes <out>/throughput.csv and
#    <out>/peer_points.csv (upserted) and <out>/sweep_paxscreen.csv for bench/plots/plot.py.
# The server is always stopped and the temp dir removed on exit (trap), even on failure.
# Installs nothing: needs Debian postgresql-15, postgresql-contrib, python3-psycopg2.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
HERE="$REPO/bench/peers/pg_trgm"
PAXSCREEN=""
NEGATIVES=5000
OUT="$REPO/build/bench"
PORT=""
WORD=()
REUSE=0
SWEEP=0
LISTS="${PAXSCREEN_LISTS:-$REPO/../shared/data/watchlists/un_consolidated.xml,$REPO/../shared/data/watchlists/ofac/sdn.csv}"
PGBIN="${PGBIN:-/usr/lib/postgresql/15/bin}"

usage() { sed -n '2,/^set -euo/{/^set/!p}' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
die() { echo "pg_trgm bench: error: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --paxscreen) PAXSCREEN="$2"; shift 2 ;;
    --negatives) NEGATIVES="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --lists) LISTS="$2"; shift 2 ;;
    --word_similarity) WORD=(--word_similarity); shift ;;
    --sweep) SWEEP=1; shift ;;  # + pg_trgm's curve (untimed)
    --reuse_harness) REUSE=1; shift ;;  # keep <out>'s last harness export (to rerun PG only)
    -h|--help) usage 0 ;;
    *) echo "pg_trgm bench: unknown argument $1" >&2; usage 2 ;;
  esac
done

# --- prerequisites (named, never installed here) ---------------------------------------------
[ -x "$PGBIN/initdb" ] && [ -x "$PGBIN/pg_ctl" ] ||
  die "PostgreSQL 15 server binaries not found in $PGBIN: install the Debian package postgresql-15 (or postgresql)"
[ -f /usr/share/postgresql/15/extension/pg_trgm.control ] ||
  die "pg_trgm extension missing: install the Debian package postgresql-contrib"
PYTHON="${PYTHON:-}"
if [ -z "$PYTHON" ]; then
  # A pyenv or venv python3 may come first in PATH without Debian's modules: try both.
  for py in python3 /usr/bin/python3; do
    if command -v "$py" >/dev/null 2>&1 &&
       "$py" -c 'import importlib.util as u, sys; sys.exit(not (u.find_spec("psycopg2") or u.find_spec("psycopg")))' 2>/dev/null; then
      PYTHON="$py"; break
    fi
  done
fi
[ -n "$PYTHON" ] || die "no python3 with psycopg2: install the Debian package python3-psycopg2"
if [ -z "$PAXSCREEN" ]; then
  for b in "$REPO/build/release/paxscreen" "$REPO/build/peers/paxscreen"; do
    [ -x "$b" ] && { PAXSCREEN="$b"; break; }
  done
fi
[ -n "$PAXSCREEN" ] && [ -x "$PAXSCREEN" ] ||
  die "paxscreen binary not found: build it (cmake --build --preset release --target paxscreen) or pass --paxscreen BIN"
IFS=',' read -r -a list_files <<< "$LISTS"
for f in "${list_files[@]}"; do [ -r "$f" ] || die "watchlist $f not readable (set --lists)"; done

# As root, the server must run as the unprivileged postgres user; otherwise as ourselves.
AS_PG=()
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || die "running as root needs the postgres user (Debian package postgresql-common)"
  AS_PG=(runuser -u postgres --)
fi

# --- 1. paxscreen harness ---------------------------------------------------------------------
mkdir -p "$OUT"
DATA="$OUT/pg_trgm_data"
HLOG="$OUT/pg_trgm_harness.txt"
if [ "$REUSE" -eq 1 ] && [ -s "$HLOG" ] && [ -s "$DATA/travellers.tsv" ]; then
  echo "== reusing the paxscreen harness run in $HLOG"
else
  echo "== paxscreen harness (1 thread, $NEGATIVES negatives): $PAXSCREEN"
  # The harness prints the CPU seconds of its screening loop; the whole process's CPU seconds
  # (user + system, loading and generation included) also go beside the
  # report: the machine's cores are shared, so wall-clock rates move with the neighbours' load.
  TIMEFORMAT='%U %S'
  # One core: one worker thread and one shard (each query visits every shard, so a one-core
  # deployment runs one; the default is one shard per hardware thread).
  { time "$PAXSCREEN" harness --lists "$LISTS" --negatives "$NEGATIVES" --threads 1 --shards 1 \
      --export_dir "$DATA" --sweep_csv "$OUT/sweep_paxscreen.csv" >"$HLOG" 2>"$OUT/pg_trgm_harness.err"; } \
    2>"$HLOG.cpu" || { cat "$OUT/pg_trgm_harness.err" >&2; die "paxscreen harness failed"; }
fi
sed -n '1,12p' "$HLOG"

# --- 2. private PostgreSQL --------------------------------------------------------------------
TMP="$(mktemp -d /tmp/paxscreen-pg.XXXXXX)"
PGDATA="$TMP/data"
STARTED=0
PYPID=""
cleanup() {
  local rc=$?
  # The peer client first (it may be mid-loop when a signal arrives), then the server.
  if [ -n "$PYPID" ] && kill -0 "$PYPID" 2>/dev/null; then
    kill "$PYPID" 2>/dev/null || true
    wait "$PYPID" 2>/dev/null || true
  fi
  if [ "$STARTED" -eq 1 ]; then
    "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 ||
      echo "pg_trgm bench: warning: pg_ctl stop failed; see $TMP" >&2
  fi
  # Never leave a server behind: if its postmaster still runs, keep the dir for inspection.
  if [ -f "$PGDATA/postmaster.pid" ] && kill -0 "$(head -1 "$PGDATA/postmaster.pid")" 2>/dev/null; then
    echo "pg_trgm bench: warning: server still running, $TMP kept" >&2
  else
    rm -rf "$TMP"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -z "$PORT" ]; then
  PORT="$("$PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
fi
[ ${#AS_PG[@]} -eq 0 ] || chown postgres: "$TMP"
chmod 700 "$TMP"
echo "== PostgreSQL 15: initdb in $TMP, port $PORT"
"${AS_PG[@]}" "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
  >"$TMP/initdb.log" 2>&1 || { cat "$TMP/initdb.log" >&2; die "initdb failed"; }
STARTED=1
"${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -l "$TMP/server.log" -w -t 60 start \
  -o "-p $PORT -k $TMP -c listen_addresses=127.0.0.1 -c fsync=off -c jit=off" >/dev/null ||
  { cat "$TMP/server.log" >&2; die "PostgreSQL did not start"; }

# --- 3. the peer run and the comparison -------------------------------------------------------
EXTRA=("${WORD[@]}")
[ "$SWEEP" -eq 0 ] || EXTRA+=(--sweep_csv "$OUT/sweep_pg_trgm.csv")
# In the background with `wait`, so that a signal runs the trap at once instead of after the loop.
"$PYTHON" "$HERE/pg_trgm_bench.py" --data "$DATA" --host "$TMP" --port "$PORT" \
  --harness_log "$HLOG" --harness_cpu "$HLOG.cpu" --throughput_csv "$OUT/throughput.csv" \
  --points_csv "$OUT/peer_points.csv" "${EXTRA[@]}" \
  --again "$PAXSCREEN" harness --lists "$LISTS" --negatives "$NEGATIVES" --threads 1 --shards 1 \
  > >(tee "$OUT/pg_trgm_report.txt") &
PYPID=$!
wait "$PYPID" || die "the PostgreSQL peer run failed"
PYPID=""
echo "== wrote $OUT/pg_trgm_report.txt, throughput.csv, peer_points.csv and sweep_*.csv there; plot: python3 bench/plots/plot.py --bench $OUT"
