#!/usr/bin/env python3
"""SciPy baseline for the reference-solver benchmarks: the same finite-difference matrix as opsvd.

H = -1/2 Δ_h + 1/2 |x|^2 (+ C Σ_{a<b} x_a² x_b² with --coupling C) on N interior points per axis of [-L, L]^d, h = 2L/(N+1), Dirichlet walls,
2nd- or 4th-order stencil (4th: (-1, 16, -30, 16, -1)/(12 h^2), zero beyond the walls), assembled as a
Kronecker sum. Times scipy.sparse.linalg.eigsh in CPU seconds of this process (one BLAS thread), including
assembly, like the Java benchmark. Prints the eigenvalues so both sides can be checked to be the same matrix.

  OPENBLAS_NUM_THREADS=1 python3 eigsh_reference.py --dim 2 --grid 256 --order 4 --k 21 --mode sigma
  OPENBLAS_NUM_THREADS=1 python3 eigsh_reference.py --dim 3 --grid 60 --order 4 --k 20 --mode sa
"""
import argparse
import time

import numpy as np
import scipy.sparse as sp
from scipy.sparse.linalg import eigsh


def operator(d, n, half_width, order, coupling=0.0):
    h = 2 * half_width / (n + 1)
    x = -half_width + h * np.arange(1, n + 1)
    if order == 2:
        diags = {0: -2.0, 1: 1.0}
    else:
        diags = {0: -30 / 12, 1: 16 / 12, 2: -1 / 12}
    offsets, values = [], []
    for k, w in diags.items():
        for s in ({0} if k == 0 else {k, -k}):
            offsets.append(s)
            values.append(np.full(n - abs(s), w))
    lap1 = sp.diags(values, offsets, shape=(n, n), format="csr") / h ** 2
    one = sp.identity(n, format="csr")
    terms = []
    for axis in range(d):
        factors = [lap1 if a == axis else one for a in range(d)]
        m = factors[0]
        for f in factors[1:]:
            m = sp.kron(m, f, format="csr")
        terms.append(m)
    lap = sum(terms)
    grids = np.meshgrid(*([x] * d), indexing="ij")
    v = 0.5 * sum(g.ravel() ** 2 for g in grids)
    for a in range(d):
        for b in range(a + 1, d):
            v = v + coupling * grids[a].ravel() ** 2 * grids[b].ravel() ** 2
    return (-0.5 * lap + sp.diags(v)).tocsc()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--dim", type=int, default=2)
    p.add_argument("--grid", type=int, default=256)
    p.add_argument("--box", type=float, default=None, help="half-width L (default 7 in 2D, 6 in 3D)")
    p.add_argument("--order", type=int, default=4, choices=(2, 4))
    p.add_argument("--k", type=int, default=21)
    p.add_argument("--mode", choices=("sigma", "sa"), default="sigma",
                   help="sigma: shift-invert eigsh(sigma=0); sa: eigsh(which='SA')")
    p.add_argument("--repeat", type=int, default=1)
    p.add_argument("--coupling", type=float, default=0.0,
                   help="C in V = 1/2 |x|^2 + C * sum_{a<b} x_a^2 x_b^2 (non-separable; default 0)")
    a = p.parse_args()
    box = a.box if a.box is not None else (7.0 if a.dim <= 2 else 6.0)
    times, walls = [], []
    for _ in range(a.repeat):
        t0 = time.process_time()
        w0 = time.perf_counter()
        hm = operator(a.dim, a.grid, box, a.order, a.coupling)
        if a.mode == "sigma":
            vals = eigsh(hm, k=a.k, sigma=0.0, which="LM", tol=1e-10, return_eigenvectors=True)[0]
        else:
            vals = eigsh(hm, k=a.k, which="SA", tol=1e-10, return_eigenvectors=True)[0]
        times.append(time.process_time() - t0)
        walls.append(time.perf_counter() - w0)
    vals = np.sort(vals)
    print(f"scipy eigsh mode={a.mode} d={a.dim} N={a.grid} order={a.order} k={a.k}: "
          f"cpu seconds {' '.join(f'{t:.3f}' for t in times)} (min {min(times):.3f})")
    print(f"wall seconds {' '.join(f'{t:.3f}' for t in walls)} (min {min(walls):.3f})")
    print("eigenvalues", " ".join(f"{v:.12f}" for v in vals))


if __name__ == "__main__":
    main()
