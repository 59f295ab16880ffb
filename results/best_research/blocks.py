"""Which 15-bp blocks of a negative are random: recovered by matching each negative to the promoter it was made from.

The recipe keeps 8 of 20 aligned blocks of one promoter and fills the others with uniform random DNA, so a block
of a negative is 'kept' when it equals that promoter's block (a random 15-mer equals it with probability 4^-15).
`block_labels(seqs, labels, promoters)` returns int8 [N, 20]: 1 = random block, 0 = genomic (positives: all 0);
rows whose source promoter is not among `promoters` get -1 (ignored by the auxiliary loss)."""
from __future__ import annotations
import collections
import numpy as np
import torch, torch.nn as nn, torch.nn.functional as F

N_BLOCKS, BLOCK = 20, 15

def block_labels(seqs, labels, promoters) -> np.ndarray:
    index = collections.defaultdict(list)
    for j, s in enumerate(promoters):
        for b in range(N_BLOCKS): index[(b, s[b * BLOCK:(b + 1) * BLOCK])].append(j)
    out = np.zeros((len(seqs), N_BLOCKS), np.int8)
    for i, (s, l) in enumerate(zip(seqs, labels)):
        if l == 1: continue
        c = collections.Counter(j for b in range(N_BLOCKS) for j in index.get((b, s[b * BLOCK:(b + 1) * BLOCK]), ()))
        if not c or c.most_common(1)[0][1] < 4: out[i] = -1; continue
        src = promoters[c.most_common(1)[0][0]]
        out[i] = [int(s[b * BLOCK:(b + 1) * BLOCK] != src[b * BLOCK:(b + 1) * BLOCK]) for b in range(N_BLOCKS)]
    return out

class BlockAuxStep(nn.Module):
    "Training step: CE on the sequence label + `weight` · BCE of a per-patch head on the random-block labels (by idx)"
    def __init__(self, width: int, table: torch.Tensor, weight: float = 1.0):
        super().__init__()
        self.head = nn.Linear(width, 1)
        self.register_buffer('table', torch.as_tensor(table, dtype=torch.float32), persistent=False)  # [max idx + 1, 20]
        self.weight = weight
    def forward(self, model, batch):
        out = model(input_ids=batch['input_ids'], attention_mask=batch['attention_mask'], output_hidden_states=True)
        ce = F.cross_entropy(out.logits.float(), batch['labels'])
        y = self.table[batch['idx']]
        if 'rc' in batch: y = torch.where(batch['rc'][:, None], y.flip(-1), y)  # RC view: blocks in reverse order
        z = self.head(out.hidden_states[-1]).squeeze(-1)
        if z.shape[1] != y.shape[1]: raise ValueError(f'BlockAuxStep: {z.shape[1]} patches, {y.shape[1]} block labels')
        ok = y >= 0
        aux = F.binary_cross_entropy_with_logits(z[ok], y[ok]) if ok.any() else z.sum() * 0
        return {'loss': ce + self.weight * aux, 'ce': ce.detach(), 'aux': aux.detach()}
