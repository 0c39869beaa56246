"""Exports the English words that English writes in lower case more often than capitalised.

The name check (dev.briefs.check) reads a capitalised English word as part of a name. A
translation also capitalises common words in titles and institutions ("the Bill", "State
Concern", "Federal Security Service") where the Ukrainian source writes common words or an
acronym; such words cannot be matched without a bilingual dictionary. This list tells them apart
from names: a word is listed when, in spaCy's English lexeme probabilities (Good-Turing smoothed
counts from the Reddit comment corpus, case-sensitive, shipped in the spacy-lookups-data package
on PyPI), its lower-case form is more frequent than its capitalised form and than its upper-case
form, and it is among the most frequent word forms of that table (--top). Nothing here comes from
the texts the checks are measured on.

    python3 -m venv /tmp/lexicon && /tmp/lexicon/bin/pip install -r tools/lexicon/requirements.txt
    /tmp/lexicon/bin/python tools/lexicon/make_common_words.py
"""

import argparse
import gzip
import importlib.metadata
import importlib.resources
import json
import re
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "src/main/resources/dev/briefs/check/en-common-words.txt"
WORD = re.compile(r"[a-z]{2,}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--top", type=int, default=50_000,
                        help="only the N most frequent word forms of the table are considered (default 50000)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()

    table = importlib.resources.files("spacy_lookups_data") / "data" / "en_lexeme_prob.json.gz"
    with table.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as text:
        prob = json.load(text)
    frequent = sorted(prob, key=prob.get, reverse=True)[: args.top]
    common = sorted(word for word in frequent
                    if WORD.fullmatch(word)
                    and prob[word] > prob.get(word.capitalize(), float("-inf"))
                    and prob[word] > prob.get(word.upper(), float("-inf")))
    version = importlib.metadata.version("spacy-lookups-data")
    header = [
        "# English words written in lower case more often than capitalised or in capitals,",
        f"# among the {args.top} most frequent word forms of spaCy's en_lexeme_prob table",
        f"# (spacy-lookups-data {version}, MIT; counts from the Reddit comment corpus).",
        "# Made by tools/lexicon/make_common_words.py; do not edit by hand.",
    ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(header + common) + "\n", encoding="utf-8")
    print(f"{len(common)} words written to {args.out}")


if __name__ == "__main__":
    main()
