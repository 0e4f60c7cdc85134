"""Trains the personalised reranker on examples `aisle train reranker` exported, and exports ONNX.

Usage: /usr/bin/python3 training/train_reranker.py --examples DIR --out DIR [--device cpu|cuda]
       [--epochs 4] [--min-steps 400] [--max-minutes M] [--d 64] [--batch-size 128] [--lr 2e-3] [--seed 13]
Writes OUT/model.onnx, OUT/training-report.json (params, validation metrics, timing) and OUT/parity.json.
Normally run by `aisle train reranker`, which writes the examples and the versioned model directory.
"""
import argparse
import json
import os
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).parent))
from reranker.data import load_examples  # noqa: E402
from reranker.export import export_onnx, parity_sample  # noqa: E402
from reranker.train import train_model  # noqa: E402


# Defaults by what the examples hold. "features": logged searches with product vectors (a store with a catalog
# and an index): the features, the history-match ones above all, carry what generalises, while ids and content
# vectors of a few thousand searches are memorised within an epoch; so the deep part learns slowly, the linear
# term over the features fast, validated 4 times an epoch (chosen on the demo home's validation split;
# training/README.md). "ids": next-item examples or no vectors (an imported log): the item embeddings are the
# model, so they learn at full rate, as before.
PROFILE_DEFAULTS = {
    "features": {"lr": 5e-4, "prior_lr": 0.02, "dropout": 0.1, "id_dropout": 0.0, "checks_per_epoch": 4, "patience": 4},
    "ids": {"lr": 2e-3, "prior_lr": None, "dropout": 0.1, "id_dropout": 0.0, "checks_per_epoch": 1, "patience": 0},
}


def profile(meta: dict) -> str:
    return "features" if meta["mode"] == "session" and meta["content_dim"] > 0 else "ids"


def parse_args(argv=None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--examples", type=Path, required=True)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--device", default="cpu", choices=["cpu", "cuda"])
    p.add_argument("--epochs", type=int, default=4)
    p.add_argument("--min-steps", type=int, default=400, help="train more epochs when --epochs gives fewer steps")
    p.add_argument("--max-minutes", type=float, default=None)
    p.add_argument("--d", type=int, default=64)
    p.add_argument("--mlp", type=int, default=128)
    p.add_argument("--dropout", type=float, default=None, help="default by mode (MODE_DEFAULTS)")
    p.add_argument("--id-dropout", type=float, default=None, help="training only: share of item ids read as unseen")
    p.add_argument("--batch-size", type=int, default=128)
    p.add_argument("--lr", type=float, default=None)
    p.add_argument("--prior-lr", type=float, default=None, help="learning rate of the linear term over the features")
    p.add_argument("--weight-decay", type=float, default=1e-5)
    p.add_argument("--checks-per-epoch", type=int, default=None, help="validations per epoch; the best is kept")
    p.add_argument("--patience", type=int, default=None, help="stop after this many validations without a gain (0: never)")
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--threads", type=int, default=1,
                   help="CPU threads (default 1: with another process on a 2-core machine, two threads ran a step 10-20x slower)")
    return p.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.device == "cuda" and not torch.cuda.is_available():
        print("--device cuda: this PyTorch build sees no CUDA device; use --device cpu", file=sys.stderr)
        return 2
    torch.set_num_threads(max(1, args.threads))
    started = time.monotonic()
    examples = load_examples(args.examples)
    print(f"{examples.size} searches, {examples.meta['items']} items, Dc={examples.meta['content_dim']}, "
          f"mode {examples.meta['mode']}, on {args.device}", flush=True)
    for key, value in PROFILE_DEFAULTS[profile(examples.meta)].items():
        if getattr(args, key) is None:
            setattr(args, key, value)
    params = {k: getattr(args, k) for k in ("epochs", "min_steps", "max_minutes", "d", "mlp", "dropout", "id_dropout", "batch_size",
                                             "lr", "prior_lr", "weight_decay", "checks_per_epoch", "patience", "seed")}
    model, report = train_model(examples, params, args.device, log=lambda line: print(line, flush=True))
    args.out.mkdir(parents=True, exist_ok=True)
    export_onnx(model, args.out / "model.onnx")
    (args.out / "parity.json").write_text(json.dumps(parity_sample(model)))
    report = {"params": params, "device": args.device, "torch": torch.__version__,
              "total_seconds": round(time.monotonic() - started, 1), **report}
    (args.out / "training-report.json").write_text(json.dumps(report, indent=2))
    valid = report["metrics"]["valid"].get("model")
    print("valid: " + (json.dumps(valid) if valid else "no validation searches"), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
