#!/usr/bin/env python3
"""Prints the whole-night ratio: the Java night (bench-night.json) against the transformers replay of
the same model calls (transformers.json). Both totals include loading the models; the Java one also
includes reading the articles, sentence splitting, extractive summaries, writing the briefs and the digest.

Usage: python3 tools/bench/night_ratio.py WORK/bench-night.json WORK/transformers.json
"""
import json
import sys


def main(java_file: str, python_file: str) -> None:
    java = json.load(open(java_file, encoding="utf-8"))
    py = json.load(open(python_file, encoding="utf-8"))
    articles = java["articles"]
    java_s = java["wall_s"]
    py_s = py["total_s_incl_load"]
    rows = [
        ("whole night (s)", java_s, py_s),
        ("summaries, model time (s)", java["summarise_model_s"], py["stages"]["summarization"]["seconds"]),
        ("translations, model time (s)", java["translate_model_s"], py["stages"]["translation"]["seconds"]),
    ]
    print(f"{articles} articles; Java {articles / java_s * 60:.1f} articles/min, "
          f"transformers {articles / py_s * 60:.1f} articles/min (batch sizes {py['batch_sizes']})")
    print(f"{'':32} {'briefs':>10} {'transformers':>13} {'ratio':>7}")
    for name, j, p in rows:
        print(f"{name:32} {j:10.1f} {p:13.1f} {p / j:6.2f}x")
    print(f"Java peak RSS {java['peak_rss_mib']} MiB; at article 100 {java['rss_at_100_articles_mib']} MiB, "
          f"at the end {java['rss_at_end_mib']} MiB")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
