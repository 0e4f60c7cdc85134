"""Trains Aisle's default text encoder end to end and exports it to ONNX for transformers.js.

Usage: /usr/bin/python3 training/train_encoder.py --corpus products.jsonl --out models/aisle-encoder-v1
       [--device cpu|cuda] [--steps 3000] [--tiny]
       [--init-from models/aisle-encoder-v1 --max-len 128 --need-share 0.3 --lr 3e-4]
       [--dictionary /usr/share/dictd --general-batch 96 --general-weight 0.7]
--tiny trains a few steps of a very small model: the CI test of this path.
--init-from continues from a shipped encoder (its vocabulary and weights, read from its ONNX file).
A run saves OUT/checkpoint.pt as it goes; running the same command again continues from it.
"""
import argparse
import collections
import hashlib
import json
import os
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).parent))
from aisle_encoder.evaluate import product_retrieval, synonym_probe  # noqa: E402
from aisle_encoder.export import export_model  # noqa: E402
from aisle_encoder.model import Encoder, EncoderConfig  # noqa: E402
from aisle_encoder.pair_pools import PairPools  # noqa: E402
from aisle_encoder.shopping_synonyms import split_groups  # noqa: E402
from aisle_encoder.product_queries import synonym_index  # noqa: E402
from aisle_encoder.train import train  # noqa: E402
from aisle_encoder.warm_start import read_vocab, warm_start  # noqa: E402
from aisle_encoder.wordpiece import WordPieceTokenizer, pre_tokenize, train_wordpiece  # noqa: E402

FULL = dict(layers=4, hidden=256, heads=4, intermediate=1024, vocab=16000, max_len=64, query_len=24, steps=645,
            product_batch=96, general_batch=64, lr=8e-4, warmup=60, temperature=0.05, general_weight=0.5, log_every=50)
TINY = dict(FULL, layers=1, hidden=32, heads=2, intermediate=64, vocab=2000, steps=4, product_batch=16,
            general_batch=8, warmup=1, log_every=1)


def held_out(product_id: str) -> bool:
    """About 10% of products never seen in training, chosen by id hash (stable across runs)."""
    return hashlib.sha256(product_id.encode()).digest()[0] < 26


def word_counts(texts) -> dict[str, int]:
    counts = collections.Counter()
    for t in texts:
        counts.update(pre_tokenize(t))
    return counts


PARITY_TEXTS = ["a blue linen sofa under $900", "Crème brûlée ramekins, set of 4", "where is my order?",
                "kids' waterproof hiking boots size 10", "USB-C wireless headphones with 30-hour battery", " ".join(["comfortable sofa"] * 80)]


@torch.no_grad()
def parity_sample(model, tokenizer, cfg) -> dict:
    """PyTorch embeddings of fixed texts; the TypeScript test checks the ONNX export reproduces them."""
    from aisle_encoder.evaluate import embed_all
    vectors = embed_all(model, tokenizer, PARITY_TEXTS, cfg["max_len"], "cpu")
    return {"texts": PARITY_TEXTS, "embeddings": vectors.tolist()}


def save_weights(model, directory: Path, history: list[dict], cfg: dict, device: str) -> None:
    """The trained state dict in two files (the token embeddings alone, then the rest), each under
    16 MB, with the run's history and settings: what comes back from a rented GPU machine."""
    directory.mkdir(parents=True, exist_ok=True)
    state = model.state_dict()
    torch.save({k: v for k, v in state.items() if k == "tok.weight"}, directory / "part-0.pt")
    torch.save({k: v for k, v in state.items() if k != "tok.weight"}, directory / "part-1.pt")
    (directory / "run.json").write_text(json.dumps({"history": history, "config": cfg, "device": device}))


def load_weights(model, directory: Path) -> tuple[list[dict], dict, str]:
    state = {}
    for part in sorted(directory.glob("part-*.pt")):
        state.update(torch.load(part, map_location="cpu"))
    model.load_state_dict(state)
    run = json.loads((directory / "run.json").read_text())
    return run["history"], dict(run["config"], device="cpu"), run["device"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--device", default="cpu", choices=["cpu", "cuda"])
    ap.add_argument("--steps", type=int)
    ap.add_argument("--max-minutes", type=float, help="stop early enough to finish within this many minutes of training")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--tiny", action="store_true")
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    ap.add_argument("--model-id", default="aisle-encoder-v1")
    ap.add_argument("--init-from", help="a shipped encoder directory to continue from (same vocabulary, its weights)")
    ap.add_argument("--max-len", type=int, help="longest product text in tokens (default 64)")
    ap.add_argument("--need-share", type=float, default=0.0, help="share of product queries phrased as needs from the description")
    ap.add_argument("--lr", type=float, help="peak learning rate (default 8e-4; lower when continuing from a model)")
    ap.add_argument("--checkpoint-every", type=int, default=50)
    ap.add_argument("--dictionary", help="Debian's dict-gcide directory (/usr/share/dictd): definitions and lexical pairs from every domain")
    ap.add_argument("--general-batch", type=int, help="general pairs per step (default 64)")
    ap.add_argument("--general-weight", type=float, help="weight of the general loss (default 0.5)")
    ap.add_argument("--product-batch", type=int, help="query-product pairs per step (default 96)")
    ap.add_argument("--workers", type=int, default=0, help="processes preparing batches ahead (a GPU needs several)")
    ap.add_argument("--weights-only", action="store_true",
                    help="after training, write OUT/weights/ (state dict in parts under 16 MB, history) instead of exporting")
    ap.add_argument("--from-weights", help="a weights/ directory written by --weights-only: evaluate and export it, no training")
    args = ap.parse_args()
    cfg = dict(TINY if args.tiny else FULL, device=args.device, seed=args.seed, need_share=args.need_share,
               checkpoint_every=args.checkpoint_every, workers=args.workers)
    for key in ("steps", "max_len", "lr", "general_batch", "general_weight", "product_batch"):
        if getattr(args, key):
            cfg[key] = getattr(args, key)
    if args.max_minutes:
        cfg["max_seconds"] = args.max_minutes * 60
    if args.device == "cuda" and not torch.cuda.is_available():
        sys.exit("--device cuda asked for, but PyTorch sees no CUDA GPU; use --device cpu.")
    torch.manual_seed(args.seed)
    torch.set_num_threads(os.cpu_count() or 1)
    started = time.time()
    products = [json.loads(line) for line in open(args.corpus)]
    train_products = [p for p in products if not held_out(p["id"])]
    test_products = [p for p in products if held_out(p["id"])]
    pools = PairPools(args.wordnet, args.seed, args.dictionary)
    if args.init_from:
        vocab = read_vocab(Path(args.init_from))
    else:
        vocab = train_wordpiece(word_counts([p["text"] for p in products] + pools.corpus()), cfg["vocab"])
    tokenizer = WordPieceTokenizer(vocab)
    print(f"vocabulary: {len(vocab)} pieces ({time.time() - started:.0f}s)", flush=True)
    by_category = collections.defaultdict(list)
    for p in train_products:
        by_category[" > ".join(p["category"])].append(p)
    shop_train, _ = split_groups()
    synonyms = synonym_index(shop_train)
    config = EncoderConfig(vocab_size=len(vocab), hidden_size=cfg["hidden"], num_hidden_layers=cfg["layers"],
                           num_attention_heads=cfg["heads"], intermediate_size=cfg["intermediate"],
                           max_position_embeddings=cfg["max_len"])
    model = (warm_start(Path(args.init_from), config) if args.init_from else Encoder(config)).to(args.device)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.from_weights:
        history, cfg, trained_on = load_weights(model, Path(args.from_weights))
        args.device = trained_on
    else:
        history = train(model, tokenizer, by_category, pools, synonyms, cfg, lambda e: print(json.dumps(e), flush=True),
                        checkpoint=out / "checkpoint.pt")
    model.cpu()
    if args.weights_only:
        save_weights(model, out / "weights", history, cfg, args.device)
        (out / "checkpoint.pt").unlink(missing_ok=True)
        print(f"weights written to {out / 'weights'}; export them with --from-weights", flush=True)
        return
    cfg["device"] = "cpu"
    report = {
        "config": cfg, "init_from": args.init_from, "parameters": sum(p.numel() for p in model.parameters()), "device": args.device,
        "train_seconds": history[-1]["seconds"] if args.from_weights and history else round(time.time() - started, 1),
        "history": history,
        "held_out_products": product_retrieval(model, tokenizer, test_products, synonyms, cfg),
        "synonym_probe": {name: synonym_probe(model, tokenizer, pairs, pools.words, cfg)
                          for name, pairs in pools.held_out.items() if pairs},
    }
    export_model(model, vocab, out, {"aisle_model_id": args.model_id})
    (out / "training-report.json").write_text(json.dumps(report, indent=2))
    (out / "parity.json").write_text(json.dumps(parity_sample(model, tokenizer, cfg)))
    (out / "checkpoint.pt").unlink(missing_ok=True)  # the run is complete; the exported model is what ships
    print(json.dumps({k: report[k] for k in ("train_seconds", "held_out_products", "synonym_probe")}, indent=2))


if __name__ == "__main__":
    main()
