#!/usr/bin/env bash
# Rebuilds Aisle's default encoder end to end: export the training corpus, train, export ONNX,
# make it the default model. Extra arguments go to train_encoder.py (--device cuda, --max-minutes N, --tiny…).
# Usage: npm run train:encoder -- [--out DIR] [train_encoder.py options]
set -euo pipefail
cd "$(dirname "$0")/.."
out=models/aisle-encoder-v1
if [ "${1:-}" = "--out" ]; then out=$2; shift 2; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node --import tsx training/export-corpus.ts "$work/products.jsonl"
PYTHONUNBUFFERED=1 /usr/bin/python3 training/train_encoder.py --corpus "$work/products.jsonl" --out "$out" "$@"
if [ "$out" = models/aisle-encoder-v1 ]; then echo aisle-encoder-v1 > models/DEFAULT; fi
echo "Encoder written to $out"
