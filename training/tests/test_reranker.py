"""The personalised reranker: shapes, history masking, unseen ids, learning a history signal, ONNX parity."""
import json
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

import numpy as np
import torch

from training.reranker.data import EXAMPLES_FORMAT, load_examples
from training.reranker.export import export_onnx, parity_sample, sample_inputs
from training.reranker.model import RerankerConfig, TargetAttentionReranker
from training.reranker.train import train_model

ROOT = Path(__file__).resolve().parents[2]
HAS_ORT_NODE = shutil.which("node") is not None and (ROOT / "node_modules" / "onnxruntime-node").is_dir()
PARAMS = dict(epochs=6, max_minutes=None, d=16, mlp=32, dropout=0.0, batch_size=32, lr=5e-3, weight_decay=0.0, seed=1)


def write_examples(directory: Path, searches: int = 400, items: int = 30, dc: int = 4, seed: int = 3, zero_feature=None) -> None:
    """Searches whose taken candidate is the one the shopper touched before (shown at a random place)."""
    rng = np.random.default_rng(seed)
    c, h, f = 6, 5, 8
    cand = rng.integers(1, items + 1, (searches, c)).astype("<i4")
    hist = np.zeros((searches, h), "<i4")
    kind = np.zeros((searches, h), "<i8")
    label = np.zeros((searches, c), "<f4")
    for b in range(searches):
        taken = rng.integers(0, c - 1)  # the last column is padding in some searches
        label[b, taken] = 1 + (b % 3)
        hist[b, 0] = cand[b, taken]
        kind[b, 0] = 1
        for j in range(1, rng.integers(1, h + 1)):  # other slots: items not among the candidates
            hist[b, j], kind[b, j] = rng.integers(1, items + 1), 2
            while hist[b, j] in cand[b]:
                hist[b, j] = rng.integers(1, items + 1)
    feat = rng.random((searches, c, f)).astype("<f4")
    if zero_feature is not None:
        feat[..., zero_feature] = 0
    label[:, -1] = np.where(np.arange(searches) % 4 == 0, -1, label[:, -1])  # some padded columns
    cand[label < 0] = 0
    files = {
        "item_vec.f32": rng.normal(size=(items + 1, dc)).astype("<f4") * (np.arange(items + 1) > 0)[:, None],
        "item_id.i64": np.arange(items + 1, dtype="<i8"), "query.f32": rng.normal(size=(searches, dc)).astype("<f4"),
        "cand_item.i32": cand, "cand_feat.f32": feat,
        "hist_item.i32": hist, "hist_kind.i64": kind, "hist_gap.i64": kind.copy(),
        "label.f32": label, "split.u8": (np.arange(searches) >= searches * 0.8).astype("u1"),
    }
    for name, array in files.items():
        array.tofile(directory / name)
    meta = {"format": EXAMPLES_FORMAT, "mode": "session", "searches": searches, "candidates": c, "items": items,
            "history_len": h, "content_dim": dc, "features": f, "id_rows": items + 1}
    (directory / "meta.json").write_text(json.dumps(meta))


def small_model(dc: int = 4, rows: int = 20) -> TargetAttentionReranker:
    torch.manual_seed(0)
    return TargetAttentionReranker(RerankerConfig(id_rows=rows, content_dim=dc, d=16, mlp=32, dropout=0.0)).eval()


class ModelTest(unittest.TestCase):
    def test_one_score_per_candidate(self):
        for dc in (4, 0):
            model = small_model(dc)
            scores = model(*sample_inputs(model, 3, 7, 5))
            self.assertEqual(tuple(scores.shape), (3, 7))
            self.assertTrue(torch.isfinite(scores).all())

    @torch.no_grad()
    def test_padded_history_slots_change_nothing(self):
        model = small_model()
        inputs = list(sample_inputs(model, 4, 5, 6))
        before = model(*inputs)
        pad = inputs[6] == 0
        self.assertTrue(pad.any())
        inputs[4] = inputs[4] + 3.0 * pad.unsqueeze(-1)  # hist_vec, hist_id, hist_gap of padded slots
        inputs[5] = torch.where(pad, torch.full_like(inputs[5], 9), inputs[5])
        inputs[7] = torch.where(pad, torch.full_like(inputs[7], 4), inputs[7])
        torch.testing.assert_close(model(*inputs), before)
        longer = [t for t in inputs]
        for i in (4, 5, 6, 7):  # three more padded slots
            extra = torch.zeros((t := inputs[i]).shape[0], 3, *t.shape[2:], dtype=t.dtype)
            longer[i] = torch.cat([t, extra], dim=1)
        torch.testing.assert_close(model(*longer), before)

    @torch.no_grad()
    def test_no_history_scores_like_an_empty_one(self):
        model = small_model()
        inputs = list(sample_inputs(model, 2, 4, 3))
        for i in (4, 5, 6, 7):
            inputs[i] = torch.zeros_like(inputs[i])
        scores = model(*inputs)
        self.assertTrue(torch.isfinite(scores).all())
        inputs[4] = torch.randn_like(inputs[4])  # vectors of padded slots are ignored too
        torch.testing.assert_close(model(*inputs), scores)

    def test_unseen_id_embeds_to_zeros_even_after_training(self):
        with tempfile.TemporaryDirectory() as tmp:
            write_examples(Path(tmp), searches=80)
            model, _ = train_model(load_examples(Path(tmp)), dict(PARAMS, epochs=1), "cpu", log=lambda _: None)
        self.assertEqual(float(model.item.weight[0].abs().sum()), 0.0)
        ids = torch.tensor([[0, 3]])
        self.assertEqual(float(model.item(ids)[0, 0].abs().sum()), 0.0)
        self.assertGreater(float(model.item(ids)[0, 1].abs().sum()), 0.0)


    @torch.no_grad()
    def test_an_untrained_model_ranks_in_the_logged_order(self):
        model = small_model()
        inputs = sample_inputs(model, 3, 6, 4)
        torch.testing.assert_close(model(*inputs), 4.0 * inputs[3][..., 0])


class TrainingTest(unittest.TestCase):
    def test_a_feature_never_set_in_training_cannot_move_a_score(self):
        with tempfile.TemporaryDirectory() as tmp:
            write_examples(Path(tmp), searches=80, zero_feature=1)
            model, report = train_model(load_examples(Path(tmp)), dict(PARAMS, epochs=2), "cpu", log=lambda _: None)
        self.assertEqual(report["unused_features"], [1])
        inputs = list(sample_inputs(model, 2, 5, 3))
        with torch.no_grad():
            before = model(*inputs)
            inputs[3][..., 1] = 7.0
            torch.testing.assert_close(model(*inputs), before)

    def test_learns_that_shoppers_take_what_they_touched_before(self):
        with tempfile.TemporaryDirectory() as tmp:
            write_examples(Path(tmp))
            examples = load_examples(Path(tmp))
            self.assertEqual(tuple(examples.cand_feat.shape), (400, 6, 8))
            _, report = train_model(examples, PARAMS, "cpu", log=lambda _: None)
        valid = report["metrics"]["valid"]
        self.assertEqual(report["examples"], {"train": 320, "valid": 80})
        self.assertGreater(valid["model"]["mrr"], 0.8)
        self.assertLess(valid["logged"]["mrr"], 0.7)

    def test_validates_within_epochs_keeps_the_best_check_and_stops_without_gains(self):
        with tempfile.TemporaryDirectory() as tmp:
            write_examples(Path(tmp))
            examples = load_examples(Path(tmp))
            params = dict(PARAMS, epochs=2, min_steps=0, checks_per_epoch=2, patience=0, prior_lr=0.02, id_dropout=0.5)
            _, report = train_model(examples, params, "cpu", log=lambda _: None)
            self.assertEqual([h["epoch"] for h in report["epochs"]], [0.5, 1.0, 1.5, 2.0])
            lines = []
            _, report = train_model(examples, dict(params, epochs=20, patience=1), "cpu", log=lines.append)
        self.assertTrue(any(line.startswith("stopping at epoch") for line in lines))
        start = float(lines[0].split()[-1])
        gains = [start] + [h["valid_ndcg@10"] for h in report["epochs"]]
        self.assertLessEqual(gains[-1], max(gains[:-1]))
        self.assertEqual(report["metrics"]["valid"]["model"]["ndcg@10"], max(gains))

    def test_a_truncated_array_is_refused(self):
        with tempfile.TemporaryDirectory() as tmp:
            write_examples(Path(tmp), searches=10)
            (Path(tmp) / "label.f32").write_bytes(b"\0" * 8)
            with self.assertRaisesRegex(ValueError, "label.f32"):
                load_examples(Path(tmp))


@unittest.skipUnless(HAS_ORT_NODE, "needs node and npm ci (node_modules/onnxruntime-node) for the ONNX parity check")
class OnnxParityTest(unittest.TestCase):
    def check(self, dc: int):
        model = small_model(dc, rows=50)
        with tempfile.TemporaryDirectory() as tmp:
            export_onnx(model, Path(tmp) / "model.onnx")
            parity = parity_sample(model)
            (Path(tmp) / "parity.json").write_text(json.dumps(parity))
            run = subprocess.run(["node", str(ROOT / "training/tests/onnx_scores.mjs"), str(Path(tmp) / "model.onnx"),
                                  str(Path(tmp) / "parity.json")], capture_output=True, text=True, cwd=ROOT, timeout=120)
        self.assertEqual(run.returncode, 0, run.stderr)
        onnx_scores = json.loads(run.stdout)
        self.assertEqual(onnx_scores["dims"], parity["score"]["shape"])
        np.testing.assert_allclose(onnx_scores["data"], parity["score"]["data"], atol=1e-4, rtol=1e-4)

    def test_onnx_runtime_matches_pytorch_with_content_vectors(self):
        self.check(4)

    def test_onnx_runtime_matches_pytorch_ids_only(self):
        self.check(0)


if __name__ == "__main__":
    unittest.main()
