#!/usr/bin/env bash
# The whole-night benchmark: the Java job (briefs bench-night) and the same model calls replayed with
# the transformers pipelines (night_transformers.py), one after the other on this machine, then their
# ratio. Run it on an otherwise idle machine, from the repository root, after
#   ./mvnw -q -DskipTests package
#   tools/fixtures/.venv/bin/python tools/fixtures/make_tiny_models.py --full-size MODELS_DIR
# Usage: tools/bench/night.sh MODELS_DIR [ARTICLES (1000)] [WORK_DIR (out/bench-night)] [bench-night options...]
set -euo pipefail
models=${1:?usage: tools/bench/night.sh MODELS_DIR [ARTICLES] [WORK_DIR] [bench-night options]}
articles=${2:-1000}
work=${3:-out/bench-night}
shift $(( $# < 3 ? $# : 3 ))
java -jar target/briefs.jar bench-night --models "$models" --articles "$articles" --work "$work" "$@"
tools/fixtures/.venv/bin/python tools/bench/night_transformers.py --calls "$work/calls.jsonl" --models "$models" \
    --batch-sizes 1,4,8,16 --threads "$(nproc)" --json "$work/transformers.json"
python3 tools/bench/night_ratio.py "$work/bench-night.json" "$work/transformers.json"
