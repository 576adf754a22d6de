#!/usr/bin/env python3
"""Recomputes gamma and the baselines of `partita attention` in numpy, from its interchange files, and
compares them with its attention.csv (an outside check of docs/attention.md's definitions).

    python3 scripts/attention-check.py OUT_DIR [FIELD]

OUT_DIR holds attention.npz, tokens.csv and attention.csv written with --save-npz, token unit,
baseline causal-uniform, causal-pairs or mmt. FIELD: beat (default), position, bar or pitch.
Prints the largest absolute difference per column; exit 1 if any exceeds 1e-9.
"""
import csv
import sys

import numpy as np


def main():
    out = sys.argv[1]
    field = sys.argv[2] if len(sys.argv) > 2 else "beat"
    rows = list(csv.DictReader(open(f"{out}/attention.csv")))
    mine = [r for r in rows if r["field"] == field and r["head"] != "mean"]
    unit = mine[0]["unit"]
    baseline = mine[0]["baseline_name"]
    assert unit == "token", "this check covers the token unit"
    attrs = {}
    for r in csv.DictReader(open(f"{out}/tokens.csv")):
        v = r[field]
        attrs.setdefault(int(r["seq"]), []).append(np.nan if v == "" else float(v))
    npz = np.load(f"{out}/attention.npz")
    num = {}   # (layer, head) -> {k: weight}
    base = {}
    pairs = {}
    for s in range(len(npz.files)):
        a = npz[f"attn_{s}"].astype(np.float64)            # (L, H, n, n)
        v = np.array(attrs[s])
        n = a.shape[2]
        k = v[None, :] - v[:, None]                          # k[q, t] = v(t) - v(q)
        both = ~np.isnan(k)
        q_idx, t_idx = np.indices((n, n))
        if baseline == "mmt":
            mask = both & (q_idx >= 1) & (t_idx <= n - 2)
            ref = mask.astype(np.float64)
        else:
            mask = both & (t_idx < q_idx)
            if baseline == "causal-uniform":
                ref = np.where(mask, (1.0 / (q_idx + 1)).astype(np.float32).astype(np.float64), 0.0)
            else:
                ref = mask.astype(np.float64)
        ks = k[mask].astype(int)
        for key, w in (("base", ref), ("pairs", mask.astype(np.float64))):
            d = base if key == "base" else pairs
            sums = np.bincount(ks - ks.min(), weights=w[mask]) if ks.size else np.array([])
            for i, x in enumerate(sums):
                d[ks.min() + i] = d.get(ks.min() + i, 0.0) + x
        for layer in range(a.shape[0]):
            for head in range(a.shape[1]):
                sums = np.bincount(ks - ks.min(), weights=a[layer, head][mask]) if ks.size else np.array([])
                d = num.setdefault((layer, head), {})
                for i, x in enumerate(sums):
                    d[ks.min() + i] = d.get(ks.min() + i, 0.0) + x
    btotal = sum(base.values())
    worst = {"gamma": 0.0, "baseline": 0.0, "pairs": 0.0}
    for r in mine:
        kk = int(r["k"])
        d = num[(int(r["layer"]), int(r["head"]))]
        gamma = d.get(kk, 0.0) / sum(d.values())
        worst["gamma"] = max(worst["gamma"], abs(gamma - float(r["gamma"])))
        worst["baseline"] = max(worst["baseline"], abs(base.get(kk, 0.0) / btotal - float(r["baseline"])))
        worst["pairs"] = max(worst["pairs"], abs(pairs.get(kk, 0.0) - float(r["pairs"])))
    print(f"{len(mine)} rows of field {field}, baseline {baseline}: largest differences {worst}")
    sys.exit(0 if max(worst.values()) <= 1e-9 else 1)


if __name__ == "__main__":
    main()
