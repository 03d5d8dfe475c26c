"""A PyTorch reference for `npm run bench`: the `tiny` character-level GPT (context 64, 2 blocks,
4 heads, width 64, MLP 4x, vocabulary 60), batch 32 x 64, AdamW with clipping at global norm 1,
timed per training step on this machine's CPU with 1 and with 2 threads. A development-only
comparison (CI does not run it), with Debian's python3-torch and libopenblas0-pthread
(without OpenBLAS, Debian's torch multiplies with the reference BLAS, several times slower):
/usr/bin/python3 src/bench/pytorch_reference.py [--steps N]

Prints one line per thread count on stderr and one JSON object on stdout:
{"torch": "...", "threads": {"1": {"msPerStep": ...}, "2": {...}}, "best": {...}}
"""

import argparse
import json
import math
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

VOCAB, CONTEXT, LAYERS, HEADS, WIDTH, MLP = 60, 64, 2, 4, 64, 4
BATCH = 32


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.ln1 = nn.LayerNorm(WIDTH)
        self.qkv = nn.Linear(WIDTH, 3 * WIDTH)
        self.proj = nn.Linear(WIDTH, WIDTH)
        self.ln2 = nn.LayerNorm(WIDTH)
        self.fc = nn.Linear(WIDTH, MLP * WIDTH)
        self.fc_proj = nn.Linear(MLP * WIDTH, WIDTH)
        self.register_buffer("mask", torch.tril(torch.ones(CONTEXT, CONTEXT)))

    def forward(self, x):
        b, t, c = x.shape
        q, k, v = self.qkv(self.ln1(x)).split(WIDTH, dim=2)
        shape = (b, t, HEADS, c // HEADS)
        q, k, v = (z.view(shape).transpose(1, 2) for z in (q, k, v))
        # Written out (Debian's torch 1.13 has no scaled_dot_product_attention): the same products.
        att = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(c // HEADS))
        att = att.masked_fill(self.mask[:t, :t] == 0, float("-inf"))
        y = F.softmax(att, dim=-1) @ v
        x = x + self.proj(y.transpose(1, 2).reshape(b, t, c))
        return x + self.fc_proj(F.gelu(self.fc(self.ln2(x)), approximate="tanh"))


class Gpt(nn.Module):
    def __init__(self):
        super().__init__()
        self.tokens = nn.Embedding(VOCAB, WIDTH)
        self.positions = nn.Embedding(CONTEXT, WIDTH)
        self.blocks = nn.ModuleList(Block() for _ in range(LAYERS))
        self.ln_f = nn.LayerNorm(WIDTH)
        self.head = nn.Linear(WIDTH, VOCAB)

    def forward(self, ids):
        x = self.tokens(ids) + self.positions(torch.arange(ids.shape[1]))
        for block in self.blocks:
            x = block(x)
        return self.head(self.ln_f(x))


def ms_per_step(threads: int, steps: int, warmup: int = 3) -> float:
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    model = Gpt()
    decay = [p for p in model.parameters() if p.dim() == 2]
    rest = [p for p in model.parameters() if p.dim() != 2]
    optimizer = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01}, {"params": rest, "weight_decay": 0.0}], lr=1e-2, betas=(0.9, 0.99))
    stream = torch.randint(0, VOCAB, (50_000,))
    times = []
    for step in range(warmup + steps):
        offsets = torch.randint(0, len(stream) - CONTEXT - 1, (BATCH,))
        x = torch.stack([stream[o : o + CONTEXT] for o in offsets])
        y = torch.stack([stream[o + 1 : o + CONTEXT + 1] for o in offsets])
        t0 = time.perf_counter()
        loss = F.cross_entropy(model(x).view(-1, VOCAB), y.view(-1))
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        if step >= warmup:
            times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--steps", type=int, default=30)
    args = parser.parse_args()
    threads = {}
    for n in (1, 2):
        ms = ms_per_step(n, args.steps)
        threads[str(n)] = {"msPerStep": round(ms, 2)}
        print(f"pytorch {torch.__version__}, {n} thread(s): {ms:.1f} ms/step (median of {args.steps})", file=sys.stderr)
    best = min(threads.items(), key=lambda kv: kv[1]["msPerStep"])
    print(json.dumps({"torch": torch.__version__, "batch": BATCH, "context": CONTEXT, "threads": threads, "best": {"threads": int(best[0]), **best[1]}}))


if __name__ == "__main__":
    main()
