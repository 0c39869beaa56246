"""CTranslate2 conversion of the benchmark's random-weight PyTorch folders (MODELS/torch/<name>/), shared by
peers_generate.py and night_ctranslate2.py.

Three shims, all for the conversion only:
  * ctranslate2 >= 4.6 passes from_pretrained(dtype=...), which transformers < 4.56 (here 4.46) does not know
    and hands to the model's __init__; older transformers call it torch_dtype.
  * CTranslate2 wants one vocabulary entry per embedding row. The fixtures have the real models' dimensions
    (61,587 rows Marian, 50,265 BART) but small tokenizers (a few thousand ids): ids past the tokenizer's get
    placeholder names <fixture-N>. For Marian, CTranslate2 drops the last row and the last entry, expecting it
    to be <pad> (as in the real opus-mt models, where <pad> is the last id), so <pad> is moved there; Marian
    decoding starts from the zero embedding (CTranslate2's setting), so only names change, not the work done.
    BART keeps its ids as they are. A tokenizer that already covers every row is left alone.
  * CTranslate2's BART loader reads config.normalize_before, a key the real distilbart-cnn-6-6 config.json
    carries (false: BART is post-norm) and a config saved by transformers 4.46, as the fixture's is, does not;
    where it is missing it is set to False.

Importing this module imports nothing heavy; convert() imports torch, transformers and ctranslate2's converter.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path


def log(*a):
    print(*a, file=sys.stderr, flush=True)


class _FullVocab:
    """The tokenizer as CTranslate2's converter sees it, with a vocabulary as long as the embedding matrix."""

    def __init__(self, tok, rows: int, pad_last: bool):
        self._tok, self._rows, self._pad_last = tok, rows, pad_last

    def __getattr__(self, name):
        return getattr(self._tok, name)

    def get_vocab(self):
        v = dict(self._tok.get_vocab())
        if len(v) >= self._rows:
            return v
        by_id = {i: t for t, i in v.items()}
        names = [by_id.get(i, f"<fixture-{i}>") for i in range(self._rows)]
        if self._pad_last:
            pad = self._tok.pad_token
            names = [f"<fixture-{i}>" if t == pad else t for i, t in enumerate(names)]
            names[-1] = pad
            log(f"ct2: tokenizer has {len(v)} ids, the model {self._rows} rows: ids {len(v)}..{self._rows - 2} "
                f"named <fixture-N>, {pad} moved to id {self._rows - 1}")
        else:
            log(f"ct2: tokenizer has {len(v)} ids, the model {self._rows} rows: ids {len(v)}..{self._rows - 1} "
                f"named <fixture-N>")
        return {t: i for i, t in enumerate(names)}


def folder(torch_dir: Path, work: Path) -> Path:
    """Where the conversion of torch_dir lives under work (one per CTranslate2 version)."""
    import importlib.metadata
    return work / f"ct2-{torch_dir.name}-{importlib.metadata.version('ctranslate2')}"


def convert(torch_dir: Path, work: Path) -> Path:
    """Converts torch_dir (float32 weights; int8 is applied when the model is loaded) unless already done."""
    out = folder(torch_dir, work)
    if (out / "model.bin").exists():
        log(f"ct2: using the conversion in {out}")
        return out
    log(f"ct2: converting {torch_dir} -> {out}")
    import ctranslate2
    import transformers
    from packaging.version import Version

    config = json.loads((torch_dir / "config.json").read_text())

    class Converter(ctranslate2.converters.TransformersConverter):
        def load_model(self, model_class, model_name_or_path, **kwargs):
            if "dtype" in kwargs and Version(transformers.__version__) < Version("4.56"):
                kwargs["torch_dtype"] = kwargs.pop("dtype")
            model = model_class.from_pretrained(model_name_or_path, **kwargs)
            if config.get("model_type") == "bart" and not hasattr(model.config, "normalize_before"):
                model.config.normalize_before = False  # BART is post-norm; see the module's docstring
            return model

        def load_tokenizer(self, tokenizer_class, model_name_or_path, **kwargs):
            return _FullVocab(tokenizer_class.from_pretrained(model_name_or_path, **kwargs), config["vocab_size"],
                              pad_last=config.get("model_type") == "marian")

    work.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".partial")
    Converter(str(torch_dir)).convert(str(tmp), quantization=None, force=True)
    tmp.rename(out)  # whole or not at all: a killed conversion is made again, not half used
    return out


if __name__ == "__main__":
    # python ct2_convert.py TORCH_DIR WORK: night_ctranslate2.py converts in a child process, so that the
    # PyTorch weights loaded for the conversion do not count in the replay's peak RSS
    if len(sys.argv) != 3:
        sys.exit("usage: ct2_convert.py TORCH_DIR WORK_DIR")
    print(convert(Path(sys.argv[1]), Path(sys.argv[2])))
