#!/usr/bin/env python3
"""Screens the harness travellers with PostgreSQL pg_trgm and compares with paxscreen.

Called by run.sh once it has run `paxscreen harness --export_dir DIR` and started a private
PostgreSQL 15 server; not meant to be run by hand (run.sh owns the server's life).

  pg_trgm_bench.py --data DIR --host SOCKET_DIR --port P --harness_log LOG \
      [--word_similarity] [--throughput_csv F] [--points_csv F] [--again HARNESS COMMAND...]

What it does, on ONE connection (so PostgreSQL works on one core):
  1. CREATE EXTENSION pg_trgm; loads DIR/list_names.tsv into names(entry_id, list, kind, name);
     CREATE INDEX ... USING gin (name gin_trgm_ops); VACUUM ANALYZE.
  2. SET pg_trgm.similarity_threshold = 0.6 and, for every traveller of DIR/travellers.tsv,
     EXECUTE a prepared `SELECT DISTINCT entry_id FROM names WHERE name % $1`. Records/s is
     travellers / wall time of that loop (client round trips included, as for any caller).
  3. Recall = positives whose expected entry_id is among the returned rows; false alarms per
     1,000 = 1000 * negatives with any row / negatives: the definitions of paxscreen's harness.
  4. With --again, runs paxscreen's harness once more after the timed loop (the machine's speed
     drifts: paxscreen's rates are the mean of its runs before and after PostgreSQL's).
  5. Prints paxscreen's harness figures (parsed from LOG) beside PostgreSQL's, and the ratios;
     appends rows to the throughput and points CSVs for bench/plots/plot.py.
Optionally (--word_similarity) a second pass with `$1 <% name` (word similarity >= 0.6), and
(--sweep_csv) an untimed pass at similarity 0.4 that gives pg_trgm's recall / false-alarm curve.
"""
import argparse
import csv
import os
import re
import subprocess
import sys
import time

try:
    import psycopg2 as pg
except ImportError:  # psycopg 3 has the same connect/cursor/execute surface used here
    try:
        import psycopg as pg
    except ImportError:
        sys.exit("pg_trgm bench: needs psycopg2 (Debian: python3-psycopg2) or psycopg "
                 "(Debian: python3-psycopg; PyPI: psycopg[binary])")

PG_SYSTEM = "postgresql15-pg_trgm"
PG_WORD_SYSTEM = "postgresql15-pg_trgm-word"
PAX_SYSTEM = "paxscreen"
SIMILARITY = 0.6
SWEEP_FLOOR = 0.40


def read_tsv(path, columns):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line_no, line in enumerate(f, 1):
            parts = line.rstrip("\n").split("\t")
            if len(parts) < columns:
                sys.exit("%s:%d: expected %d tab-separated columns, found %d"
                         % (path, line_no, columns, len(parts)))
            rows.append(parts)
    return rows


def parse_harness_log(path):
    """paxscreen's own figures from the harness's printed report (its documented format)."""
    return parse_harness_text(open(path, encoding="utf-8").read(), path)


def parse_harness_text(text, source):
    out = {}
    m = re.search(r"screened in ([\d.]+) s \(([\d.]+) travellers/s, (\d+) threads?\)", text)
    if m:
        out["seconds"], out["rps"], out["threads"] = float(m[1]), float(m[2]), int(m[3])
    m = re.search(r"([\d.]+) CPU-s \(([\d.]+) travellers per CPU-second", text)
    if m:
        out["cpu_seconds"], out["cps"] = float(m[1]), float(m[2])
    m = re.search(r"at threshold ([\d.]+):", text)
    if m:
        out["threshold"] = float(m[1])
    m = re.search(r"recall\s+([\d.]+)\s+\((\d+) of (\d+)\)", text)
    if m:
        out["recall"], out["found"], out["positives"] = float(m[1]), int(m[2]), int(m[3])
    m = re.search(r"false alarms per 1,000\s+([\d.]+)\s+\((\d+) of (\d+) negatives", text)
    if m:
        out["fa"], out["alerted"], out["negatives"] = float(m[1]), int(m[2]), int(m[3])
    missing = {"rps", "recall", "fa", "threshold"} - out.keys()
    if missing:
        sys.exit("pg_trgm bench: could not read %s from the harness report %s"
                 % (", ".join(sorted(missing)), source))
    return out


def run_harness_again(command, first):
    """Runs paxscreen's harness once more, after PostgreSQL's timed loop, and returns its figures.

    The two systems are timed one after the other on a machine whose speed drifts, so paxscreen
    is timed before and after PostgreSQL and the mean of both is compared: a drift in either
    direction moves both sides alike. The second run must reproduce the first's accuracy."""
    print("pg_trgm: paxscreen's harness again: %s" % " ".join(command), flush=True)
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                          text=True, check=False)
    if done.returncode != 0:
        sys.exit("pg_trgm bench: the second harness run failed (exit %d)" % done.returncode)
    again = parse_harness_text(done.stdout, "of the second run")
    for key in ("recall", "fa", "found", "alerted"):
        if again.get(key) != first.get(key):
            sys.exit("pg_trgm bench: the second harness run gave %s %s, the first %s"
                     % (key, again.get(key), first.get(key)))
    return again


def backend_cpu_seconds(pid):
    """User + system CPU time of the PostgreSQL backend serving us (Linux /proc), or None."""
    try:
        fields = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def load(cur, names_path):
    cur.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    cur.execute("DROP TABLE IF EXISTS names")
    cur.execute("CREATE TABLE names (entry_id text NOT NULL, list text NOT NULL, "
                "kind text NOT NULL, name text NOT NULL)")
    t0 = time.perf_counter()
    with open(names_path, encoding="utf-8") as f:
        cur.copy_expert("COPY names (entry_id, list, kind, name) FROM STDIN", f) \
            if hasattr(cur, "copy_expert") else _copy_psycopg3(cur, f)
    cur.execute("CREATE INDEX names_trgm ON names USING gin (name gin_trgm_ops)")
    cur.execute("VACUUM ANALYZE names")
    cur.execute("SELECT count(*), count(DISTINCT entry_id) FROM names")
    rows, entries = cur.fetchone()
    print("pg_trgm: loaded %d names of %d entries, GIN trigram index built in %.1f s"
          % (rows, entries, time.perf_counter() - t0), flush=True)
    return rows


def _copy_psycopg3(cur, f):
    with cur.copy("COPY names (entry_id, list, kind, name) FROM STDIN") as copy:
        for line in f:
            copy.write(line)


def screen(cur, travellers, statement, label, backend_pid):
    """Runs the prepared statement once per traveller; returns (hits per traveller, seconds)."""
    hits = []
    total = len(travellers)
    step = max(1000, total // 20)
    cpu0 = backend_cpu_seconds(backend_pid)
    t0 = time.perf_counter()
    for i, t in enumerate(travellers):
        cur.execute("EXECUTE " + statement + " (%s)", (t[3],))
        hits.append({r[0] for r in cur.fetchall()})
        if (i + 1) % step == 0:
            el = time.perf_counter() - t0
            print("  %s: %d / %d travellers, %.0f records/s" % (label, i + 1, total, (i + 1) / el),
                  file=sys.stderr, flush=True)
    secs = time.perf_counter() - t0
    cpu1 = backend_cpu_seconds(backend_pid)
    cpu = cpu1 - cpu0 if cpu0 is not None and cpu1 is not None else None
    return hits, secs, cpu


def metrics(travellers, hits):
    positives = found = negatives = alerted = 0
    for t, h in zip(travellers, hits):
        if t[1]:
            positives += 1
            found += t[1] in h
        else:
            negatives += 1
            alerted += bool(h)
    return {
        "positives": positives, "found": found, "negatives": negatives, "alerted": alerted,
        "recall": found / positives if positives else 0.0,
        "fa": 1000.0 * alerted / negatives if negatives else 0.0,
    }


def per_variant(travellers, hits):
    out = {}
    for t, h in zip(travellers, hits):
        if not t[1]:
            continue
        tot, fnd = out.get(t[2], (0, 0))
        out[t[2]] = (tot + 1, fnd + (t[1] in h))
    return out


def upsert_rows(path, header, rows, key_len):
    """Appends rows to a CSV, first dropping earlier rows with the same leading key columns."""
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    keys = {tuple(r[:key_len]) for r in rows}
    kept = []
    if os.path.exists(path):
        with open(path, newline="", encoding="utf-8") as f:
            old = list(csv.reader(f))
        if old and old[0] == header:
            kept = [r for r in old[1:] if r and tuple(r[:key_len]) not in keys]
        elif old:
            sys.exit("pg_trgm bench: %s has header %s, expected %s" % (path, old[0], header))
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(kept + rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", required=True, help="folder written by paxscreen harness --export_dir")
    ap.add_argument("--host", required=True, help="PostgreSQL socket folder (or host)")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--harness_log", required=True, help="paxscreen harness's printed report")
    ap.add_argument("--harness_cpu", default="",
                    help="file with the harness process's user and system CPU seconds")
    ap.add_argument("--word_similarity", action="store_true",
                    help="also run the `$1 <%% name` word-similarity variant (a second pass)")
    ap.add_argument("--sweep_csv", default="",
                    help="also write pg_trgm's threshold sweep (threshold,recall,"
                    "false_alarms_per_1000) here, from an extra untimed pass")
    ap.add_argument("--throughput_csv", default="", help="append system,watchlist_names,"
                    "records_per_second rows here")
    ap.add_argument("--points_csv", default="", help="append system,threshold,recall,"
                    "false_alarms_per_1000,records_per_second rows here")
    ap.add_argument("--again", nargs=argparse.REMAINDER, default=[],
                    help="the harness command to run once more after PostgreSQL's timed loop "
                    "(the rest of the command line); paxscreen's rates are then the mean of both "
                    "runs")
    args = ap.parse_args()

    pax = parse_harness_log(args.harness_log)
    travellers = read_tsv(os.path.join(args.data, "travellers.tsv"), 5)

    conn = pg.connect(host=args.host, port=args.port, dbname="postgres", user="postgres")
    conn.autocommit = True
    cur = conn.cursor()
    cur.execute("SHOW server_version")
    version = cur.fetchone()[0]
    cur.execute("SELECT pg_backend_pid()")
    backend_pid = cur.fetchone()[0]
    list_names = load(cur, os.path.join(args.data, "list_names.tsv"))

    cur.execute("SET pg_trgm.similarity_threshold = %s" % SIMILARITY)
    cur.execute("SET pg_trgm.word_similarity_threshold = %s" % SIMILARITY)
    cur.execute("PREPARE sim (text) AS SELECT DISTINCT entry_id FROM names WHERE name % $1")
    cur.execute("PREPARE wsim (text) AS SELECT DISTINCT entry_id FROM names WHERE $1 <% name")
    probe = next((t[3] for t in travellers if t[3]), "X")
    for stmt in ("sim", "wsim") if args.word_similarity else ("sim",):
        cur.execute("EXPLAIN EXECUTE " + stmt + " (%s)", (probe,))
        plan = [r[0] for r in cur.fetchall()]
        uses_index = any("names_trgm" in line for line in plan)
        print("pg_trgm: plan of %s %s the GIN index: %s"
              % (stmt, "uses" if uses_index else "does NOT use",
                 " / ".join(line.strip() for line in plan)), flush=True)

    print("pg_trgm: screening %d travellers on one connection (%% at similarity %.1f)"
          % (len(travellers), SIMILARITY), flush=True)
    hits, secs, cpu = screen(cur, travellers, "sim", "pg_trgm %", backend_pid)
    results = [("PostgreSQL %s pg_trgm %%" % version.split()[0], PG_SYSTEM, hits, secs, cpu)]
    if args.word_similarity:
        print("pg_trgm: word-similarity pass ($1 <%% name at %.1f)" % SIMILARITY, flush=True)
        whits, wsecs, wcpu = screen(cur, travellers, "wsim", "pg_trgm <%", backend_pid)
        results.append(("PostgreSQL %s pg_trgm <%%" % version.split()[0], PG_WORD_SYSTEM,
                        whits, wsecs, wcpu))
    conn.close()

    pax_runs = [pax]
    if args.again:
        pax_runs.append(run_harness_again(args.again, pax))
        pax = dict(pax)
        pax["rps"] = sum(r["rps"] for r in pax_runs) / len(pax_runs)
        if all(r.get("cps") for r in pax_runs):
            pax["cps"] = sum(r["cps"] for r in pax_runs) / len(pax_runs)

    n = len(travellers)
    pax_cps = pax.get("cps")  # screening alone, measured by the harness itself
    if pax_cps is None and args.harness_cpu and os.path.exists(args.harness_cpu):
        try:
            cpu_s = sum(float(x) for x in open(args.harness_cpu).read().split()[-2:])
            pax_cps = n / cpu_s if cpu_s > 0 else None
        except ValueError:
            pass
    rows = [("paxscreen (harness, t=%.2f)" % pax["threshold"], pax["rps"], pax_cps, pax["recall"],
             pax["fa"], pax.get("found"), pax.get("positives"), pax.get("alerted"),
             pax.get("negatives"))]
    computed = []
    for label, system, h, s, c in results:
        m = metrics(travellers, h)
        computed.append((label, system, h, s, c, m))
        rows.append((label, n / s, n / c if c else None, m["recall"], m["fa"], m["found"],
                     m["positives"], m["alerted"], m["negatives"]))

    print("\n%d list names (UN + OFAC individuals), %d travellers, one core each\n"
          % (list_names, n))
    print("%-30s %10s %11s %8s %8s %13s %10s" % ("system", "records/s", "rec/CPU-s*",
                                                 "recall", "FA/1000", "found", "alerted"))
    for label, rps, cps, rec, fa, fnd, pos, al, neg in rows:
        print("%-30s %10.0f %11s %8.4f %8.2f %13s %10s"
              % (label, rps, "%.0f" % cps if cps else "-", rec, fa,
                 "%s/%s" % (fnd, pos) if fnd is not None else "-",
                 "%s/%s" % (al, neg) if al is not None else "-"))
    if len(pax_runs) > 1:
        print("paxscreen timed before and after PostgreSQL: %s records/s, %s per CPU-second "
              "(the mean is used)" % (" and ".join("%.0f" % r["rps"] for r in pax_runs),
                                      " and ".join("%.0f" % r["cps"] if r.get("cps") else "-"
                                                   for r in pax_runs)))
    print("* records per CPU second: paxscreen = travellers / CPU time of its screening loop "
          "(as the harness reports it; list loading, index build and generation excluded, as "
          "PostgreSQL's COPY and index build are); PostgreSQL = travellers / CPU time of its "
          "backend during the query loop (client not counted).\n")
    for label, system, h, s, c, m in computed:
        print("paxscreen vs %s:" % label)
        print("  records/s ratio (paxscreen / PG), wall clock   x%.2f" % (pax["rps"] / (n / s)))
        if pax_cps and c:
            print("  records/CPU-s ratio (paxscreen / PG)           x%.2f" % (pax_cps / (n / c)))
        print("  recall, paxscreen - PG                          %+.4f" % (pax["recall"] - m["recall"]))
        print("  false alarms per 1,000, paxscreen - PG          %+.2f" % (pax["fa"] - m["fa"]))
        print("  target (>= 10x records/s, recall >=, FA <=):   %s"
              % ("MET" if pax["rps"] >= 10 * n / s and pax["recall"] >= m["recall"]
                 and pax["fa"] <= m["fa"] else "NOT MET"))
    print("\nrecall per variant:\n  %-16s %8s %10s" % ("variant", "total", "pg_trgm %"))
    for v, (tot, fnd) in sorted(per_variant(travellers, computed[0][2]).items()):
        print("  %-16s %8d %10.4f" % (v, tot, fnd / tot))
    sys.stdout.flush()

    if args.throughput_csv:
        # Per CPU-second where measured (the per-core figure the scale benchmarks also give; the
        # machine's cores are shared), else by wall clock.
        upsert_rows(args.throughput_csv, ["system", "watchlist_names", "records_per_second"],
                    [[PAX_SYSTEM, str(list_names), "%.1f" % (pax_cps or pax["rps"])]] +
                    [[system, str(list_names), "%.1f" % (n / c if c else n / s)]
                     for _, system, _, s, c, _ in computed], 2)
    if args.points_csv:
        upsert_rows(args.points_csv, ["system", "threshold", "recall", "false_alarms_per_1000",
                                      "records_per_second"],
                    [[PAX_SYSTEM, "%.2f" % pax["threshold"], "%.5f" % pax["recall"],
                      "%.3f" % pax["fa"], "%.1f" % (pax_cps or pax["rps"])]] +
                    [[system, "%.2f" % SIMILARITY, "%.5f" % m["recall"], "%.3f" % m["fa"],
                      "%.1f" % (n / c if c else n / s)] for _, system, _, s, c, m in computed], 1)
    if args.sweep_csv:
        sweep(args, travellers)


def sweep(args, travellers):
    """pg_trgm's own recall / false-alarm curve: one pass at a low similarity threshold that
    returns each entry's best similarity, then every threshold above it is evaluated offline.
    Untimed; it only draws PostgreSQL's curve on the accuracy chart."""
    conn = pg.connect(host=args.host, port=args.port, dbname="postgres", user="postgres")
    conn.autocommit = True
    cur = conn.cursor()
    cur.execute("SET pg_trgm.similarity_threshold = %s" % SWEEP_FLOOR)
    cur.execute("PREPARE best (text) AS SELECT entry_id, max(similarity(name, $1)) "
                "FROM names WHERE name % $1 GROUP BY entry_id")
    print("pg_trgm: sweep pass at similarity >= %.2f (untimed)" % SWEEP_FLOOR, flush=True)
    scores = []
    step = max(1000, len(travellers) // 10)
    for i, t in enumerate(travellers):
        cur.execute("EXECUTE best (%s)", (t[3],))
        scores.append(dict(cur.fetchall()))
        if (i + 1) % step == 0:
            print("  sweep: %d / %d travellers" % (i + 1, len(travellers)), file=sys.stderr,
                  flush=True)
    conn.close()
    rows = []
    for k in range(int(round((0.95 - SWEEP_FLOOR) / 0.05)) + 1):
        th = SWEEP_FLOOR + 0.05 * k
        hits = [{e for e, v in sc.items() if v >= th - 1e-9} for sc in scores]
        m = metrics(travellers, hits)
        rows.append([round(th, 2), "%.6f" % m["recall"], "%.3f" % m["fa"]])
        print("  similarity %.2f: recall %.4f, false alarms per 1,000 %.2f"
              % (th, m["recall"], m["fa"]))
    with open(args.sweep_csv, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["threshold", "recall", "false_alarms_per_1000"])
        w.writerows(rows)


if __name__ == "__main__":
    main()
