#!/usr/bin/env python3
"""Compares the fair method's placed clients with the baselines' where limits bind.

Usage: python3 tests/bench/limits_sweep.py BATON [SEEDS] [FOLDER]

For each seed it generates a small workspace with `BATON generate` and edits its policy:
random max_workload, max_value_share, max_clients, team boundary, scope, fit weights all 0,
pins, forbids, key accounts and conflicts. It then runs `BATON allocate` and `BATON verify`
on the fair result. It counts the workspaces where a baseline places more clients, where the price of fairness
is negative and where verify reports a breach, and exits 1 when any count is not zero.
"""
import json
import os
import random
import subprocess
import sys
import tempfile

FAMILIES = ['mixed', 'clustered', 'heavy_tailed', 'tight', 'sparse_eligibility', 'skewed']


def run(baton, *args):
    return subprocess.run([baton, *args], capture_output=True, text=True)


def edit_policy(ws, rng):
    policy = ws.setdefault('policy', {})
    limits = policy.setdefault('constraints', {})
    if rng.random() < 0.3:
        limits['team_boundary'] = True
    if rng.random() < 0.3:
        limits['max_value_share'] = rng.choice([0.2, 0.35, 0.5])
    if rng.random() < 0.3:
        limits['default_max_workload'] = rng.choice([5, 15, 40])
    if rng.random() < 0.3:
        limits['default_max_clients'] = rng.choice([2, 5, 12])
    if rng.random() < 0.25:
        policy['scope'] = 'all'
    if rng.random() < 0.2:
        terms = ['prefers', 'industry', 'region', 'language', 'continuity']
        policy.setdefault('fit', {})['weights'] = {term: 0 for term in terms}
    employees = [e['id'] for e in ws['employees']]
    clients = [c['id'] for c in ws['clients']]
    for key, most in (('pins', 4), ('forbids', 6)):
        if rng.random() < 0.5:
            policy[key] = [{'client': rng.choice(clients), 'employee': rng.choice(employees),
                            'reason': 'sweep'} for _ in range(rng.randint(1, most))]
    for client in ws['clients']:
        if rng.random() < 0.05:
            client['key_account'] = True
    if rng.random() < 0.3:
        relationships = ws.setdefault('relationships', [])
        for _ in range(5):
            relationships.append({'employee': rng.choice(employees), 'client': rng.choice(clients),
                                  'kind': rng.choice(['conflict', 'personal'])})


def main():
    baton = sys.argv[1]
    seeds = int(sys.argv[2]) if len(sys.argv) > 2 else 250
    folder = sys.argv[3] if len(sys.argv) > 3 else tempfile.mkdtemp(prefix='baton-sweep-')
    os.makedirs(folder, exist_ok=True)
    fewer = negative = breaches = 0
    for seed in range(1, seeds + 1):
        path = os.path.join(folder, f'g{seed}.json')
        result = os.path.join(folder, f'g{seed}.result.json')
        run(baton, 'generate', '--seed', str(seed), '--employees', str(4 + seed % 9),
            '--clients', str(20 + (seed * 7) % 60), '--leavers', str(1 + seed % 2),
            '--family', FAMILIES[seed % len(FAMILIES)], '--out', path)
        with open(path) as f:
            ws = json.load(f)
        edit_policy(ws, random.Random(seed))
        with open(path, 'w') as f:
            json.dump(ws, f)
        allocated = run(baton, 'allocate', path, '--out', result)
        if allocated.returncode != 0:
            print(f'seed {seed}: allocate failed: {allocated.stderr.strip()[-300:]}')
            breaches += 1
            continue
        with open(result) as f:
            figures = json.load(f)
        unplaced = figures['figures']['unassigned']
        for name, baseline in figures['baselines'].items():
            if baseline['figures']['unassigned'] < unplaced:
                fewer += 1
                print(f'seed {seed}: {name} places more clients than the fair method')
                break
        if figures['figures']['price_of_fairness'] < 0:
            negative += 1
            print(f'seed {seed}: negative price of fairness')
        if run(baton, 'verify', path, result).returncode != 0:
            breaches += 1
            print(f'seed {seed}: verify reports a breach')
    print(f'{seeds} workspaces: fewer placed than a baseline {fewer}, negative price of '
          f'fairness {negative}, verify breaches {breaches}')
    return 1 if fewer or negative or breaches else 0


if __name__ == '__main__':
    sys.exit(main())
