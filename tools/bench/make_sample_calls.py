#!/usr/bin/env python3
"""Write a small calls.jsonl from the shared corpus, to try night_transformers.py without a Java night.

Summarization calls (distilbart-cnn-6-6): the English article, and the English reference translations of
the WMT22 uk news documents (one document per call). Translation calls: English segments (opus-mt-en-uk)
and Ukrainian segments (opus-mt-uk-en) of the WMT22 test sets, interleaved as a night would be.

Usage (from the repository root; reads the corpus, writes only OUT):
    python3 tools/bench/make_sample_calls.py --corpus ../shared/corpus --out /tmp/calls.jsonl \\
        [--summaries 4] [--translations 8]
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[3] / "shared" / "corpus")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--summaries", type=int, default=4, help="summarization calls")
    ap.add_argument("--translations", type=int, default=8, help="translation calls per direction")
    args = ap.parse_args()

    art = (args.corpus / "000_c930af4e63a7dcc9.txt").read_text(encoding="utf-8")
    art = re.sub(r"^\s*date \d{4}-\d{2}-\d{2}\s*", "", art)
    docs = [" ".join(p.strip() for p in re.split(r"\n\s*\n", art) if p.strip())]
    for line in (args.corpus / "wmt22-uk-news.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            docs.append(" ".join(s.strip() for s in json.loads(line)["reference_en_segments"] if s.strip()))

    def segments(name: str) -> list[str]:
        lines = (args.corpus / name).read_text(encoding="utf-8").splitlines()
        return [l.strip() for l in lines if 40 <= len(l.strip()) <= 400]

    en, uk = segments("wmt22-en-uk.src.en"), segments("wmt22-uk-en.src.uk")
    calls = [{"model": "distilbart-cnn-6-6", "task": "summarization", "text": d} for d in docs[: args.summaries]]
    for i in range(args.translations):
        calls.append({"model": "opus-mt-en-uk", "task": "translation", "text": en[i * 7 % len(en)]})
        calls.append({"model": "opus-mt-uk-en", "task": "translation", "text": uk[i * 7 % len(uk)]})
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as f:
        for c in calls:
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    print(f"wrote {len(calls)} calls to {args.out}")


if __name__ == "__main__":
    main()
