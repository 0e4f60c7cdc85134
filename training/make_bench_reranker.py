"""Writes an untrained reranker of the production architecture (training/reranker/model.py, random weights) as a
version directory, for bench/rerank-latency.ts: it costs what a trained model costs to run, without a training run.

Usage: /usr/bin/python3 training/make_bench_reranker.py OUT_DIR [CONTENT_DIM] [MAX_ITEMS]
"""
import json
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).parent.parent))
from training.reranker.export import export_onnx  # noqa: E402
from training.reranker.model import RerankerConfig, TargetAttentionReranker  # noqa: E402


def main(out: Path, dim: int, max_items: int) -> None:
    torch.manual_seed(13)
    out.mkdir(parents=True, exist_ok=True)
    config = RerankerConfig(id_rows=max_items + 1, content_dim=dim)
    export_onnx(TargetAttentionReranker(config).eval(), out / "model.onnx")
    manifest = {
        "format": "aisle-reranker/1", "version": out.name, "created": "2026-11-29T00:00:00Z",
        "data": {"from": None, "to": None, "events": 0, "users": 0, "searches": 0},
        "params": {"kind": "untrained-bench-model", **config.to_dict()},
        "content_dim": dim, "history_len": 50, "features": config.features, "max_items": max_items, "item_ids": "hashed",
        "metrics": {"valid": {}}, "previous": None,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    (out / "items.tsv").write_text("product_id\tindex\tpopularity\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 256, int(sys.argv[3]) if len(sys.argv) > 3 else 50000)
