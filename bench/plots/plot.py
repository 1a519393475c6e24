#!/usr/bin/env python3
"""Turns paxscreen's benchmark output into the PNG charts in docs/.

  python3 bench/plots/plot.py [--bench build/bench] [--out docs]
      [--sweep LABEL=FILE ...] [--points FILE] [--throughput FILE]

Charts (each skipped, with a message, when its input is absent):
  recall_vs_false_alarms.png   recall against false alarms per 1,000 travellers as the threshold
                               moves: one line per sweep CSV, one marker per operating point.
  throughput_vs_watchlist.png  records per CPU-second on one core against watchlist size, one line per system.

Inputs (all CSV with a header row; the benchmarks write them under build/bench/):
  sweep CSV       threshold,recall,false_alarms_per_1000
                  `paxscreen harness --sweep_csv` (sweep_paxscreen.csv) and the pg_trgm peer's
                  `--sweep` pass (sweep_pg_trgm.csv). Default: every build/bench/sweep_*.csv,
                  labelled by the part of the name after "sweep_".
  points CSV      system,threshold,recall,false_alarms_per_1000,records_per_second
                  each system's operating point (peer_points.csv, from bench/peers/pg_trgm).
  throughput CSV  system,watchlist_names,records_per_second
                  one row per system and watchlist size, on one core (throughput.csv). Appended
                  by bench/peers/pg_trgm/run.sh and the scale benchmarks; when a (system, size)
                  pair repeats, the last row wins.
Needs matplotlib (Debian python3-matplotlib); re-runs itself with /usr/bin/python3 when the
first python3 on PATH lacks it.
"""
import argparse
import csv
import glob
import os
import sys

try:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle
    from matplotlib.ticker import FuncFormatter
except ImportError:
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != \
            os.path.realpath("/usr/bin/python3") and not os.environ.get("PAXSCREEN_PLOT_REEXEC"):
        os.environ["PAXSCREEN_PLOT_REEXEC"] = "1"
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    sys.exit("plot.py: needs matplotlib: install the Debian package python3-matplotlib")

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

# Display names and colours for the system ids the benchmarks write; others get defaults.
LABELS = {
    "paxscreen": "paxscreen",
    "postgresql15-pg_trgm": "PostgreSQL 15 pg_trgm (%, similarity 0.6)",
    "postgresql15-pg_trgm-word": "PostgreSQL 15 pg_trgm (<%, word similarity 0.6)",
    "pg_trgm": "PostgreSQL 15 pg_trgm (similarity threshold moves)",
}
COLORS = {"paxscreen": "#1f5fa8", "postgresql15-pg_trgm": "#c0392b",
          "postgresql15-pg_trgm-word": "#e67e22", "pg_trgm": "#c0392b"}
# The targets, drawn for reference.
TARGET_RECALL, TARGET_FA = 0.995, 0.5
TARGET_THROUGHPUT = [(1_000_000, 50_000), (10_000_000, 10_000)]


def read_csv(path, columns):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    if rows and not set(columns) <= set(rows[0].keys()):
        sys.exit("plot.py: %s lacks columns %s" % (path, sorted(set(columns) - set(rows[0]))))
    return rows


def label(system):
    return LABELS.get(system, system)


def fa_axis(ax):
    # Symmetric log: false alarms span 0 to hundreds per 1,000, and 0 must stay visible.
    ax.set_xscale("symlog", linthresh=0.5, linscale=0.5)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: "%g" % v))


def plot_accuracy(sweeps, points, out):
    fig, ax = plt.subplots(figsize=(8.5, 5.5), dpi=130)
    fa_axis(ax)
    lo, hi_fa = 1.0, 1.0
    for name, path in sweeps:
        rows = sorted(read_csv(path, ["threshold", "recall", "false_alarms_per_1000"]),
                      key=lambda r: float(r["threshold"]))
        th = [float(r["threshold"]) for r in rows]
        rec = [float(r["recall"]) for r in rows]
        fa = [float(r["false_alarms_per_1000"]) for r in rows]
        lo, hi_fa = min(lo, min(rec)), max(hi_fa, max(fa))
        color = COLORS.get(name)
        ax.plot(fa, rec, "-", marker=".", color=color, label=label(name) + " sweep", lw=1.6)
        # Label every few thresholds so the direction of travel is readable.
        for i in range(0, len(th), max(1, len(th) // 5)):
            ax.annotate("%.2f" % th[i], (fa[i], rec[i]), textcoords="offset points",
                        xytext=(4, -10), fontsize=7, color=color or "0.3")
    markers = iter("o^sDv")
    for r in points:
        rec, fa = float(r["recall"]), float(r["false_alarms_per_1000"])
        lo, hi_fa = min(lo, rec), max(hi_fa, fa)
        ax.plot([fa], [rec], next(markers, "o"), ms=9, mfc="none", mew=2,
                color=COLORS.get(r["system"]),
                label="%s at %s: %.0f records/CPU-s" % (label(r["system"]), r["threshold"],
                                                    float(r["records_per_second"])))
    ax.add_patch(Rectangle((0, TARGET_RECALL), TARGET_FA, 1.002 - TARGET_RECALL, fc="#2e8b5740",
                           ec="#2e8b57", lw=1.2, label="target: recall >= %.1f%% at <= %.1f FA/1,000"
                           % (100 * TARGET_RECALL, TARGET_FA)))
    ax.set_xlim(0, hi_fa * 1.6)
    ax.set_ylim(max(0.0, lo - 0.02), 1.002)
    ax.set_xlabel("false alarms per 1,000 travellers (negatives with any alert; symlog scale)")
    ax.set_ylabel("recall (listed travellers found)")
    ax.set_title("Recall against false alarms as the threshold moves (harness, UN + OFAC)")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=7.5, loc="lower right")
    fig.tight_layout()
    fig.savefig(out)
    plt.close(fig)
    print("plot.py: wrote", out)


def plot_throughput(rows, out):
    latest = {}
    for r in rows:  # the last row for a (system, size) pair wins
        latest[(r["system"], int(float(r["watchlist_names"])))] = float(r["records_per_second"])
    systems = sorted({s for s, _ in latest}, key=lambda s: (s != "paxscreen", s))
    fig, ax = plt.subplots(figsize=(8.5, 5.5), dpi=130)
    for s in systems:
        pts = sorted((n, v) for (sy, n), v in latest.items() if sy == s)
        ax.plot([p[0] for p in pts], [p[1] for p in pts], "-o", color=COLORS.get(s), label=label(s),
                lw=1.6, ms=7)
    # Value labels: at each watchlist size, stacked to the right of the points from the highest
    # down, with a leader line, so systems with close figures stay readable.
    for n in sorted({n for _, n in latest}):
        here = sorted(((v, s) for (s, m), v in latest.items() if m == n), reverse=True)
        for j, (v, s) in enumerate(here):
            ax.annotate("%s/s" % human(v), (n, v), xytext=(n * 1.35, here[0][0] * 1.25 / 1.28 ** j),
                        textcoords="data", fontsize=7.5, va="center", color=COLORS.get(s) or "0.3",
                        arrowprops=dict(arrowstyle="-", lw=0.6, color=COLORS.get(s) or "0.3"))
    # Absolute targets at 1 M and 10 M names, and 10x each PostgreSQL figure at its size.
    targets = list(TARGET_THROUGHPUT) + [(n, 10 * v) for (sy, n), v in latest.items()
                                         if sy == "postgresql15-pg_trgm"]
    tx = [n for n, _ in targets]
    ty = [v for _, v in targets]
    ax.plot(tx, ty, "_", ms=22, mew=2.5, color="#2e8b57", label="targets: 10x pg_trgm; 50k/s at 1M; 10k/s at 10M")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: human(v)))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: human(v)))
    xs = [n for _, n in latest] + tx
    ys = list(latest.values()) + ty
    ax.set_xlim(min(xs) / 2, max(xs) * 2)
    ax.set_ylim(min(ys) / 3, max(ys) * 3)
    ax.set_xlabel("watchlist size (names)")
    ax.set_ylabel("records per CPU-second, one core")
    ax.set_title("Screening throughput against watchlist size")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    fig.savefig(out)
    plt.close(fig)
    print("plot.py: wrote", out)


def human(v):
    for div, suffix in ((1e6, "M"), (1e3, "k")):
        if v >= div:
            return ("%.1f" % (v / div)).rstrip("0").rstrip(".") + suffix
    return "%g" % round(v, 1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bench", default=os.path.join(REPO, "build", "bench"),
                    help="folder with the benchmarks' CSVs (default build/bench)")
    ap.add_argument("--out", default=os.path.join(REPO, "docs"), help="where the PNGs go")
    ap.add_argument("--sweep", action="append", default=[],
                    help="LABEL=FILE, a threshold sweep CSV (repeatable)")
    ap.add_argument("--points", default="", help="operating points CSV")
    ap.add_argument("--throughput", default="", help="throughput CSV")
    args = ap.parse_args()

    sweeps = []
    for s in args.sweep:
        name, _, path = s.partition("=")
        if not path:
            sys.exit("plot.py: --sweep wants LABEL=FILE, got %r" % s)
        sweeps.append((name, path))
    if not args.sweep:
        for path in sorted(glob.glob(os.path.join(args.bench, "sweep_*.csv"))):
            sweeps.append((os.path.basename(path)[len("sweep_"):-len(".csv")], path))
    points_path = args.points or os.path.join(args.bench, "peer_points.csv")
    tput_path = args.throughput or os.path.join(args.bench, "throughput.csv")
    points = read_csv(points_path, ["system", "threshold", "recall", "false_alarms_per_1000",
                                    "records_per_second"]) if os.path.exists(points_path) else []
    os.makedirs(args.out, exist_ok=True)
    made = 0
    if sweeps or points:
        plot_accuracy(sweeps, points, os.path.join(args.out, "recall_vs_false_alarms.png"))
        made += 1
    else:
        print("plot.py: no sweep or points CSV under %s: accuracy chart skipped" % args.bench)
    if os.path.exists(tput_path):
        rows = read_csv(tput_path, ["system", "watchlist_names", "records_per_second"])
        if rows:
            plot_throughput(rows, os.path.join(args.out, "throughput_vs_watchlist.png"))
            made += 1
    else:
        print("plot.py: no %s: throughput chart skipped" % tput_path)
    if not made:
        sys.exit("plot.py: nothing to plot; run bench/peers/pg_trgm/run.sh first")


if __name__ == "__main__":
    main()
