/** The sweep part of `simulate --help` (kept here so simulate.ts only appends it). */
export const SWEEP_HELP = `
Sweeps (the paper's claim: however small the contamination share, collapse comes):
  --sweep key=v1,v2,...  run the config at every value of a --set key; repeat for a grid, e.g.
                         --sweep contamination=1,0.5,0.2,0.1,0.05,0.02,0.01
                         --sweep paradigm=replace,accumulate-subsample
  --seeds LIST|N         seeds of every grid point: a list (1,2,3), or N for N seeds from
                         --seed on (1..N by default)
  --threshold NAME=X     when a run counts as collapsed (repeatable; both are always measured):
                         ratio=1.5   held-out perplexity at least 1.5x generation 0's (default)
                         nstar=0.05  within 5% of the untrained baseline, n* (default)
  --shard k/n            run part k of n of the (grid point, seed) runs; --out is a part file
  --merge FILES...       join the part files into the whole sweep: --merge part-*.json --out FILE
  --summary-csv FILE     one row per grid point: seeds' median, p10, p90 and the law's value
A sweep's --out holds the exact command, every grid point's config, every run's perplexity per
generation, and per grid point the generations until each threshold (median and 10th-90th
percentile over seeds; a run that never got there within --generations counts as later, not
as missing) with the law fitted across contamination beside it: under replace the human share
halves every ln2/lambda generations, so T = c/lambda (c fitted on log scale); under the other
paradigms the observed growth T = a*lambda^-b. --csv: one row per run (grid point x seed).

Spreading a sweep over processes: part k of n runs every n-th run from the k-th (each part gets
some of every grid point); --merge refuses parts of different sweeps, and names any part given
twice, missing, or stopped early.
  One machine, 4 processes (GNU parallel):
    parallel npm run simulate -- --set model=ngram --generations 400 --seeds 5 \\
      --sweep contamination=1,0.1,0.01 --quiet --shard {}/4 --out part-{}.json ::: 1 2 3 4
    npm run simulate -- --merge part-*.json --out sweep.json --csv runs.csv --summary-csv sweep.csv
  A Slurm job array (sbatch --array=1-16: ids from 1), with the same options in every task:
    npm run simulate -- ... --quiet --shard $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT \\
      --out part-$SLURM_ARRAY_TASK_ID.json
`;
