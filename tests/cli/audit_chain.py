#!/usr/bin/env python3
"""Writes a copy of a workspace with an audit log chained by SHA-256, computed here with
Python's hashlib and json modules, apart from Baton's own code, so that `baton audit
verify` is checked against a second implementation of the hash rule.

Usage: audit_chain.py WORKSPACE OUT [tamper|drop|rehash]
  tamper  changes one character of the second entry's detail
  drop    removes the second entry
  rehash  changes the second entry and recomputes its hash (the third entry's prev breaks)
Prints the last entry's hash.
"""
import hashlib
import json
import sys


def canonical(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def entry_hash(previous, entry):
    body = {k: v for k, v in entry.items() if k != "hash"}
    return hashlib.sha256((previous + canonical(body)).encode("utf-8")).hexdigest()


def main():
    workspace_path, out_path = sys.argv[1], sys.argv[2]
    mode = sys.argv[3] if len(sys.argv) > 3 else ""
    with open(workspace_path, encoding="utf-8") as f:
        workspace = json.load(f)
    events = [
        ("import", {"source": "workspace", "clients": 3}),
        ("status", {"employee": "E3", "from": "active", "to": "departed", "note": "离职"}),
        ("run", {"method": "fair", "seed": 7, "placed": 3}),
    ]
    previous = "0" * 64
    audit = []
    for seq, (kind, detail) in enumerate(events, start=1):
        entry = {"seq": seq, "time": "2026-12-01T09:0%d:00Z" % seq, "kind": kind,
                 "detail": detail, "prev": previous}
        entry["hash"] = entry_hash(previous, entry)
        previous = entry["hash"]
        audit.append(entry)
    if mode == "tamper":
        audit[1]["detail"]["to"] = "departeD"
    elif mode == "drop":
        del audit[1]
    elif mode == "rehash":
        audit[1]["detail"]["to"] = "leaving"
        audit[1]["hash"] = entry_hash(audit[0]["hash"], audit[1])
    workspace["audit"] = audit
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(workspace, f, ensure_ascii=False, indent=2)
    print(audit[-1]["hash"])


if __name__ == "__main__":
    main()
