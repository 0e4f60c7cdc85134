"""Reads the training examples `aisle train reranker` exports (contract: "Training examples").

The arrays are little-endian raw files beside meta.json; candidates and history are stored as rows of
one item table (row 0 = padding/unseen: zero vector, model index 0), so a product's vector is stored once.
"""
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

EXAMPLES_FORMAT = "aisle-reranker-examples/1"


@dataclass
class Examples:
    meta: dict
    item_vec: torch.Tensor  # [N+1, max(1, Dc)] float32
    item_id: torch.Tensor  # [N+1] int64: model item index of each table row
    query: torch.Tensor  # [B, max(1, Dc)]
    cand_item: torch.Tensor  # [B, C] int64 table rows
    cand_feat: torch.Tensor  # [B, C, F]
    hist_item: torch.Tensor  # [B, H]
    hist_kind: torch.Tensor  # [B, H]
    hist_gap: torch.Tensor  # [B, H]
    label: torch.Tensor  # [B, C]: -1 padding, 0 not taken, 1 click/view, 2 cart, 3 purchase
    split: torch.Tensor  # [B] uint8: 0 train, 1 valid

    @property
    def size(self) -> int:
        return self.label.shape[0]

    def batch(self, rows: torch.Tensor, device: str) -> dict:
        """The model's inputs (contract names) and labels for `rows`, trimmed to the columns and slots in use."""
        label = self.label[rows]
        used_c = int((label >= 0).any(0).nonzero().max()) + 1 if (label >= 0).any() else 1
        kind = self.hist_kind[rows]
        used_h = max(1, int((kind > 0).sum(1).max()))
        cand_rows = self.cand_item[rows, :used_c]
        hist_rows = self.hist_item[rows, :used_h]
        out = {
            "query": self.query[rows],
            "cand_vec": self.item_vec[cand_rows],
            "cand_id": self.item_id[cand_rows],
            "cand_feat": self.cand_feat[rows, :used_c],
            "hist_vec": self.item_vec[hist_rows],
            "hist_id": self.item_id[hist_rows],
            "hist_kind": kind[:, :used_h],
            "hist_gap": self.hist_gap[rows, :used_h],
            "label": label[:, :used_c],
        }
        return {k: v.to(device) for k, v in out.items()}


def _read(directory: Path, name: str, dtype, shape) -> torch.Tensor:
    data = np.fromfile(directory / name, dtype=np.dtype(dtype).newbyteorder("<"))
    expected = int(np.prod(shape))
    if data.size != expected:
        raise ValueError(f"{name} holds {data.size} values, meta.json says {expected} ({shape})")
    return torch.from_numpy(data.astype(np.dtype(dtype).newbyteorder("="), copy=False).reshape(shape))


def load_examples(directory: Path) -> Examples:
    meta = json.loads((directory / "meta.json").read_text())
    if meta.get("format") != EXAMPLES_FORMAT:
        raise ValueError(f"{directory}/meta.json is not {EXAMPLES_FORMAT}")
    b, c, n, h, f = meta["searches"], meta["candidates"], meta["items"], meta["history_len"], meta["features"]
    dc = meta["content_dim"]
    width = max(1, dc)
    item_vec = _read(directory, "item_vec.f32", "f4", (n + 1, dc)) if dc > 0 else torch.zeros(n + 1, 1)
    query = _read(directory, "query.f32", "f4", (b, dc)) if dc > 0 else torch.zeros(b, 1)
    return Examples(
        meta=meta,
        item_vec=item_vec.reshape(n + 1, width),
        item_id=_read(directory, "item_id.i64", "i8", (n + 1,)),
        query=query,
        cand_item=_read(directory, "cand_item.i32", "i4", (b, c)).long(),
        cand_feat=_read(directory, "cand_feat.f32", "f4", (b, c, f)),
        hist_item=_read(directory, "hist_item.i32", "i4", (b, h)).long(),
        hist_kind=_read(directory, "hist_kind.i64", "i8", (b, h)),
        hist_gap=_read(directory, "hist_gap.i64", "i8", (b, h)),
        label=_read(directory, "label.f32", "f4", (b, c)),
        split=_read(directory, "split.u8", "u1", (b,)),
    )
