"""Makes the tiny, deterministic reranker the serving tests and the latency bench load: the contract's ONNX
signature (src/rerank/CONTRACT.md) with no learned weights, so its scores can be reasoned about.

score = cos(cand_vec, recency-weighted mean of hist_vec) + 0.5 * cand_feat[7] (share of the history in the
candidate's leaf category) + 0.01 * (query . cand_vec) + 0.001 * [cand_id > 0]; padded history slots
(hist_kind 0) are left out and a slot weighs 1 / hist_gap, so recent behaviour counts most.

Usage: /usr/bin/python3 training/make_tiny_reranker.py [OUT_DIR] [CONTENT_DIM]
OUT_DIR defaults to test/fixtures/models/reranker-tiny/v1-202611290000 (committed, so tests need no PyTorch);
CONTENT_DIM defaults to 256, the shipped encoder's width (aisle-encoder-v2).
"""
import json
import sys
from pathlib import Path

import torch
from torch import nn

FEATURES = 12  # src/rerank/features.ts FEATURE_COUNT

INPUTS = ["query", "cand_vec", "cand_id", "cand_feat", "hist_vec", "hist_id", "hist_kind", "hist_gap"]
AXES = {
    "query": {0: "B"}, "cand_vec": {0: "B", 1: "C"}, "cand_id": {0: "B", 1: "C"}, "cand_feat": {0: "B", 1: "C"},
    "hist_vec": {0: "B", 1: "H"}, "hist_id": {0: "B", 1: "H"}, "hist_kind": {0: "B", 1: "H"},
    "hist_gap": {0: "B", 1: "H"}, "score": {0: "B", 1: "C"},
}


class HistorySimilarity(nn.Module):
    def forward(self, query, cand_vec, cand_id, cand_feat, hist_vec, hist_id, hist_kind, hist_gap):
        # hist_id >= 0 is always true; it keeps the input in the graph so every model takes the same feed.
        live = ((hist_kind > 0) & (hist_id >= 0)).to(torch.float32)
        weight = live / hist_gap.clamp(min=1).to(torch.float32)  # [B, H]
        interest = (hist_vec * weight.unsqueeze(-1)).sum(1)  # [B, D]
        interest = interest / (interest.norm(dim=-1, keepdim=True) + 1e-6)
        cand = cand_vec / (cand_vec.norm(dim=-1, keepdim=True) + 1e-6)
        similarity = (cand * interest.unsqueeze(1)).sum(-1)  # [B, C]
        query_fit = (cand_vec * query.unsqueeze(1)).sum(-1)
        seen = (cand_id > 0).to(torch.float32)
        return similarity + 0.5 * cand_feat[:, :, 7] + 0.01 * query_fit + 0.001 * seen


def sample(b: int, c: int, h: int, d: int) -> tuple:
    g = torch.Generator().manual_seed(3)
    return (
        torch.randn(b, d, generator=g), torch.randn(b, c, d, generator=g), torch.randint(0, 5, (b, c), generator=g),
        torch.rand(b, c, FEATURES, generator=g), torch.randn(b, h, d, generator=g), torch.randint(0, 5, (b, h), generator=g),
        torch.randint(0, 5, (b, h), generator=g), torch.randint(0, 21, (b, h), generator=g),
    )


def main(out: Path, dim: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    torch.onnx.export(HistorySimilarity().eval(), sample(2, 3, 4, dim), str(out / "model.onnx"), input_names=INPUTS,
                      output_names=["score"], dynamic_axes=AXES, opset_version=17)
    manifest = {
        "format": "aisle-reranker/1", "version": out.name, "created": "2026-11-29T00:00:00Z",
        "data": {"from": None, "to": None, "events": 0, "users": 0, "searches": 0},
        "params": {"kind": "tiny-test-model", "script": "training/make_tiny_reranker.py"},
        "content_dim": dim, "history_len": 50, "features": FEATURES, "max_items": 1000, "item_ids": "vocab",
        "metrics": {"valid": {}}, "previous": None,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    (out / "items.tsv").write_text("product_id\tindex\tpopularity\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("test/fixtures/models/reranker-tiny/v1-202611290000"),
         int(sys.argv[2]) if len(sys.argv) > 2 else 256)
