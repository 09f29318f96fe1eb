#!/usr/bin/env python3
"""Prints the benchmark table from the files scripts/bench writes, each figure
beside its target.
Usage: report.py <bench output dir> <web bundle dir> [ICU-for-wasm prefix]"""
import gzip
import json
import math
import os
import subprocess
import sys
import tempfile

out_dir, web_dir = sys.argv[1], sys.argv[2]
icu_prefix = sys.argv[3] if len(sys.argv) > 3 else None


def load(name):
    path = os.path.join(out_dir, name)
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


native = load("native.json")
node = load("wasm-node.json")
browser = load("wasm-chromium.json")
rows = []


def row(what, value, target="", ok=None):
    mark = "" if ok is None else ("ok" if ok else "MISSED")
    rows.append((what, value, target, mark))


medians = {}
if native:
    for b in native["benchmarks"]:
        if b.get("aggregate_name") == "median":
            medians[b["run_name"]] = b

def mbps(name):
    b = medians.get(name)
    return b["bytes_per_second"] / 1e6 if b else None

def seconds(name):
    b = medians.get(name)
    return b["real_time"] / 1e6 if b else None  # microseconds → seconds

KB, MB = 1024, 1024 * 1024
if medians:
    whole = mbps(f"BM_Extract/{MB}")
    row("native: whole extraction, 1 MB of dev articles", f"{whole:.1f} MB/s ({1000 / whole:.1f} ns/byte)",
        "≥ 50 MB/s", whole >= 50)
    for size, label in [(KB, "1 KB"), (10 * KB, "10 KB"), (100 * KB, "100 KB"), (10 * MB, "10 MB")]:
        v = mbps(f"BM_Extract/{size}")
        row(f"native: whole extraction, {label}", f"{v:.1f} MB/s")
    sizes = [KB, 10 * KB, 100 * KB, MB, 10 * MB]
    xs = [math.log(s) for s in sizes]
    ys = [math.log(seconds(f"BM_Extract/{s}")) for s in sizes]
    n = len(xs)
    slope = (n * sum(x * y for x, y in zip(xs, ys)) - sum(xs) * sum(ys)) / (n * sum(x * x for x in xs) - sum(xs) ** 2)
    row("native: scaling exponent (log time / log size)", f"{slope:.2f}", "≈ 1")
    t_ratio = seconds(f"BM_Extract/{10 * MB}") / seconds(f"BM_Extract/{MB}")
    row("native: 10 MB / 1 MB, time", f"{t_ratio:.1f}×", "≤ 12×", t_ratio <= 12)
    m1 = medians[f"BM_Extract/{MB}"].get("peak_heap_bytes")
    m10 = medians[f"BM_Extract/{10 * MB}"].get("peak_heap_bytes")
    if m1 and m10:
        row("native: 10 MB / 1 MB, peak heap", f"{m10 / m1:.1f}× ({m1 / MB:.0f} MB → {m10 / MB:.0f} MB)", "≤ 12×",
            m10 / m1 <= 12)
    floor_convert = mbps(f"BM_FloorUtf8ToUtf16/{MB}")
    floor_icu = mbps(f"BM_FloorNfkcWords/{MB}")
    row("floor: ICU UTF-8 → UTF-16 alone", f"{floor_convert:.0f} MB/s")
    row("floor: ICU NFKC + word segmentation", f"{floor_icu:.0f} MB/s")
    ratio = floor_icu / whole
    row("native: extraction / NFKC + segmentation floor", f"{ratio:.1f}×", "≤ 5×", ratio <= 5)
    stages = [("segmentation and folding (tokens)", "BM_StageTokens"), ("paragraphs, sentences, quotes", "BM_StageStructure"),
              ("cues, speakers, content (rules)", "BM_StageRules"), ("attribution and entities", "BM_StageAttribution"),
              ("JSON", "BM_StageJson")]
    stage_times = {label: seconds(f"{name}/{MB}") for label, name in stages}
    total = sum(t for label, t in stage_times.items() if label != "JSON")
    for (label, name), t in zip(stages, stage_times.values()):
        share = f", {100 * t / total:.0f}% of extraction" if label != "JSON" else ""
        at_10 = seconds(f"{name}/{10 * MB}")
        scaling = f"; 10 MB: {at_10 / t:.1f}×" if at_10 else ""
        row(f"native stage: {label}", f"{t * 1000:.1f} ms per MB{share}{scaling}")
    dominant = max((k for k in stage_times if k != "JSON"), key=stage_times.get)
    row("native: dominant stage", dominant)
    normal = seconds(f"BM_Extract/{MB}")
    # In the order the benchmark declares them: interleaved runs report in any order.
    hostile = [b for b in medians.values() if b["run_name"].startswith("BM_Hostile/")]
    for b in sorted(hostile, key=lambda b: int(b["run_name"].split("/")[1])):
        per_byte = b["real_time"] / 1e6 / b["bytes"]
        r = per_byte / (normal / MB)
        row(f"hostile: {b.get('label', b['run_name'])}", f"{r:.2f}× a normal article", "≤ 3×", r <= 3)

if node:
    row("wasm (Node): throughput, 1 MB", f"{node['mb_per_s_1mb']:.1f} MB/s", "≥ 25 MB/s", node["mb_per_s_1mb"] >= 25)
    row("wasm (Node): throughput, 10 MB", f"{node['mb_per_s_10mb']:.1f} MB/s")
    if node.get("first_1mb_ms"):
        row("wasm (Node): first 1 MB in the instance", f"{node['first_1mb_ms']:.0f} ms (memory grown, then reused)")
    floor_wasm = node.get("floor_mb_per_s_1mb")
    if floor_wasm:
        row("wasm floor (Node): ICU NFKC + word segmentation", f"{floor_wasm:.0f} MB/s")
        ratio = node.get("floor_ratio_1mb") or floor_wasm / node["mb_per_s_1mb"]
        row("wasm (Node): extraction / NFKC + segmentation floor", f"{ratio:.1f}×", "≤ 5×", ratio <= 5)
    steps = node.get("steps_ms_1mb")
    if steps:
        # The bridge's steps: text copied into wasm memory, the C export, the result objects.
        names = {"copy": "copy in", "extract": "extraction", "decode": "objects"}
        total = sum(steps.values())
        row("wasm (Node): 1 MB by step", ", ".join(f"{names[k]} {v:.1f}" for k, v in steps.items()) + " ms")
        dominant = max(steps, key=steps.get)
        row("wasm (Node): dominant step", f"{names[dominant]}, {100 * steps[dominant] / total:.0f}%" +
            (" (stages: native rows)" if dominant == "extract" else ""))
    row("wasm (Node): per article p50 / p99", f"{node['article_ms_p50']:.2f} / {node['article_ms_p99']:.2f} ms")
    row("wasm (Node): cold start (compile + instantiate)", f"{node['cold_start_ms']:.1f} ms")
    row("wasm (Node): peak memory", f"{node['peak_memory_bytes'] / MB:.0f} MB after 10 MB")
    growth = node["heap_growth_bytes_10000_runs"]
    row("wasm (Node): heap growth over 10,000 extractions", f"{growth} bytes", "0", growth == 0)
if browser:
    row("wasm (Chromium): widget, first highlights after load", f"{browser['first_highlight_ms_median']:.0f} ms", "≤ 150 ms",
        browser["first_highlight_ms_median"] <= 150)
    row("wasm (Chromium): widget, first highlights after navigation start",
        f"{browser['first_highlight_from_navigation_ms_median']:.0f} ms")
    row("wasm (Chromium): viewer, first highlights after load", f"{browser['viewer_first_highlight_ms_median']:.0f} ms")
    row("wasm (Chromium): 1,000-word article", f"{browser['words_1000_ms_median']:.2f} ms", "≤ 2 ms",
        browser["words_1000_ms_median"] <= 2)
    row("wasm (Chromium): throughput", f"{browser['mb_per_s']:.1f} MB/s", "≥ 25 MB/s", browser["mb_per_s"] >= 25)
    if browser.get("floor_mb_per_s"):
        row("wasm floor (Chromium): ICU NFKC + word segmentation", f"{browser['floor_mb_per_s']:.0f} MB/s")
        ratio = browser.get("floor_ratio") or browser["floor_mb_per_s"] / browser["mb_per_s"]
        row("wasm (Chromium): extraction / NFKC + segmentation floor", f"{ratio:.1f}×", "≤ 5×", ratio <= 5)
    if "first_large_ms" in browser:
        row("wasm (Chromium): first long text in an instance",
            f"{browser['first_large_ms']:.0f} ms for {browser['large_bytes'] / 1e6:.2f} MB (baseline tier)")
    if "peak_memory_bytes" in browser:
        row("wasm (Chromium): peak memory", f"{browser['peak_memory_bytes'] / MB:.0f} MB after "
                                            f"{browser['large_bytes'] / 1e6:.2f} MB")
    row("wasm (Chromium): per article p50 / p99", f"{browser['article_ms_p50']:.2f} / {browser['article_ms_p99']:.2f} ms")
    row("wasm (Chromium): cold start (import, fetch, compile, instantiate)", f"{browser['cold_start_ms']:.0f} ms")
    row("wasm (Chromium): first extraction after the cold start", f"{browser['first_extract_ms']:.0f} ms")

def wasm_sections(path):
    """Section name → (start, end) byte offsets, from wasm-objdump."""
    listing = subprocess.run(["wasm-objdump", "-h", path], capture_output=True, text=True).stdout
    sections = {}
    for line in listing.splitlines():
        parts = line.split()
        if len(parts) > 1 and "start=" in line:
            start = int(line.split("start=")[1].split()[0], 16)
            end = int(line.split("end=")[1].split()[0], 16)
            sections.setdefault(parts[0], (start, end))
    return sections


def compressed_sizes(data):
    brotli = subprocess.run(["brotli", "-c", "-q", "11"], input=data, capture_output=True).stdout
    return {"raw": len(data), "gzip": len(gzip.compress(data, 9)), "brotli": len(brotli)}


# Sizes of what the widget downloads (the font excluded).
widget_files = ["isnad-widget.js", "isnad.js", "isnad-worker.js", "isnad-core-bridge.js", "isnad-render.js",
                "isnad-render.css", "isnad-viewer-element.js", "isnad_core.mjs", "isnad_core.wasm"]
total = {"raw": 0, "gzip": 0, "brotli": 0}
for name in widget_files:
    path = os.path.join(web_dir, name)
    if not os.path.exists(path):
        continue
    sizes = compressed_sizes(open(path, "rb").read())
    for k in total:
        total[k] += sizes[k]
    row(f"size: {name}", f"{sizes['raw'] / 1024:.1f} KB raw, {sizes['gzip'] / 1024:.1f} KB gzip, "
                         f"{sizes['brotli'] / 1024:.1f} KB brotli")
if total["raw"]:
    row("size: widget download, total", f"{total['raw'] / 1024:.0f} KB raw, {total['gzip'] / 1024:.0f} KB gzip, "
                                        f"{total['brotli'] / 1024:.0f} KB brotli", "≤ 300 KB brotli",
        total["brotli"] <= 300 * 1024)
    wasm = os.path.join(web_dir, "isnad_core.wasm")
    if os.path.exists(wasm):
        for name, (start, end) in wasm_sections(wasm).items():
            if name in ("Code", "Data"):
                row(f"size: wasm {name} section", f"{(end - start) / 1024:.0f} KB")

# ICU's data as the module links it: the data section of libicudata.a's one
# object, which the wasm's data section holds whole.
if icu_prefix:
    archive = os.path.join(icu_prefix, "lib", "libicudata.a")
    if os.path.exists(archive):
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(["ar", "x", archive], cwd=tmp, check=True)
            for member in sorted(os.listdir(tmp)):
                path = os.path.join(tmp, member)
                start, end = wasm_sections(path).get("Data", (0, 0))
                if end > start:
                    data = open(path, "rb").read()[start:end]
                    sizes = compressed_sizes(data)
                    items = [line.strip() for line in open(os.path.join(os.path.dirname(__file__), "..", "wasm",
                                                                          "icu-data-items.txt")) if line.strip()]
                    row(f"size: ICU data ({', '.join(items)}) in the wasm",
                        f"{sizes['raw'] / 1024:.1f} KB raw, {sizes['gzip'] / 1024:.1f} KB gzip, "
                        f"{sizes['brotli'] / 1024:.1f} KB brotli")

width = max(len(r[0]) for r in rows)
vwidth = max(len(r[1]) for r in rows)
print(f"{'figure':<{width}}  {'measured':<{vwidth}}  {'target':<16} ")
print("-" * (width + vwidth + 28))
for what, value, target, mark in rows:
    print(f"{what:<{width}}  {value:<{vwidth}}  {target:<16} {mark}")
