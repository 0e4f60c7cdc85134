"""ONNX export with the contract's input/output names and dynamic B, C, H axes, plus a parity sample."""
from pathlib import Path

import torch

from .model import GAP_BUCKETS, HISTORY_KINDS, TargetAttentionReranker
from .train import INPUTS

# onnxruntime-node 1.x runs opset 17 (LayerNormalization is a single op from 17 on); torch 1.13 exports up to 17.
OPSET = 17
AXES = {
    "query": {0: "B"}, "cand_vec": {0: "B", 1: "C"}, "cand_id": {0: "B", 1: "C"}, "cand_feat": {0: "B", 1: "C"},
    "hist_vec": {0: "B", 1: "H"}, "hist_id": {0: "B", 1: "H"}, "hist_kind": {0: "B", 1: "H"},
    "hist_gap": {0: "B", 1: "H"}, "score": {0: "B", 1: "C"},
}


def sample_inputs(model: TargetAttentionReranker, b: int, c: int, h: int, seed: int = 7) -> tuple:
    """Random but valid inputs: some unseen ids, some padded history slots, one search without history."""
    g = torch.Generator().manual_seed(seed)
    cfg = model.config
    width = max(1, cfg.content_dim)
    vec = (lambda *shape: torch.randn(*shape, width, generator=g)) if cfg.content_dim else (lambda *shape: torch.zeros(*shape, 1))
    kind = torch.randint(1, HISTORY_KINDS, (b, h), generator=g)
    lengths = torch.randint(0, h + 1, (b,), generator=g)
    lengths[0] = 0
    lengths[-1] = h
    kind = kind * (torch.arange(h).unsqueeze(0) < lengths.unsqueeze(1))
    pad = kind > 0
    return (
        vec(b), vec(b, c), torch.randint(0, cfg.id_rows, (b, c), generator=g),
        torch.rand(b, c, cfg.features, generator=g), vec(b, h) * pad.unsqueeze(-1),
        torch.randint(0, cfg.id_rows, (b, h), generator=g) * pad, kind,
        torch.randint(1, GAP_BUCKETS, (b, h), generator=g) * pad,
    )


def export_onnx(model: TargetAttentionReranker, path: Path) -> None:
    """Writes the model; inputs an ids-only model ignores are still declared, so every model takes the same feed."""
    import onnx
    model = model.cpu().eval()
    torch.onnx.export(model, sample_inputs(model, 2, 3, 4), str(path), input_names=list(INPUTS), output_names=["score"],
                      dynamic_axes=AXES, opset_version=OPSET, do_constant_folding=True)
    graph = onnx.load(str(path))
    present = {i.name for i in graph.graph.input}
    width = max(1, model.config.content_dim)
    shapes = {"query": ["B", width], "cand_vec": ["B", "C", width], "hist_vec": ["B", "H", width]}
    missing = [name for name in INPUTS if name not in present]
    for name in missing:
        graph.graph.input.append(onnx.helper.make_tensor_value_info(name, onnx.TensorProto.FLOAT, shapes[name]))
    if missing:
        # Keep the contract's order: query, cand_vec, … (onnxruntime binds by name, but readers expect the order).
        by_name = {i.name: i for i in graph.graph.input}
        ordered = [by_name[name] for name in INPUTS]
        del graph.graph.input[:]
        graph.graph.input.extend(ordered)
        onnx.save(graph, str(path))
    onnx.checker.check_model(str(path))


@torch.no_grad()
def parity_sample(model: TargetAttentionReranker) -> dict:
    """Fixed inputs and PyTorch's scores: the TypeScript test feeds them to onnxruntime-node and compares."""
    model = model.cpu().eval()
    inputs = sample_inputs(model, 3, 5, 6, seed=11)
    scores = model(*inputs)
    return {
        "inputs": {name: {"shape": list(t.shape), "data": t.flatten().tolist()} for name, t in zip(INPUTS, inputs)},
        "score": {"shape": list(scores.shape), "data": scores.flatten().tolist()},
    }
