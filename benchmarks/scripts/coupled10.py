# The 10-D coupled quadratic potential V = ½xᵀKx of benchmarks/RESULTS.md (issue 14): K = I + (A + Aᵀ)/2 with
# A ~ 0.12·N(0, 1) (numpy seed 7); writes the --potential expression and the exact levels Σ √k_i (n_i + ½) (c = ½)
# to coupled10.json. Run: python3 benchmarks/scripts/coupled10.py; then
# ./opsvd solve --potential "$(python3 -c "import json; print(json.load(open('coupled10.json'))['expr'])")" --dim 10 --L 11 --reference none
import numpy as np, itertools, json
rng = np.random.default_rng(7)
d = 10
A = rng.normal(size=(d, d)) * 0.12
K = np.eye(d) + (A + A.T) / 2
w = np.linalg.eigvalsh(K)
assert w.min() > 0.2, w
omega = np.sqrt(w)  # c = 1/2: E = sum omega_i (n_i + 1/2)
terms = []
for i in range(d):
    terms.append(f"{0.5*K[i,i]:.12g}*x{i+1}^2")
    for j in range(i+1, d):
        terms.append(f"{K[i,j]:.12g}*x{i+1}*x{j+1}")
expr = "+".join(terms).replace("+-", "-")
levels = []
for n in itertools.product(range(3), repeat=d):
    if sum(n) <= 2:
        levels.append(float(np.dot(omega, np.array(n) + 0.5)))
levels.sort()
json.dump({"expr": expr, "omega": omega.tolist(), "levels": levels[:15]}, open("coupled10.json", "w"))
print(len(expr), omega.min(), omega.max(), levels[:12])
