# Mean ± std table of `opsvd reproduce` run directories (RUN_DIR/*-seedK/summary.json), as in benchmarks/RESULTS.md
# ("The hydrogen table at 20 000 steps"): python3 benchmarks/scripts/omm_table.py OUT_DIR [OUT_DIR ...]
import json, glob, os, statistics as st, sys
order=['neuralsvd-seq','neuralsvd-joint','neuralef','neuralef-unbiased','spin','omm','sanger-omm']
rows={}
for base in sys.argv[1:]:
    for d in sorted(glob.glob(base+'/*-seed*')):
        if not os.path.exists(d+'/summary.json'): continue
        s=json.load(open(d+'/summary.json'))
        if s.get('steps') is None: continue
        c=s['config']; m=s['metrics']
        key=(c['method'] if 'method' in c else os.path.basename(d).rsplit('-seed',1)[0], s['steps'], c.get('spinDecay', None))
        rows.setdefault(key,[]).append((int(d.rsplit('seed',1)[1]), m, s['seconds']))
def f(v):
    m=st.mean(v); sd=st.stdev(v) if len(v)>1 else 0
    return f"{m:.2e} ± {sd:.1e}"
print("| method | steps | seeds | rel. eigenvalue error | angle distance | subspace dist. (avg) | subspace dist. (all) | orthogonality ‖Ĉ − I‖_F | ‖Ĉ − I‖_F²/L² | training s per run |")
print("|---|---|---|---|---|---|---|---|---|---|")
for k in sorted(rows, key=lambda k:(order.index(k[0]) if k[0] in order else 99, -k[1])):
    r=sorted(rows[k])
    col=lambda name:[x[1][name] for x in r]
    print(f"| {k[0]}{' (β = '+str(k[2])+')' if k[0]=='spin' else ''} | {k[1]} | {len(r)} | "+" | ".join(f(col(n)) for n in ['rel_eigval_error','angle_distance','subspace_dist_avg','subspace_dist_all','orthogonality','orthogonality_mean_square'])+f" | {st.mean([x[2] for x in r]):.0f} |")
print()
for k in sorted(rows, key=lambda k:(order.index(k[0]) if k[0] in order else 99, -k[1])):
    r=sorted(rows[k])
    print(k[0], k[1], 'seeds', [x[0] for x in r], 'eig', ', '.join(f"{x[1]['rel_eigval_error']:.3g}" for x in r), '| sub all', ', '.join(f"{x[1]['subspace_dist_all']:.3g}" for x in r), '| s', ', '.join(f"{x[2]:.0f}" for x in r))
