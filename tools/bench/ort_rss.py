"""RSS after each ONNX Runtime session of the night's three models (encoder and merged decoder each), one process,
one set of session options (docs/performance.md, "Memory"). Usage: ort_rss.py MODELS_DIR MODE, MODE one of
default, noprepack, noarena, basic, extended, noopt, or several joined by _ (noprepack_noopt)."""
import sys, os, json, time
import onnxruntime as ort

def rss_mib():
    with open('/proc/self/status') as f:
        for line in f:
            if line.startswith('VmRSS:'):
                return int(line.split()[1]) / 1024

root = sys.argv[1]
mode = sys.argv[2]  # default | noprepack | noarena | noprepack_noarena
models = ['distilbart-cnn-6-6', 'opus-mt-en-uk', 'opus-mt-uk-en']
out = {'mode': mode, 'start': round(rss_mib())}
sessions = []
total_files = 0
for m in models:
    for g in ['encoder_model.onnx', 'decoder_model_merged.onnx']:
        p = os.path.join(root, m, 'onnx', g)
        if not os.path.exists(p):
            continue
        so = ort.SessionOptions()
        so.intra_op_num_threads = 1
        so.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        if 'noprepack' in mode:
            so.add_session_config_entry('session.disable_prepacking', '1')
        if 'basic' in mode:
            so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
        if 'extended' in mode:
            so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_EXTENDED
        if 'noopt' in mode:
            so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
        if 'noarena' in mode:
            so.enable_cpu_mem_arena = False
        before = rss_mib()
        sessions.append(ort.InferenceSession(p, so, providers=['CPUExecutionProvider']))
        size = os.path.getsize(p) / 2**20
        total_files += size
        out[f'{m}/{g}'] = {'file_mib': round(size), 'rss_after_mib': round(rss_mib()), 'added_mib': round(rss_mib() - before)}
out['files_mib'] = round(total_files)
out['end'] = round(rss_mib())
print(json.dumps(out))
