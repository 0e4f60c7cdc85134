"""Starts training from a shipped encoder: its vocabulary and its weights, read back from the ONNX export.

The export names embedding and LayerNorm tensors after the module (tok.weight, layers.0.ln1.bias …);
the Linear weights become anonymous MatMul inputs, stored transposed, in the order the graph uses
them: per layer the attention projection (qkv), its output (out), then the two feed-forward layers.
"""
from pathlib import Path

import torch

from .model import Encoder, EncoderConfig

LINEARS = ("qkv", "out", "ff.0", "ff.2")


def read_vocab(model_dir: Path) -> list[str]:
    return [line for line in (model_dir / "vocab.txt").read_text().splitlines() if line]


def onnx_state_dict(onnx_path: Path, layers: int) -> dict[str, torch.Tensor]:
    """The Encoder state dict stored in an ONNX file written by export.py."""
    import onnx  # Debian's python3-onnx; only this path needs it
    from onnx import numpy_helper

    graph = onnx.load(str(onnx_path)).graph
    tensors = {i.name: torch.from_numpy(numpy_helper.to_array(i).copy()) for i in graph.initializer}
    state = {name: t for name, t in tensors.items() if not name.startswith("onnx::")}
    matmuls = [n.input[1] for n in graph.node if n.op_type == "MatMul" and n.input[1] in tensors]
    if len(matmuls) != layers * len(LINEARS):
        raise SystemExit(f"{onnx_path}: expected {layers * len(LINEARS)} MatMul weights, found {len(matmuls)}")
    for i, name in enumerate(matmuls):
        layer, linear = divmod(i, len(LINEARS))
        state[f"layers.{layer}.{LINEARS[linear]}.weight"] = tensors[name].T.contiguous()
    return state


def warm_start(model_dir: Path, config: EncoderConfig) -> Encoder:
    """An Encoder of `config` holding the shipped model's weights; positions beyond the old
    maximum start as copies of the last learned one, so longer inputs begin from a sensible point."""
    state = onnx_state_dict(model_dir / "onnx" / "model.onnx", config.num_hidden_layers)
    old_pos = state["pos.weight"]
    if old_pos.shape[0] < config.max_position_embeddings:
        extra = old_pos[-1:].repeat(config.max_position_embeddings - old_pos.shape[0], 1)
        state["pos.weight"] = torch.cat([old_pos, extra])
    model = Encoder(config)
    model.load_state_dict(state)
    return model
