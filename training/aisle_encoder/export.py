"""Exports an Encoder to ONNX with the names transformers.js expects, plus config and tokenizer."""
import json
from pathlib import Path

import torch

from .model import Encoder
from .tokenizer_json import write_tokenizer


def export_model(model: Encoder, vocab: list[str], out: Path, extra_config: dict | None = None) -> Path:
    """Writes out/onnx/model.onnx, out/config.json and the tokenizer files; returns the ONNX path."""
    (out / "onnx").mkdir(parents=True, exist_ok=True)
    model.eval()
    ids = torch.tensor([[2, 7, 8, 3], [2, 9, 3, 0]], dtype=torch.long)
    mask = (ids != 0).long()
    types = torch.zeros_like(ids)
    onnx_path = out / "onnx" / "model.onnx"
    torch.onnx.export(
        model, (ids, mask, types), str(onnx_path),
        input_names=["input_ids", "attention_mask", "token_type_ids"],
        output_names=["last_hidden_state"],
        dynamic_axes={name: {0: "batch", 1: "sequence"} for name in
                      ["input_ids", "attention_mask", "token_type_ids", "last_hidden_state"]},
        opset_version=14, do_constant_folding=True,
    )
    config = {**model.config.hf_config(), **(extra_config or {})}
    (out / "config.json").write_text(json.dumps(config, indent=2))
    write_tokenizer(out, vocab, model.config.max_position_embeddings)
    return onnx_path
