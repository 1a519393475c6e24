#!/usr/bin/env python3
"""Peer benchmark: paxscreen's distance kernels against RapidFuzz on the same strings, same run.

Runs bench/matcher/distance_bench with PAXSCREEN_BENCH_DUMP so that it writes the exact query
and 1 M candidates it measures, reads paxscreen's comparisons/second from its JSON output, then
times RapidFuzz `process.cdist(..., workers=1)` on those strings and prints the ratio.

RapidFuzz comes from PyPI (`pip install rapidfuzz numpy`). If it is not importable, this script
creates a virtual environment under <build dir>/peer-venv, installs it there, and re-runs itself
with that interpreter. Test tooling only; the product never uses RapidFuzz.

RapidFuzz is timed in both orientations and the faster one is used for the ratio:
  * cdist([query], candidates): one cached query scored against every candidate;
  * cdist(candidates, [query]): the candidates as the "queries", which lets RapidFuzz pack
    them into SIMD lanes (its multi-string Levenshtein path), its fastest mode here.

  python3 bench/peers/rapidfuzz_peer.py --build build/distance [--isa avx512] [--repeat 3]
"""
import argparse
import json
import os
import subprocess
import sys
import time


def ensure_rapidfuzz(build_dir):
    try:
        import rapidfuzz  # noqa: F401
        import numpy  # noqa: F401
        return
    except ImportError:
        pass
    venv = os.path.join(build_dir, "peer-venv")
    py = os.path.join(venv, "bin", "python")
    if os.path.abspath(sys.executable) == os.path.abspath(py):
        sys.exit("rapidfuzz is still missing inside " + venv)
    if not os.path.exists(py):
        subprocess.check_call([sys.executable, "-m", "venv", venv])
    subprocess.check_call([py, "-m", "pip", "install", "-q", "rapidfuzz", "numpy"])
    os.execv(py, [py] + sys.argv)


def run_paxscreen(build_dir, isa, dump_path):
    exe = os.path.join(build_dir, "bench", "matcher", "distance_bench")
    env = dict(os.environ, PAXSCREEN_BENCH_DUMP=dump_path)
    pattern = "^(Levenshtein|JaroWinkler)/(%s|scalar)/mixed/" % isa
    out = subprocess.check_output(
        [exe, "--benchmark_filter=" + pattern, "--benchmark_format=json",
         "--benchmark_min_time=0.5"], env=env)
    rates = {}
    for b in json.loads(out)["benchmarks"]:
        if "error_message" in b:
            sys.exit("paxscreen benchmark failed: %s: %s" % (b["name"], b["error_message"]))
        rates[b["name"]] = (b["items_per_second"], b.get("hits"))
    return rates


def best_time(fn, repeat):
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()  # CPU time, as Google Benchmark's items_per_second
        fn()
        best = min(best, time.process_time() - t0)
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default="build/release", help="CMake build directory")
    ap.add_argument("--isa", default="avx512", help="paxscreen kernel to compare")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    ensure_rapidfuzz(args.build)
    import numpy as np
    import rapidfuzz
    from rapidfuzz import process
    from rapidfuzz.distance import JaroWinkler, Levenshtein

    dump = os.path.join(args.build, "distance_bench_strings.txt")
    pax = run_paxscreen(args.build, args.isa, dump)
    with open(dump, "rb") as f:
        lines = f.read().decode("latin-1").split("\n")
    query, cands = lines[0], [c for c in lines[1:] if c]
    n = len(cands)
    print("rapidfuzz %s, %d candidates of %d-%d bytes, query %r" %
          (rapidfuzz.__version__, n, min(map(len, cands)), max(map(len, cands)), query))
    print("%-34s %14s %14s %14s %8s" % ("case", "paxscreen/s", "rf one-query/s",
                                         "rf packed/s", "ratio"))
    cases = [("Levenshtein", k, "Levenshtein/%s/mixed/cutoff:%d" % (args.isa, k),
              dict(scorer=Levenshtein.distance, score_cutoff=k, dtype=np.int32)) for k in (1, 2)]
    cases.append(("JaroWinkler", 0.85, "JaroWinkler/%s/mixed/cutoff:0.85" % args.isa,
                  dict(scorer=JaroWinkler.similarity, score_cutoff=0.85, dtype=np.float64)))
    for metric, cut, name, kw in cases:
        pax_rate, pax_hits = pax[name]
        one = best_time(lambda: process.cdist([query], cands, workers=1, **kw), args.repeat)
        packed = best_time(lambda: process.cdist(cands, [query], workers=1, **kw), args.repeat)
        # Hits from the uncut scores: cdist's own cutoff drops a few scores that equal the
        # cutoff up to rounding (e.g. 0.85 computed as 0.8500000000000001 in the pair scorer).
        full = dict(kw, score_cutoff=None)
        res = process.cdist([query], cands, workers=1, **full)[0]
        rf_hits = int(np.count_nonzero(res <= cut)) if metric == "Levenshtein" else \
            int(np.count_nonzero(res >= cut))
        rf_best = n / min(one, packed)
        agree = "" if pax_hits is None or int(pax_hits) == rf_hits else \
            "  HIT COUNTS DIFFER: paxscreen %s rapidfuzz %d" % (pax_hits, rf_hits)
        print("%-34s %14.3e %14.3e %14.3e %7.2fx%s" %
              (name, pax_rate, n / one, n / packed, pax_rate / rf_best, agree))
    scalar = pax.get("Levenshtein/scalar/mixed/cutoff:2")
    if scalar:
        print("scalar kernel, Levenshtein cutoff 2: %.3e comparisons/s" % scalar[0])


if __name__ == "__main__":
    main()
