#!/usr/bin/env python3
"""Counts how often the fair method passes WPROP1 where shares depend on limits and teams.

Usage: python3 tests/bench/shares_sweep.py BATON [SEEDS] [FOLDER]

For each seed it generates a small workspace with `BATON generate` and edits it: the team
boundary on in 70% of them, book top-up in 40%, a random entitlement mode, a binding
default_max_workload or max_value_share in some, and a max_clients of 0 to 30 for about one
employee in five (often below the book that employee keeps). It runs `BATON allocate` for the
fair method and the three baselines and `BATON verify` on each result. It prints how many fair
results pass WPROP1 on value and on difficulty, and exits 1 when verify rejects a result.
Run it with two builds to compare them on the same workspaces.
"""
import json
import os
import random
import subprocess
import sys
import tempfile

METHODS = ['fair', 'round_robin', 'greedy_fit', 'weighted_picking']


def edit(ws, rng):
    policy = ws['policy']
    policy['constraints']['team_boundary'] = rng.random() < 0.7
    policy['entitlement']['book_top_up'] = rng.random() < 0.4
    policy['entitlement']['mode'] = rng.choice(['equal', 'performance', 'blend'])
    if rng.random() < 0.3:
        policy['constraints']['default_max_workload'] = rng.choice([5, 20, 60])
    if rng.random() < 0.2:
        policy['constraints']['max_value_share'] = rng.choice([0.3, 0.5])
    for employee in ws['employees']:
        if rng.random() < 0.2:
            employee['capacity'] = {'max_clients': rng.randint(0, 30)}


def main():
    baton = sys.argv[1]
    seeds = int(sys.argv[2]) if len(sys.argv) > 2 else 60
    folder = sys.argv[3] if len(sys.argv) > 3 else tempfile.mkdtemp(prefix='baton-shares-')
    os.makedirs(folder, exist_ok=True)
    rejected = 0
    value_passes = 0
    difficulty_passes = 0
    for seed in range(1, seeds + 1):
        rng = random.Random(seed)
        path = os.path.join(folder, f'ws{seed}.json')
        subprocess.run([baton, 'generate', '--seed', str(seed), '--employees',
                        str(rng.randint(3, 25)), '--clients', str(rng.randint(20, 300)),
                        '--out', path], capture_output=True, check=True)
        with open(path) as f:
            ws = json.load(f)
        edit(ws, rng)
        with open(path, 'w') as f:
            json.dump(ws, f)
        for method in METHODS:
            result = os.path.join(folder, f'result{seed}_{method}.json')
            args = [baton, 'allocate', path, '--out', result]
            if method != 'fair':
                args += ['--baseline', method]
            subprocess.run(args, capture_output=True, check=True)
            check = subprocess.run([baton, 'verify', path, result], capture_output=True, text=True)
            if check.returncode != 0:
                rejected += 1
                print(f'seed {seed} {method}: verify rejects {result}')
                print((check.stdout + check.stderr)[:600])
            if method == 'fair':
                with open(result) as f:
                    certificates = json.load(f)['certificates']
                value_passes += certificates['wprop1_value']
                difficulty_passes += certificates['wprop1_difficulty']
    print(f'{seeds} workspaces: WPROP1 on value passes {value_passes}, on difficulty '
          f'{difficulty_passes}; verify rejects {rejected} of {seeds * len(METHODS)} results')
    return 1 if rejected else 0


if __name__ == '__main__':
    sys.exit(main())
