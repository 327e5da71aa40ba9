#!/usr/bin/env python3
"""The Ornstein-Uhlenbeck transfer operator's singular values estimated with the *exact* eigenfunctions on the
lagged pairs of one trajectory file (what a perfectly trained network could at best report from these data).

The trajectory comes from `opsvd simulate --energy "x^2/2"` (overdamped Langevin, U = x^2/2, beta = 1,
Euler-Maruyama with step h): the chain x' = (1 - h) x + sqrt(2h) xi is Gaussian AR(1) with stationary variance
s^2 = 1/(1 - h/2), its eigenfunctions are f_k(x) = He_k(x/s)/sqrt(k!) (probabilists' Hermite polynomials,
unit norm under N(0, s^2)) with eigenvalues (1 - h)^(k tau/h) at lag tau, and the diffusion's are e^(-k tau).

Two estimates per k on the pairs (x_t, x_{t+tau}) of the file:
  raw   mean f_k(x_t) f_k(x_{t+tau})                    (the functions' exact norm 1)
  ritz  the Ritz singular values of span{f_1..f_K} on the left and on the right, centred, with the sample Grams
        of each side: what `opsvd svd` reports as ritz_singular_values if its K learned functions spanned
        exactly the polynomials of degree 1..K (the constant mode is fixed there too)
with standard errors from B contiguous blocks of pairs (raw: std of the block means / sqrt(B); ritz: delete-one-
block jackknife).

Usage: ou_exact_functions.py FILE.npy --dt FRAME_INTERVAL --lag TAU --h EM_STEP [--K 4] [--blocks 50]
       [--stride S] (use every S-th frame, frame interval S*dt)
       [--grid-values F.npy G.npy --grid LO HI [--L L]] (a run's learned f and g on a uniform grid over [LO, HI],
       from SvdFunctionsOnGrid.java: interpolated linearly to every pair, their Ritz singular values and
       ||f|| ||g|| on all pairs of the file, jackknifed the same way)
Only numpy is needed. The file may be [n, 1] or [M, n, 1] (M trajectories, each cut into B/M blocks).
"""
import argparse
import math
import sys

import numpy as np


def hermite_functions(u, K):
    """[len(u), K] with columns He_k(u)/sqrt(k!), k = 1..K."""
    out = np.empty((u.size, K))
    prev, cur = np.ones_like(u), u.copy()
    for k in range(1, K + 1):
        out[:, k - 1] = cur / math.sqrt(math.factorial(k))
        prev, cur = cur, u * cur - k * prev
    return out


def block_sums(F, G):
    """Sufficient statistics of one block: n, sums of F and G, F'F, G'G, F'G, and the raw diagonal sum."""
    return dict(n=F.shape[0], sf=F.sum(0), sg=G.sum(0), ff=F.T @ F, gg=G.T @ G, fg=F.T @ G,
                raw=np.einsum('ij,ij->j', F, G))


def add(a, b):
    return {k: a[k] + b[k] for k in a}


def sub(a, b):
    return {k: a[k] - b[k] for k in a}


def ritz(s):
    """Singular values of Cf^{-1/2} Cfg Cg^{-1/2} with centred covariances (descending)."""
    n = s['n']
    mf, mg = s['sf'] / n, s['sg'] / n
    cf = s['ff'] / n - np.outer(mf, mf)
    cg = s['gg'] / n - np.outer(mg, mg)
    cfg = s['fg'] / n - np.outer(mf, mg)

    def inv_sqrt(c):
        w, v = np.linalg.eigh(c)
        return (v / np.sqrt(w)) @ v.T

    return np.linalg.svd(inv_sqrt(cf) @ cfg @ inv_sqrt(cg), compute_uv=False)


def pair_blocks(frames, lag, nblocks):
    """Index ranges [start, stop) of frames t whose pair (t, t + lag) lies in the trajectory, cut into blocks."""
    n = frames.shape[0] - lag
    edges = np.linspace(0, n, nblocks + 1).astype(np.int64)
    return [(edges[i], edges[i + 1]) for i in range(nblocks)]


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('file')
    p.add_argument('--dt', type=float, required=True, help='time between frames in the file')
    p.add_argument('--lag', type=float, required=True)
    p.add_argument('--h', type=float, required=True, help='Euler-Maruyama step of the simulation')
    p.add_argument('--K', type=int, default=4)
    p.add_argument('--blocks', type=int, default=50)
    p.add_argument('--stride', type=int, default=1)
    p.add_argument('--grid-values', nargs=2, metavar=('F', 'G'))
    p.add_argument('--grid', nargs=2, type=float, metavar=('LO', 'HI'))
    p.add_argument('--L', type=int, help='reported outputs of the run (default: all columns)')
    p.add_argument('--chunk', type=int, default=2_000_000)
    a = p.parse_args()

    data = np.load(a.file, mmap_mode='r')
    trajectories = [data] if data.ndim == 2 else [data[m] for m in range(data.shape[0])]
    dt = a.dt * a.stride
    lag = int(round(a.lag / dt))
    if lag < 1 or abs(lag * dt - a.lag) > 1e-9 * a.lag:
        sys.exit(f'--lag {a.lag} is not a multiple of the frame interval {dt}')
    s = 1.0 / math.sqrt(1.0 - a.h / 2.0)
    K = a.K
    per = max(1, a.blocks // len(trajectories))
    learned = None
    if a.grid_values:
        learned = [np.load(v) for v in a.grid_values]
        if a.L:
            learned = [v[:, :a.L] for v in learned]
        grid = np.linspace(a.grid[0], a.grid[1], learned[0].shape[0])

        def on_grid(values, pts):
            if pts.min() < grid[0] or pts.max() > grid[-1]:
                sys.exit(f'a frame lies outside the grid [{grid[0]}, {grid[-1]}]')
            return np.stack([np.interp(pts, grid, values[:, j]) for j in range(values.shape[1])], axis=1)
    blocks, exact_learned = [], []
    offset = 0
    for traj in trajectories:
        x = np.asarray(traj[::a.stride, 0]) if a.stride > 1 else traj[:, 0]
        for lo, hi in pair_blocks(x, lag, per):
            tot, totl = None, None
            for c in range(lo, hi, a.chunk):
                e = min(hi, c + a.chunk)
                xs = np.asarray(x[c:e], dtype=np.float64)
                ys = np.asarray(x[c + lag:e + lag], dtype=np.float64)
                b = block_sums(hermite_functions(xs / s, K), hermite_functions(ys / s, K))
                tot = b if tot is None else add(tot, b)
                if learned is not None:
                    bl = block_sums(on_grid(learned[0], xs), on_grid(learned[1], ys))
                    totl = bl if totl is None else add(totl, bl)
            blocks.append(tot)
            exact_learned.append(totl)
        offset += x.shape[0] - lag
    nb = len(blocks)
    total = blocks[0]
    for b in blocks[1:]:
        total = add(total, b)
    raw_blocks = np.array([b['raw'] / b['n'] for b in blocks])
    raw = total['raw'] / total['n']
    raw_se = raw_blocks.std(axis=0, ddof=1) / math.sqrt(nb)

    def jackknife(tot, parts):
        est = ritz(tot)
        loo = np.array([ritz(sub(tot, b)) for b in parts])
        se = np.sqrt((nb - 1) / nb * ((loo - loo.mean(0)) ** 2).sum(0))
        return est, se

    rz, rz_se = jackknife(total, blocks)
    k = np.arange(1, K + 1)
    exact = np.exp(-k * a.lag)
    chain = (1.0 - a.h) ** (k * a.lag / a.h)
    print(f'# {a.file}: {total["n"]} pairs, lag {lag} frames of {dt:g} (tau = {a.lag}), {len(trajectories)} '
          f'trajectory(ies), {nb} blocks, EM h = {a.h}, stationary variance s^2 = {s * s:.6f}')
    print('k  exp(-k tau)  chain(1-h)^(k tau/h)  chain-exact  raw-exact  +-se  ritz-exact  +-se')
    for i in range(K):
        print(f'{k[i]}  {exact[i]:.6f}  {chain[i]:.6f}  {chain[i] - exact[i]:+.1e}  '
              f'{raw[i] - exact[i]:+.2e}  {raw_se[i]:.1e}  {rz[i] - exact[i]:+.2e}  {rz_se[i]:.1e}')
    if learned is not None:
        tl = exact_learned[0]
        for b in exact_learned[1:]:
            tl = add(tl, b)
        lz, lz_se = jackknife(tl, exact_learned)

        def norms(s):  # uncentred, as SvdSolver.evaluate's singular_values
            return np.sqrt(np.diag(s['ff']) * np.diag(s['gg'])) / s['n']

        m = min(K, lz.size)  # learned minus exact functions' Ritz values, jackknifed together (the same pairs)
        dloo = np.array([ritz(sub(tl, bl))[:m] - ritz(sub(total, be))[:m] for bl, be in zip(exact_learned, blocks)])
        d_se = np.sqrt((nb - 1) / nb * ((dloo - dloo.mean(0)) ** 2).sum(0))
        nz = norms(tl)
        loo = np.array([norms(sub(tl, b)) for b in exact_learned])
        nz_se = np.sqrt((nb - 1) / nb * ((loo - loo.mean(0)) ** 2).sum(0))
        L = lz.size
        ex = np.exp(-np.arange(1, L + 1) * a.lag)
        print(f'learned functions on all {tl["n"]} pairs: k  ritz  ritz-exact  +-se  ritz-(exact functions)  +-se  '
              f'|f||g|  |f||g|-exact  +-se')
        for i in range(L):
            d = f'{lz[i] - rz[i]:+.2e}  {d_se[i]:.1e}' if i < m else '-  -'
            print(f'{i + 1}  {lz[i]:.6f}  {lz[i] - ex[i]:+.2e}  {lz_se[i]:.1e}  {d}  {nz[i]:.6f}  '
                  f'{nz[i] - ex[i]:+.2e}  {nz_se[i]:.1e}')


if __name__ == '__main__':
    main()
