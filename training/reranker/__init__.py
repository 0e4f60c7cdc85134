"""The personalised target-attention reranker (issue 13): model, example reader, training loop, ONNX export."""
