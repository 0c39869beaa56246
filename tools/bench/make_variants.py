#!/usr/bin/env python3
"""Make the ONNX variants the hub publishes next to a model's fp32 graphs, the way they are made there, from an
fp32 Optimum folder (MODELS/<name>/onnx/encoder_model.onnx + decoder_model_merged.onnx) into a work folder.

The hub's Xenova/* repos (the catalog's models) were converted with transformers.js's scripts/quantize.py, which
makes each variant with ONNX Runtime's quantization tools (and onnxconverter-common for fp16). The settings
below are that script's defaults (`python -m scripts.quantize` without options), read from its source:

  variant    file suffix    made with                                     settings
  quantized  _quantized     onnxruntime ONNXQuantizer, IntegerOps,        weights QInt8 (QUInt8 only for graphs with
                            dynamic (static=False)                        Conv / GroupQueryAttention / MultiHeadAttention,
                                                                          which these have not), activations QUInt8,
                                                                          per_channel and reduce_range unset (False),
                                                                          all IntegerOpsRegistry ops, extra_options
                                                                          EnableSubgraph, MatMulConstBOnly
  int8       _int8          the same                                      weights QInt8
  uint8      _uint8         the same                                      weights QUInt8
  q4         _q4            onnxruntime MatMul4BitsQuantizer              block_size 32, is_symmetric True,
                                                                          accuracy_level unset (0), QOperator format:
                                                                          MatMul with constant B -> MatMulNBits
  q4f16      _q4f16         q4, then the fp16 conversion below
  bnb4       _bnb4          onnxruntime MatMulBnb4Quantizer               block_size 64, quant_type NF4 (1)
  fp16       _fp16          onnxconverter_common.float16                  keep_io_types True, its default op block
                            .convert_float_to_float16, then onnxslim      list; transformers.js runs a patched copy of
                                                                          that module (scripts/float16.py), this uses
                                                                          the released one (1.14.0, as its
                                                                          requirements.txt pins)

Not the same as the hub's `_quantized` graphs at the catalog's pinned commits: those come from the script's
earlier version (scripts/convert.py, quantize_dynamic with per_channel=True, reduce_range=True), which is how
tools/fixtures/make_tiny_models.py makes the benchmark models' `_quantized` files; both are measured.

--accuracy-level N also writes `_q4a<N>` graphs (q4 with MatMulNBits accuracy_level N: 4 = int8 compute), the
ONNX Runtime setting that picks MatMulNBits' kernel; it is a node attribute, so it is baked in when the graph is
made (the session option session.qdq_matmulnbits_accuracy_level applies only to QDQ graphs that ONNX Runtime
fuses into MatMulNBits, which these are not).

fp16 and q4f16 need onnxconverter-common==1.14.0 and onnxslim==0.1.48, which are not in
tools/fixtures/requirements.txt: install them apart, e.g. `pip install --no-deps --target /tmp/extra
onnxconverter-common==1.14.0 onnxslim==0.1.48` and run with PYTHONPATH=/tmp/extra; without them those two
are skipped with a line saying so.

Output: WORK/<name>/ with the model's config and tokenizer files and fp32 graphs linked (symlinks, nothing copied)
and each variant's graphs written as onnx/<graph>_<suffix>.onnx, so the folder loads like a hub folder
(`briefs bench --variant ...`, peers_generate.py --variant ...). A variant already there is kept.

Usage (from the repository root):
    tools/fixtures/.venv/bin/python tools/bench/make_variants.py --models /work/bench-models \\
        --names opus-mt-en-uk --work /tmp/bench/variants [--variants q4,int8,...] [--accuracy-level 4]
"""
from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

import onnx
from onnxruntime.quantization import QuantizationMode, QuantType
from onnxruntime.quantization.matmul_4bits_quantizer import MatMul4BitsQuantizer
from onnxruntime.quantization.matmul_bnb4_quantizer import MatMulBnb4Quantizer
from onnxruntime.quantization.onnx_quantizer import ONNXQuantizer
from onnxruntime.quantization.registry import IntegerOpsRegistry

logging.disable(logging.INFO)  # the quantizers log every node they skip at INFO

GRAPHS = ("encoder_model", "decoder_model_merged")
VARIANTS = ("quantized", "int8", "uint8", "q4", "q4f16", "bnb4", "fp16")
QUINT8_OPS = ("Conv", "GroupQueryAttention", "MultiHeadAttention")  # quantize.py: these make "q8" pick QUInt8


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def operators(graph) -> set[str]:
    ops = set()
    for node in graph.node:
        ops.add(node.op_type)
        for a in node.attribute:
            if a.type == onnx.AttributeProto.GRAPH:
                ops |= operators(a.g)
    return ops


def save(model: onnx.ModelProto, path: Path):
    # graphs over 2 GB would need external data; the catalog models' largest graph is about 600 MB
    onnx.save_model(model, str(path))


def q8(model: onnx.ModelProto, weight_type: QuantType) -> onnx.ModelProto:
    quantizer = ONNXQuantizer(model, False, False, QuantizationMode.IntegerOps, False, weight_type, QuantType.QUInt8,
                              None, [], [], set(IntegerOpsRegistry.keys()),
                              extra_options={"EnableSubgraph": True, "MatMulConstBOnly": True})
    quantizer.quantize_model()
    return quantizer.model.model


def q4(model: onnx.ModelProto, accuracy_level: int | None) -> onnx.ModelProto:
    quantizer = MatMul4BitsQuantizer(model=model, block_size=32, is_symmetric=True, accuracy_level=accuracy_level)
    quantizer.process()
    return quantizer.model.model


def fp16(model: onnx.ModelProto) -> onnx.ModelProto:
    from onnxconverter_common import float16
    import onnxslim
    converted = float16.convert_float_to_float16(
        model, keep_io_types=True, disable_shape_infer=model.ByteSize() >= onnx.checker.MAXIMUM_PROTOBUF,
        op_block_list=set(float16.DEFAULT_OP_BLOCK_LIST))
    return onnxslim.slim(converted)


def make(variant: str, src: Path, accuracy_level: int | None) -> onnx.ModelProto:
    model = onnx.load_model(str(src))  # each variant from a fresh load: the quantizers change the model in place
    if variant == "quantized":
        return q8(model, QuantType.QUInt8 if operators(model.graph) & set(QUINT8_OPS) else QuantType.QInt8)
    if variant == "int8":
        return q8(model, QuantType.QInt8)
    if variant == "uint8":
        return q8(model, QuantType.QUInt8)
    if variant == "q4" or variant.startswith("q4a"):
        return q4(model, accuracy_level if variant.startswith("q4a") else None)
    if variant == "q4f16":
        return fp16(q4(model, None))
    if variant == "bnb4":
        quantizer = MatMulBnb4Quantizer(model, MatMulBnb4Quantizer.NF4, 64)
        quantizer.process()
        return quantizer.model.model
    if variant == "fp16":
        return fp16(model)
    raise AssertionError(variant)


def link_folder(src_dir: Path, out_dir: Path):
    (out_dir / "onnx").mkdir(parents=True, exist_ok=True)
    for f in src_dir.iterdir():
        if f.is_file():
            link = out_dir / f.name
            if not link.exists():
                link.symlink_to(f.resolve())
    for g in GRAPHS:
        link = out_dir / "onnx" / f"{g}.onnx"
        if not link.exists():
            link.symlink_to((src_dir / "onnx" / f"{g}.onnx").resolve())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--models", type=Path, required=True, help="folder of fp32 Optimum exports: MODELS/<name>/onnx/")
    ap.add_argument("--names", required=True, help="comma-separated model folder names under --models")
    ap.add_argument("--work", type=Path, required=True, help="output folder (never --models)")
    ap.add_argument("--variants", default=",".join(VARIANTS), help="comma-separated, from " + ", ".join(VARIANTS))
    ap.add_argument("--accuracy-level", type=int, default=None,
                    help="also write _q4a<N> graphs: q4 with MatMulNBits accuracy_level N (0, 1, 2, 3 or 4)")
    args = ap.parse_args()
    variants = [v.strip() for v in args.variants.split(",") if v.strip()]
    if bad := [v for v in variants if v not in VARIANTS]:
        ap.error(f"unknown variant(s) {bad}; choose from {', '.join(VARIANTS)}")
    if args.accuracy_level is not None:
        variants.append(f"q4a{args.accuracy_level}")
    if args.work.resolve() == args.models.resolve() or args.models.resolve() in args.work.resolve().parents:
        ap.error("--work must be outside --models: the fp32 folders are read only")
    try:
        import onnxconverter_common  # noqa: F401
        import onnxslim  # noqa: F401
    except ImportError:
        skipped = [v for v in variants if v in ("fp16", "q4f16")]
        if skipped:
            log(f"skipping {skipped}: onnxconverter-common==1.14.0 and onnxslim==0.1.48 are not installed")
        variants = [v for v in variants if v not in skipped]

    for name in [n.strip() for n in args.names.split(",") if n.strip()]:
        src_dir = args.models / name
        if not all((src_dir / "onnx" / f"{g}.onnx").is_file() for g in GRAPHS):
            raise SystemExit(f"{src_dir}/onnx: needs {' and '.join(g + '.onnx' for g in GRAPHS)}")
        out_dir = args.work / name
        link_folder(src_dir, out_dir)
        for v in variants:
            for g in GRAPHS:
                out = out_dir / "onnx" / f"{g}_{v}.onnx"
                if out.exists():
                    log(f"{out}: there already")
                    continue
                t = time.perf_counter()
                model = make(v, src_dir / "onnx" / f"{g}.onnx", args.accuracy_level)
                tmp = out.with_name(out.name + ".partial")
                save(model, tmp)
                tmp.rename(out)
                log(f"{out}: {out.stat().st_size / 1e6:.1f} MB in {time.perf_counter() - t:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
