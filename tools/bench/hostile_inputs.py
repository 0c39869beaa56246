"""Hostile-size inputs for a night of briefs (docs/input.md, "Hostile sizes").

    python3 tools/bench/hostile_inputs.py day    DIR N PER    N English articles in JSON Lines files of PER lines
    python3 tools/bench/hostile_inputs.py files  DIR N        N one-article JSON files
    python3 tools/bench/hostile_inputs.py feed   DIR N        one JSON Lines file of N one-sentence articles
    python3 tools/bench/hostile_inputs.py nested DIR N        one HTML page: N nested <div>s around a paragraph

Articles are English sentences of the shared corpus (../shared/corpus, or CORPUS), 3 to 6 picked at random
(seed 21) for an article of `day` and `files`: about 4,000 distinct sentences, so the stories step embeds each
once however many articles use it, and its time is mostly the comparison of pairs, not the embedding.
"""
import json
import os
import random
import sys

CORPUS = os.environ.get("CORPUS", os.path.join(os.path.dirname(__file__), "../../../shared/corpus"))


def sentences():
    out = []
    for name in ("wmt22-en-uk.src.en", "wmt22-uk-en.ref.en"):
        with open(os.path.join(CORPUS, name), encoding="utf-8") as f:
            out += [line.strip() for line in f if len(line.split()) >= 6]
    return out


def article(rng, lines, i):
    text = " ".join(rng.sample(lines, rng.randint(3, 6)))
    return {"id": f"a{i:06d}", "maintext": text, "language": "en", "url": f"https://news{i % 50}.example/{i}"}


def main(kind, folder, n, per=None):
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(21)
    if kind == "day":
        lines = sentences()
        for start in range(0, n, per):
            with open(os.path.join(folder, f"feed{start // per:04d}.jsonl"), "w", encoding="utf-8") as f:
                for i in range(start, min(n, start + per)):
                    f.write(json.dumps(article(rng, lines, i), ensure_ascii=False) + "\n")
    elif kind == "files":
        lines = sentences()
        for i in range(n):
            with open(os.path.join(folder, f"a{i:06d}.json"), "w", encoding="utf-8") as f:
                json.dump(article(rng, lines, i), f, ensure_ascii=False)
    elif kind == "feed":
        short = [s for s in sentences() if len(s) < 60]
        with open(os.path.join(folder, "wire.jsonl"), "w", encoding="utf-8") as f:
            for i in range(n):
                f.write(json.dumps({"maintext": short[i % len(short)]}) + "\n")
    elif kind == "nested":
        with open(os.path.join(folder, "nested.html"), "w", encoding="utf-8") as f:
            f.write("<html lang=en><body><article><p>The harbour reopened on Monday after repairs to the sea wall.</p>")
            f.write("<div>" * n + "<p>Deep text.</p>" + "</div>" * n + "</article></body></html>")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]) if len(sys.argv) > 4 else None)
