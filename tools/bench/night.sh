#!/usr/bin/env bash
# The whole-night benchmark: the Java job (NightBench, the test-scope benchmark bench-night) and the same
# model calls replayed with the transformers pipelines (night_transformers.py) and with CTranslate2 int8
# (night_ctranslate2.py), one after the other on this machine, then the ratios and the peak RSS of all three. Run it on an otherwise idle machine, from the repository root, after
#   tools/fixtures/.venv/bin/python tools/fixtures/make_tiny_models.py --full-size MODELS_DIR
# Usage: tools/bench/night.sh MODELS_DIR [ARTICLES (1000)] [WORK_DIR (out/bench-night)] [bench-night options...]
# Maven runs as ./mvnw; MAVEN_ARGS=-o tools/bench/night.sh ... keeps it offline.
set -euo pipefail
models=${1:?usage: tools/bench/night.sh MODELS_DIR [ARTICLES] [WORK_DIR] [bench-night options]}
articles=${2:-1000}
work=${3:-out/bench-night}
shift $(( $# < 3 ? $# : 3 ))
python=tools/fixtures/.venv/bin/python
# Checked first: the Java night alone takes many minutes, and its half of the ratio is no use without the other.
if [[ ! -x $python ]]; then
    echo "night.sh: $python is missing; make it as tools/bench/README.md says (Run), then run this again" >&2
    exit 2
fi
# The benchmark is not part of the product (its jar has no bench-night): it runs on the test classpath.
classpath_file=target/bench-classpath.txt
./mvnw -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
java -cp "target/test-classes:target/classes:$(cat "$classpath_file")" dev.briefs.bench.NightBench \
    --models "$models" --articles "$articles" --work "$work" "$@"
"$python" tools/bench/night_transformers.py --calls "$work/calls.jsonl" --models "$models" \
    --batch-sizes 1,4,8,16 --threads "$(nproc)" --json "$work/transformers.json"
# Converted models are kept in $work/ct2 (made once, in a child process: not in the replay's RSS).
"$python" tools/bench/night_ctranslate2.py --calls "$work/calls.jsonl" --models "$models" \
    --batch-sizes 1,4,8,16 --threads "$(nproc)" --work "$work/ct2" --json "$work/ctranslate2.json"
python3 tools/bench/night_ratio.py "$work/bench-night.json" "$work/transformers.json" "$work/ctranslate2.json"
