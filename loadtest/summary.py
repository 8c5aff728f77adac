"""A markdown table of the steady state written by the locustfile (``steady.json``): p50, p95, p99 and errors
per request, and the ratio to the trivial view measured on the same server at the same time."""

import json
import sys

result = json.load(open(sys.argv[1], encoding="utf-8"))
trivial = next((v for k, v in result.items() if k.startswith("trivial")), None)
print("| request | requests | p50 ms | p95 ms | p99 ms | errors | p50 / trivial | p95 / trivial |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for name, f in result.items():
    if not f.get("requests"):
        continue
    ratio50 = f"{f['p50'] / trivial['p50']:.1f}×" if trivial else ""
    ratio95 = f"{f['p95'] / trivial['p95']:.1f}×" if trivial else ""
    errors = f"{f['errors']} ({100 * f['errors'] / f['requests']:.2f} %)"
    print(
        f"| {name} | {f['requests']} | {f['p50']:.0f} | {f['p95']:.0f} | {f['p99']:.0f} | {errors} | {ratio50} | {ratio95} |"
    )
