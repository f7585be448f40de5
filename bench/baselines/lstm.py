"""Baseline: PyTorch nn.LSTM, 2 layers × 32 units, sequence 20, 5,000 windows, 5 epochs, batch 32, Adam 1e-3,
inputs and labels scaled by their training standard deviation (as ours); held-out MSE / variance reported."""
import numpy as np
import torch

from common import args, read_matrix, read_meta, run

torch.set_num_threads(2)
folder, warmup, reps = args()
meta = read_meta(folder)
n, seq = meta["train"] + meta["test"], meta["seq"]
x = read_matrix(f"{folder}/x.bin", n, seq)
y = read_matrix(f"{folder}/y.bin", n, 1).ravel()
tr = meta["train"]
sx, my, sy = x[:tr].std(), y[:tr].mean(), y[:tr].std()
xt = torch.tensor(x[:tr] / sx, dtype=torch.float32).unsqueeze(-1)
yt = torch.tensor((y[:tr] - my) / sy, dtype=torch.float32)
xv = torch.tensor(x[tr:] / sx, dtype=torch.float32).unsqueeze(-1)


class Net(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = torch.nn.LSTM(1, 32, num_layers=2, batch_first=True)
        self.head = torch.nn.Linear(32, 1)

    def forward(self, z):
        out, _ = self.lstm(z)
        return self.head(out[:, -1, :]).squeeze(-1)


def train():
    torch.manual_seed(1)
    net = Net()
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    loss_fn = torch.nn.MSELoss()
    gen = torch.Generator().manual_seed(1)
    for _ in range(5):
        perm = torch.randperm(tr, generator=gen)
        for k in range(0, tr, 32):
            idx = perm[k:k + 32]
            opt.zero_grad()
            loss = loss_fn(net(xt[idx]), yt[idx])
            loss.backward()
            opt.step()
    with torch.no_grad():
        f = net(xv).numpy() * sy + my
    yv = y[tr:]
    return {"relativeMse": float(np.mean((f - yv) ** 2) / np.mean(yv ** 2))}


run(train, warmup, reps)
