#!/usr/bin/env python3
"""The CTranslate2 peer of the whole-night benchmark: replay the model calls of a Java night (calls.jsonl, as
night_transformers.py does) with CTranslate2 int8, the stack Argos Translate and LibreTranslate run, each model
at its best max_batch_size, and report the same JSON shape as night_transformers.py.

What it does:
  1. converts each model's PyTorch folder (MODELS/torch/<model>/) with CTranslate2's TransformersConverter
     (float32 weights; --compute-type int8 quantizes them when the model is loaded), once, into --work
     (ct2_convert.py: the two shims the random-weight fixtures need). The conversion runs in a child process,
     so that the PyTorch weights it loads are not in this replay's peak RSS;
  2. loads every model (ctranslate2.Translator, intra_threads --threads, inter_threads 1) and its tokenizer
     (the PyTorch folder's, as night_transformers.py tokenizes): "load" seconds;
  3. per model, times each --batch-sizes candidate as max_batch_size on a sample of its calls (--sample, spread
     over the calls, after one untimed warm-up call) and keeps the fastest: the same rule as
     night_transformers.py ("calibration", not in the totals);
  4. replays: all summarization calls first, then all translation calls; each model's calls go through ONE
     translate_batch over the whole list (CTranslate2 sorts them by length and cuts batches of max_batch_size,
     as a user of it would call it). Tokenizing (truncated to model_max_length, as truncation=True) and decoding
     the outputs to text are timed with it, as the pipelines time theirs.

Generation settings come from MODELS/<model>/generation_config.json, as both other sides read them: num_beams ->
beam_size, min_new_tokens / max_new_tokens -> min_decoding_length / max_decoding_length (the benchmark models fix
min == max, so every call generates exactly that many tokens), length_penalty, repetition_penalty and
no_repeat_ngram_size where set; forced_bos_token_id -> a one-token target prefix. bad_words_ids (Marian's <pad>)
is not needed: CTranslate2's Marian vocabulary has no <pad>. Generated tokens are counted from the returned
hypotheses (with the end token where one was generated), and all_calls_max_new_tokens says whether every call
made exactly max_new_tokens, as in the transformers replay.

Usage (from the repository root; the environment is tools/fixtures/requirements.txt, which pins ctranslate2):
    tools/fixtures/.venv/bin/python tools/bench/night_ctranslate2.py \\
        --calls out/bench/calls.jsonl --models /work/bench-models --batch-sizes 1,4,8,16 --threads 2 \\
        --work out/bench/ct2 --json out/bench/ctranslate2.json [--limit 20]
"""
from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
import warnings
from collections import OrderedDict
from pathlib import Path

os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ct2_convert  # noqa: E402
from night_calls import (TASKS, batch_size_candidates, calibrate, generation_config, group_calls, loadavg_1m,  # noqa: E402
                         log, peak_rss_mib, read_calls, write_json)

import ctranslate2  # noqa: E402
import transformers  # noqa: E402
from transformers import AutoTokenizer  # noqa: E402

transformers.logging.set_verbosity_error()
warnings.filterwarnings("ignore", message="Recommended: pip install sacremoses")


class Runner:
    def __init__(self, name: str, translator, tok, gen: dict):
        self.name, self.tr, self.tok, self.gen = name, translator, tok, gen
        self.new_tokens = int(gen["max_new_tokens"])
        self.options = {"beam_size": int(gen.get("num_beams") or 1), "num_hypotheses": 1,
                        "max_decoding_length": self.new_tokens,
                        "min_decoding_length": int(gen.get("min_new_tokens") or 0),
                        "return_end_token": True, "batch_type": "examples"}
        for key, ct2_key in (("length_penalty", "length_penalty"), ("repetition_penalty", "repetition_penalty"),
                             ("no_repeat_ngram_size", "no_repeat_ngram_size")):
            if gen.get(key) is not None:
                self.options[ct2_key] = gen[key]
        forced = gen.get("forced_bos_token_id")
        self.prefix = [tok.convert_ids_to_tokens(int(forced))] if forced is not None else None

    def run(self, texts: list[str], batch_size: int) -> tuple[list[int], list[str]]:
        """One translate_batch over texts; returns the generated token count and the decoded text of each."""
        ids = self.tok(texts, truncation=True)["input_ids"]
        source = [self.tok.convert_ids_to_tokens(x) for x in ids]
        prefix = [self.prefix] * len(source) if self.prefix else None
        res = self.tr.translate_batch(source, target_prefix=prefix, max_batch_size=batch_size, **self.options)
        hyps = [r.hypotheses[0] for r in res]
        outs = self.tok.batch_decode([self.tok.convert_tokens_to_ids(h) for h in hyps], skip_special_tokens=True)
        return [len(h) for h in hyps], outs



def convert_in_child(torch_dir: Path, work: Path) -> Path:
    out = ct2_convert.folder(torch_dir, work)
    if not (out / "model.bin").exists():
        subprocess.run([sys.executable, str(Path(ct2_convert.__file__).resolve()), str(torch_dir), str(work)],
                       check=True)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--calls", required=True, type=Path, help="calls.jsonl written by the Java night")
    ap.add_argument("--models", required=True, type=Path, help="models dir: MODELS/torch/<model> (+ MODELS/<model>)")
    ap.add_argument("--batch-sizes", default="1,4,8,16", help="candidate max_batch_size values (default 1,4,8,16)")
    ap.add_argument("--threads", type=int, default=2, help="CTranslate2 intra_threads (default 2)")
    ap.add_argument("--sample", type=int, default=16, help="calls per model timed per candidate batch size")
    ap.add_argument("--compute-type", default="int8", help="CTranslate2 compute_type (default int8)")
    ap.add_argument("--work", type=Path, default=None,
                    help="where the conversions are kept (default: ct2/ next to --calls)")
    ap.add_argument("--json", type=Path, default=None, help="write the results here")
    ap.add_argument("--limit", type=int, default=None, help="replay only the first N calls")
    args = ap.parse_args()

    load_start = loadavg_1m()
    candidates = batch_size_candidates(args.batch_sizes)
    work = (args.work or args.calls.resolve().parent / "ct2").resolve()
    calls = read_calls(args.calls, args.limit)
    groups = group_calls(calls)

    t = time.perf_counter()
    folders = {}
    for _, name in groups:
        tdir = args.models / "torch" / name
        if not (tdir / "config.json").exists():
            raise SystemExit(f"{tdir}: no PyTorch model (make it with make_tiny_models.py --full-size {args.models})")
        folders[name] = convert_in_child(tdir, work)
    conversion_s = time.perf_counter() - t

    t0 = time.perf_counter()
    runners: dict[str, Runner] = {}
    for _, name in groups:
        if name not in runners:
            tr = ctranslate2.Translator(str(folders[name]), device="cpu", compute_type=args.compute_type,
                                        intra_threads=args.threads, inter_threads=1)
            tok = AutoTokenizer.from_pretrained(str(args.models / "torch" / name))
            runners[name] = Runner(name, tr, tok, generation_config(args.models, name))
    load_s = time.perf_counter() - t0
    log(f"loaded {len(runners)} models in {load_s:.2f} s")

    t = time.perf_counter()
    calibration = {f"{task}/{name}": calibrate(runners[name], texts, candidates, args.sample, "max_batch_size")
                   for (task, name), texts in groups.items()}
    calibration_s = time.perf_counter() - t

    stages = OrderedDict()
    for task in TASKS:
        st = {"calls": 0, "seconds": 0.0, "generated_tokens": 0, "output_text_tokens": 0, "models": OrderedDict()}
        for (gtask, name), texts in groups.items():
            if gtask != task:
                continue
            r = runners[name]
            bs = calibration[f"{task}/{name}"]["best_batch_size"]
            log(f"replay {task}/{name}: {len(texts)} calls, max_batch_size {bs}")
            t = time.perf_counter()
            counts, outs = r.run(texts, bs)
            secs = time.perf_counter() - t
            text_tokens = sum(len(r.tok(o, add_special_tokens=False)["input_ids"]) for o in outs)
            st["models"][name] = {
                "calls": len(texts), "batch_size": bs, "seconds": round(secs, 3),
                "generated_tokens": sum(counts), "output_text_tokens": text_tokens,
                "min_new_tokens": r.gen.get("min_new_tokens"), "max_new_tokens": r.new_tokens,
                "num_beams": r.options["beam_size"],
                "all_calls_max_new_tokens": all(c == r.new_tokens for c in counts),
            }
            if not st["models"][name]["all_calls_max_new_tokens"]:
                log(f"WARNING {name}: calls made {sorted(set(counts))} tokens, expected {r.new_tokens} each")
            st["calls"] += len(texts)
            st["seconds"] += secs
            st["generated_tokens"] += sum(counts)
            st["output_text_tokens"] += text_tokens
        st["seconds"] = round(st["seconds"], 3)
        st["tokens_per_s"] = round(st["generated_tokens"] / st["seconds"], 2) if st["seconds"] else None
        stages[task] = st

    total = sum(s["seconds"] for s in stages.values())
    result = {
        "tool": "night_ctranslate2",
        "calls_file": str(args.calls),
        "models_dir": str(args.models),
        "limit": args.limit,
        "calls": len(calls),
        "threads": args.threads,
        "compute_type": args.compute_type,
        "batch_size_candidates": candidates,
        "batch_sizes": {k: v["best_batch_size"] for k, v in calibration.items()},
        "conversion_s": round(conversion_s, 3),
        "load_s": round(load_s, 3),
        "stages": stages,
        "total_s_excl_load": round(total, 3),
        "total_s_incl_load": round(total + load_s, 3),
        "calibration_s": round(calibration_s, 3),
        "calibration": calibration,
        # peak RSS of this process (the conversion ran in a child and is not in it)
        "peak_rss_mib": peak_rss_mib(),
        "versions": {"python": platform.python_version(), "ctranslate2": ctranslate2.__version__,
                     "transformers": transformers.__version__},
        "cpu": {"os_cpu_count": os.cpu_count(), "intra_threads": args.threads,
                "loadavg_1m_start": load_start, "loadavg_1m_end": loadavg_1m(),
                "process_cpu_s": round(time.process_time(), 1)},
    }

    print(f"night replay (CTranslate2 {args.compute_type}, {args.threads} threads): {len(calls)} calls from {args.calls}")
    print(f"{'stage':15s} {'model':22s} {'calls':>6s} {'batch':>5s} {'seconds':>9s} {'gen tokens':>10s} {'tok/s':>8s}")
    for task, st in stages.items():
        for name, m in st["models"].items():
            tps = m["generated_tokens"] / m["seconds"] if m["seconds"] else 0
            print(f"{task:15s} {name:22s} {m['calls']:6d} {m['batch_size']:5d} {m['seconds']:9.2f} "
                  f"{m['generated_tokens']:10d} {tps:8.2f}")
        print(f"{task:15s} {'(stage total)':22s} {st['calls']:6d} {'':5s} {st['seconds']:9.2f} "
              f"{st['generated_tokens']:10d} {st['tokens_per_s'] or 0:8.2f}")
    print(f"load {load_s:.2f} s; total {total:.2f} s excluding load, {total + load_s:.2f} s including load "
          f"(max_batch_size calibration {calibration_s:.2f} s and conversion {conversion_s:.2f} s, not counted); "
          f"peak RSS {result['peak_rss_mib']} MiB")
    print(f"1-min load average {load_start:.2f} at start, {loadavg_1m():.2f} at end "
          f"({os.cpu_count()} CPUs): well above --threads means other processes shared the CPUs")
    print("batch sizes: " + ", ".join(f"{k} {v}" for k, v in result["batch_sizes"].items()))
    write_json(args.json, result)


if __name__ == "__main__":
    main()
