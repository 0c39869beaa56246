#!/usr/bin/env python3
"""Python reference side of the whole-night benchmark: replay the model calls of a Java night
(bench-night: src/test/java/dev/briefs/bench/NightBench.java) with the Hugging Face transformers `pipeline`
API, each model at its best batch size.

The Java side writes calls.jsonl, one JSON object per model call of its night, in order:

    {"model": "distilbart-cnn-6-6", "task": "summarization", "text": "<exact input text of that call>"}
    {"model": "opus-mt-en-uk", "task": "translation", "text": "..."}

`model` is the model's folder name under --models. The PyTorch weights are read from
MODELS/torch/<model>/ (written by `tools/fixtures/make_tiny_models.py --full-size MODELS`); the generation
settings from MODELS/<model>/generation_config.json, the file the Java job reads (falling back to the one in
MODELS/torch/<model>/), so both sides generate the same number of tokens per call (--full-size writes
min_new_tokens == max_new_tokens).

What it does:
  1. loads every model named in the calls (tokenizer + model + pipeline): "load" seconds;
  2. per model, times each --batch-sizes candidate on a sample of that model's calls (--sample, spread over
     its calls, after one untimed warm-up call) and keeps the fastest ("calibration", not in the totals);
  3. replays: all summarization calls first, then all translation calls; each model's calls go through one
     pipeline call over the whole list at its best batch size, with truncation=True;
  4. reports load seconds, seconds and generated tokens per stage, totals excluding and including load,
     the call counts and the chosen batch sizes, as a table on stdout and as JSON (--json).

Generated tokens are counted from the output token ids: every id after the decoder start token up to and
including the first eos (so with fixed lengths, exactly max_new_tokens per call). The JSON also has
output_text_tokens: the decoded outputs re-encoded by the tokenizer, without special tokens.

Usage (from the repository root; the environment is tools/fixtures/requirements.txt):
    tools/fixtures/.venv/bin/python tools/bench/night_transformers.py \\
        --calls out/bench/calls.jsonl --models /work/bench-models --batch-sizes 1,4,8,16 --threads 2 \\
        --json out/bench/transformers.json [--limit 20]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
import warnings
from collections import OrderedDict
from pathlib import Path

os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

sys.path.insert(0, str(Path(__file__).resolve().parent))
from night_calls import (TASKS, batch_size_candidates, calibrate, group_calls, log, peak_rss_mib,  # noqa: E402
                         read_calls)

import torch  # noqa: E402
import transformers  # noqa: E402
from transformers import AutoModelForSeq2SeqLM, AutoTokenizer, GenerationConfig, pipeline  # noqa: E402

transformers.logging.set_verbosity_error()
# MarianTokenizer without sacremoses: its punctuation normaliser is not used when encoding, and the fixtures'
# tokenizer.json (what the Java side reads) was checked against MarianTokenizer in this same environment
warnings.filterwarnings("ignore", message="Recommended: pip install sacremoses")

def generated_tokens(ids: list[int], eos: int, pad: int) -> int:
    """New tokens of one output row: after the decoder start, up to and including the first eos."""
    for i in range(1, len(ids)):
        if ids[i] == eos:
            return i
    n = len(ids)
    while n > 1 and ids[n - 1] == pad:
        n -= 1
    return n - 1


class Runner:
    def __init__(self, task: str, name: str, model, tok, gen: GenerationConfig):
        self.task, self.name, self.tok, self.gen = task, name, tok, gen
        self.pipe = pipeline(task, model=model, tokenizer=tok, framework="pt", device=-1)
        self.key = f"{self.pipe.return_name}_token_ids"

    def run(self, texts: list[str], batch_size: int) -> tuple[list[list[int]], list[str]]:
        """One pipeline call over texts; returns the output ids and the decoded texts (decoding is timed too,
        as the pipeline's default return_text would do it)."""
        out = self.pipe(texts, batch_size=batch_size, truncation=True, return_tensors=True,
                        generation_config=self.gen)
        rows = [(o[0] if isinstance(o, list) else o)[self.key] for o in out]
        ids = [r.tolist() if hasattr(r, "tolist") else list(r) for r in rows]
        return ids, self.tok.batch_decode(ids, skip_special_tokens=True)



def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--calls", required=True, type=Path, help="calls.jsonl written by the Java night")
    ap.add_argument("--models", required=True, type=Path, help="models dir: MODELS/torch/<model> (+ MODELS/<model>)")
    ap.add_argument("--batch-sizes", default="1,4,8,16", help="candidate batch sizes (default 1,4,8,16)")
    ap.add_argument("--threads", type=int, default=2, help="torch.set_num_threads (default 2)")
    ap.add_argument("--sample", type=int, default=16, help="calls per model timed per candidate batch size")
    ap.add_argument("--json", type=Path, default=None, help="write the results here")
    ap.add_argument("--limit", type=int, default=None, help="replay only the first N calls")
    args = ap.parse_args()

    load_start = os.getloadavg()
    candidates = batch_size_candidates(args.batch_sizes)
    torch.set_num_threads(args.threads)
    calls = read_calls(args.calls, args.limit)

    groups = group_calls(calls)  # (task, model) -> texts: summarization first, models in order of first call

    t0 = time.perf_counter()
    loaded, runners = {}, {}
    for task, name in groups:
        tdir = args.models / "torch" / name
        if not (tdir / "config.json").exists():
            raise SystemExit(f"{tdir}: no PyTorch model (make it with make_tiny_models.py --full-size {args.models})")
        if name not in loaded:
            tok = AutoTokenizer.from_pretrained(str(tdir))
            model = AutoModelForSeq2SeqLM.from_pretrained(str(tdir)).eval()
            gdir = args.models / name if (args.models / name / "generation_config.json").exists() else tdir
            loaded[name] = (model, tok, GenerationConfig.from_pretrained(str(gdir)))
        runners[(task, name)] = Runner(task, name, *loaded[name])
    load_s = time.perf_counter() - t0
    log(f"loaded {len(loaded)} models in {load_s:.2f} s")

    with torch.inference_mode():
        t = time.perf_counter()
        calibration = {f"{task}/{name}": calibrate(runners[(task, name)], texts, candidates, args.sample, "batch_size")
                       for (task, name), texts in groups.items()}
        calibration_s = time.perf_counter() - t

        stages = OrderedDict()
        for task in TASKS:
            st = {"calls": 0, "seconds": 0.0, "generated_tokens": 0, "output_text_tokens": 0, "models": OrderedDict()}
            for (gtask, name), texts in groups.items():
                if gtask != task:
                    continue
                r = runners[(task, name)]
                bs = calibration[f"{task}/{name}"]["best_batch_size"]
                log(f"replay {task}/{name}: {len(texts)} calls, batch_size {bs}")
                t = time.perf_counter()
                ids, outs = r.run(texts, bs)
                secs = time.perf_counter() - t
                cfg = r.pipe.model.config
                gen_tokens = [generated_tokens(row, r.gen.eos_token_id, cfg.pad_token_id) for row in ids]
                text_tokens = sum(len(r.tok(o, add_special_tokens=False)["input_ids"]) for o in outs)
                st["models"][name] = {
                    "calls": len(texts), "batch_size": bs, "seconds": round(secs, 3),
                    "generated_tokens": sum(gen_tokens), "output_text_tokens": text_tokens,
                    "min_new_tokens": r.gen.min_new_tokens, "max_new_tokens": r.gen.max_new_tokens,
                    "num_beams": r.gen.num_beams,
                    "all_calls_max_new_tokens": all(g == r.gen.max_new_tokens for g in gen_tokens),
                }
                st["calls"] += len(texts)
                st["seconds"] += secs
                st["generated_tokens"] += sum(gen_tokens)
                st["output_text_tokens"] += text_tokens
            st["seconds"] = round(st["seconds"], 3)
            st["tokens_per_s"] = round(st["generated_tokens"] / st["seconds"], 2) if st["seconds"] else None
            stages[task] = st

    total = sum(s["seconds"] for s in stages.values())
    result = {
        "tool": "night_transformers",
        "calls_file": str(args.calls),
        "models_dir": str(args.models),
        "limit": args.limit,
        "calls": len(calls),
        "threads": args.threads,
        "batch_size_candidates": candidates,
        "batch_sizes": {k: v["best_batch_size"] for k, v in calibration.items()},
        "load_s": round(load_s, 3),
        "stages": stages,
        "total_s_excl_load": round(total, 3),
        "total_s_incl_load": round(total + load_s, 3),
        "calibration_s": round(calibration_s, 3),
        "calibration": calibration,
        "peak_rss_mib": peak_rss_mib(),
        "versions": {"python": platform.python_version(), "torch": torch.__version__,
                     "transformers": transformers.__version__},
        # other processes on the machine skew the timings: a 1-min load average well above --threads, or
        # process CPU seconds well below threads x wall seconds, says the replay was not alone
        "cpu": {"os_cpu_count": os.cpu_count(), "torch_threads": torch.get_num_threads(),
                "loadavg_1m_start": round(load_start[0], 2), "loadavg_1m_end": round(os.getloadavg()[0], 2),
                "process_cpu_s": round(time.process_time(), 1)},
    }

    print(f"night replay (transformers pipeline, {args.threads} threads): {len(calls)} calls from {args.calls}")
    print(f"{'stage':15s} {'model':22s} {'calls':>6s} {'batch':>5s} {'seconds':>9s} {'gen tokens':>10s} {'tok/s':>8s}")
    for task, st in stages.items():
        for name, m in st["models"].items():
            tps = m["generated_tokens"] / m["seconds"] if m["seconds"] else 0
            print(f"{task:15s} {name:22s} {m['calls']:6d} {m['batch_size']:5d} {m['seconds']:9.2f} "
                  f"{m['generated_tokens']:10d} {tps:8.2f}")
        tps = st["tokens_per_s"] or 0
        print(f"{task:15s} {'(stage total)':22s} {st['calls']:6d} {'':5s} {st['seconds']:9.2f} "
              f"{st['generated_tokens']:10d} {tps:8.2f}")
    print(f"load {load_s:.2f} s; total {total:.2f} s excluding load, {total + load_s:.2f} s including load "
          f"(batch-size calibration {calibration_s:.2f} s, not counted); peak RSS {result['peak_rss_mib']} MiB")
    print(f"1-min load average {load_start[0]:.2f} at start, {os.getloadavg()[0]:.2f} at end "
          f"({os.cpu_count()} CPUs): well above --threads means other processes shared the CPUs")
    print("batch sizes: " + ", ".join(f"{k} {v}" for k, v in result["batch_sizes"].items()))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
