#!/usr/bin/env python3
"""Regenerates tests/matcher/phonetic/phonetic_vectors.tsv, the conformance vectors for
matcher/phonetic. Not run by the tests (they read the committed file).

  python3 tests/matcher/phonetic/conformance/generate_vectors.py   # from the repository root

What it does:
  1. Corpus: name tokens from ../shared/data/watchlists (UN consolidated XML name fields, OFAC SDN
     and alias CSV names) plus surnames of many origins from the Faker
     package's person providers. Everything is folded to A-Z (NFKD, combining marks dropped, a few
     letters spelled out); tokens that are not Latin after folding are dropped; deduplicated.
  2. Apache Commons Codec (Maven Central, via pom.xml beside this file and the machine's Java 17):
     Soundex.US_ENGLISH, Nysiis (strict), DoubleMetaphone primary/alternate at max length 4 (the
     default) and 8, DaitchMokotoffSoundex branching codes (split on '|', sorted).
  3. jellyfish (PyPI): soundex and nysiis (jellyfish's NYSIIS is a different variant; reported
     separately).
Needs: python3, pip, java/javac 17, mvn, network to Maven Central and PyPI.
"""
import csv
import os
import random
import re
import subprocess
import sys
import tempfile
import unicodedata
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
SHARED = os.environ.get("PAXSCREEN_SHARED_DATA", os.path.join(REPO, "..", "shared", "data"))
OUT = os.path.join(HERE, "..", "phonetic_vectors.tsv")
COMMONS_CODEC = "1.17.1"  # keep in step with pom.xml
JELLYFISH = "1.3.0"
MAX_WATCHLIST = 5000  # sampled watchlist tokens; with MAX_FAKER keeps the file well under 1 MB
MAX_FAKER = 4000
SEED = 20240601

SPELLED = {"ß": "SS", "Æ": "AE", "æ": "AE", "Ø": "O", "ø": "O", "Œ": "OE", "œ": "OE",
           "Þ": "TH", "þ": "TH", "Đ": "D", "đ": "D", "Ð": "D", "ð": "D", "Ł": "L", "ł": "L",
           "ı": "I", "Ħ": "H", "ħ": "H"}
UN_FIELDS = {"FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME", "ALIAS_NAME"}


def fold(text):
    text = "".join(SPELLED.get(c, c) for c in text)
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).upper()


def tokens(text):
    """A-Z tokens of a folded name; a token with any non-Latin letter left is dropped whole."""
    out = []
    for raw in re.split(r"[\s,./\-()\"'`;:]+", fold(text)):
        if not raw or any(c.isalpha() and not ("A" <= c <= "Z") for c in raw):
            continue
        tok = "".join(c for c in raw if "A" <= c <= "Z")
        if len(tok) >= 2:
            out.append(tok)
    return out


def watchlist_names():
    names = set()
    un = os.path.join(SHARED, "watchlists", "un_consolidated.xml")
    if os.path.exists(un):
        for el in ET.parse(un).iter():
            if el.tag in UN_FIELDS and el.text:
                names.update(tokens(el.text))
    ofac = os.path.join(SHARED, "watchlists", "ofac")
    for fname, col in (("sdn.csv", 1), ("alt.csv", 3)):
        path = os.path.join(ofac, fname)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8", errors="replace", newline="") as f:
            for row in csv.reader(f):
                if len(row) > col and row[col].strip() != "-0-":
                    names.update(tokens(row[col]))
    return names


def faker_names():
    import importlib
    import pkgutil
    import faker.providers.person as person
    names = set()
    for mod in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module("faker.providers.person." + mod.name).Provider
        for attr in ("last_names", "last_romanized_names"):
            values = getattr(provider, attr, ())
            for v in (values.keys() if isinstance(values, dict) else values):
                names.update(tokens(v))
    return names


def pip_install():
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "jellyfish==" + JELLYFISH,
                    "faker"], check=True)


def commons_codec(names, work):
    lib = os.path.join(work, "lib")
    subprocess.run(["mvn", "-q", "-f", os.path.join(HERE, "pom.xml"),
                    "dependency:copy-dependencies", "-DoutputDirectory=" + lib], check=True)
    jar = os.path.join(lib, "commons-codec-%s.jar" % COMMONS_CODEC)
    classes = os.path.join(work, "classes")
    subprocess.run(["javac", "-d", classes, "-cp", jar,
                    os.path.join(HERE, "PhoneticVectors.java")], check=True)
    run = subprocess.run(["java", "-cp", classes + os.pathsep + jar, "PhoneticVectors"],
                         input="\n".join(names) + "\n", capture_output=True, text=True,
                         check=True)
    rows = {}
    for line in run.stdout.split("\n"):
        if line:
            fields = line.split("\t")
            rows[fields[0]] = fields[1:]
    return rows


def main():
    pip_install()
    import jellyfish
    wl, fk = watchlist_names(), faker_names()
    if not wl:
        sys.exit("no watchlists under %s" % SHARED)
    rng = random.Random(SEED)
    wl_sample, fk_sample = sorted(wl), sorted(fk - wl)
    rng.shuffle(wl_sample)
    rng.shuffle(fk_sample)
    corpus = sorted(set(wl_sample[:MAX_WATCHLIST]) | set(fk_sample[:MAX_FAKER]))
    with tempfile.TemporaryDirectory() as work:
        ref = commons_codec(corpus, work)
    header = ["name", "cc_soundex", "cc_nysiis", "cc_dm4_primary", "cc_dm4_alternate",
              "cc_dm8_primary", "cc_dm8_alternate", "cc_daitch_mokotoff", "jf_soundex",
              "jf_nysiis"]
    with open(OUT, "w", encoding="ascii", newline="\n") as f:
        f.write("# phonetic conformance vectors: commons-codec %s, jellyfish %s; %d names "
                "(sampled from %d watchlist tokens and %d other Faker surnames). Generated by "
                "tests/matcher/phonetic/conformance/generate_vectors.py\n"
                % (COMMONS_CODEC, JELLYFISH, len(corpus), len(wl), len(fk - wl)))
        f.write("\t".join(header) + "\n")
        for name in corpus:
            r = ref[name]
            f.write("\t".join([name] + r + [jellyfish.soundex(name),
                                            jellyfish.nysiis(name)]) + "\n")
    print("wrote %s: %d names, %d bytes" % (OUT, len(corpus), os.path.getsize(OUT)))


if __name__ == "__main__":
    main()
