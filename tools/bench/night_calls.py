"""What the two Python replays of a Java night share (night_transformers.py, night_ctranslate2.py): reading
calls.jsonl, grouping the calls by task and model in replay order, the calibration sample, the generation
settings the Java side reads, and the process's peak RSS. Imports nothing heavy, so that a replay's peak RSS is
its own stack's."""
from __future__ import annotations

import json
import os
import resource
import sys
import time
from collections import OrderedDict
from pathlib import Path

TASKS = ("summarization", "translation")  # replay order


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def read_calls(path: Path, limit: int | None) -> list[dict]:
    calls = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            c = json.loads(line)
            if not isinstance(c, dict) or c.get("task") not in TASKS or not isinstance(c.get("model"), str) \
                    or not isinstance(c.get("text"), str):
                raise SystemExit(f"{path}:{n}: expected {{\"model\": str, \"task\": \"summarization\"|\"translation\", "
                                 f"\"text\": str}}, got {line.strip()[:200]}")
            calls.append(c)
            if limit is not None and len(calls) >= limit:
                break
    if not calls:
        raise SystemExit(f"{path}: no calls")
    return calls


def group_calls(calls: list[dict]) -> "OrderedDict[tuple[str, str], list[str]]":
    """(task, model) -> texts in call order; summarization first, models in the order of their first call."""
    groups: OrderedDict[tuple[str, str], list[str]] = OrderedDict()
    for task in TASKS:
        for c in calls:
            if c["task"] == task:
                groups.setdefault((task, c["model"]), []).append(c["text"])
    return groups


def batch_size_candidates(text: str) -> list[int]:
    candidates = sorted({int(b) for b in text.split(",") if b.strip()})
    if not candidates or candidates[0] < 1:
        raise SystemExit("--batch-sizes: positive integers, e.g. 1,4,8,16")
    return candidates


def spread_sample(texts: list[str], n: int) -> list[str]:
    if len(texts) <= n:
        return list(texts)
    return [texts[i * len(texts) // n] for i in range(n)]


def generation_config(models: Path, name: str) -> dict:
    """MODELS/<name>/generation_config.json (what the Java job reads), else the PyTorch folder's."""
    for d in (models / name, models / "torch" / name):
        f = d / "generation_config.json"
        if f.exists():
            return json.loads(f.read_text(encoding="utf-8"))
    raise SystemExit(f"{models}/{name}: no generation_config.json (make the models with make_tiny_models.py "
                     f"--full-size {models})")


def peak_rss_mib() -> int:
    """This process's peak resident set size so far (children not counted), MiB."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def write_json(path: Path | None, result: dict):
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {path}")


def loadavg_1m() -> float:
    return round(os.getloadavg()[0], 2)


def calibrate(runner, texts: list[str], candidates: list[int], sample_n: int, label: str = "batch_size") -> dict:
    """Times runner.run(sample, bs) for each candidate batch size on a spread sample of the calls, after one untimed
    warm-up call, and keeps the fastest (ties: the smaller). Both replays choose their batch size by this rule."""
    sample = spread_sample(texts, sample_n)
    runner.run(sample[:1], 1)  # warm-up: first-call allocations are not a batch size's fault
    seconds = OrderedDict()
    for bs in candidates:
        if bs > len(sample) and any(b >= len(sample) for b in seconds):
            continue  # same as a larger batch already timed: the whole sample in one batch
        t = time.perf_counter()
        runner.run(sample, bs)
        seconds[bs] = time.perf_counter() - t
        log(f"  calibrate {runner.name}: {label} {bs:3d}: {seconds[bs]:8.2f} s for {len(sample)} calls")
    best = min(seconds, key=lambda b: (seconds[b], b))
    return {"sample_calls": len(sample), "seconds_by_batch_size": {str(b): round(s, 3) for b, s in seconds.items()},
            "best_batch_size": best}
