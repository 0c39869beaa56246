#!/usr/bin/env python3
"""Prints the whole-night ratios: the Java night (bench-night.json) against the transformers replay of the same
model calls (transformers.json) and, when given, against the CTranslate2 int8 replay (ctranslate2.json), and the
three peak RSS values. Every total includes loading the models; the Java one also includes reading the articles,
sentence splitting, extractive summaries, writing the briefs and the digest. A ratio above 1 means briefs was
faster.

Usage: python3 tools/bench/night_ratio.py WORK/bench-night.json WORK/transformers.json [WORK/ctranslate2.json]
"""
import json
import sys


def load(path: str) -> dict:
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def rss(doc: dict) -> str:
    v = doc.get("peak_rss_mib")
    return f"{v:,} MiB" if v is not None else "not recorded"


def main(java_file: str, peer_files: list[str]) -> None:
    java = load(java_file)
    peers = [load(f) for f in peer_files]
    names = ["transformers" if p.get("tool", "night_transformers") == "night_transformers"
             else f"CTranslate2 {p.get('compute_type', 'int8')}" for p in peers]
    articles = java["articles"]
    java_s = java["wall_s"]
    rows = [("whole night (s)", java_s, [p["total_s_incl_load"] for p in peers]),
            ("summaries, model time (s)", java["summarise_model_s"],
             [p["stages"]["summarization"]["seconds"] for p in peers]),
            ("translations, model time (s)", java["translate_model_s"],
             [p["stages"]["translation"]["seconds"] for p in peers])]
    print(f"{articles} articles; briefs {articles / java_s * 60:.1f} articles/min, " + ", ".join(
        f"{n} {articles / p['total_s_incl_load'] * 60:.1f} articles/min (batch sizes {p['batch_sizes']})"
        for n, p in zip(names, peers)))
    head = f"{'':32} {'briefs':>10}" + "".join(f" {n:>16} {'ratio':>7}" for n in names)
    print(head)
    for label, j, ps in rows:
        print(f"{label:32} {j:10.1f}" + "".join(f" {p:16.1f} {p / j:6.2f}x" for p in ps))
    for n, p in zip(names, peers):
        if any(not m.get("all_calls_max_new_tokens", True)
               for st in p["stages"].values() for m in st["models"].values()):
            print(f"WARNING: {n} did not generate max_new_tokens on every call: the ratio compares unequal work")
    print(f"peak RSS: briefs {java['peak_rss_mib']:,} MiB (at article 100 {java['rss_at_100_articles_mib']:,} MiB, "
          f"at the end {java['rss_at_end_mib']:,} MiB); " + "; ".join(f"{n} {rss(p)}" for n, p in zip(names, peers)))


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
