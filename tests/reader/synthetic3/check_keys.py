#!/usr/bin/env python3
"""Check that every labelled fragment is a verbatim, unique substring of the article body, 5-15 words."""
import json, pathlib, sys
A = pathlib.Path(__file__).resolve().parent
KINDS = ['achievements', 'difficulties', 'requests', 'directives']
problems = 0
for key in sorted(A.glob('*.key.json')):
    txt = key.with_name(key.name.replace('.key.json', '.txt'))
    if not txt.exists():
        print(f'{key.name}: missing {txt.name}'); problems += 1; continue
    raw = txt.read_text(encoding='utf-8')
    head, body = raw.split('\n\n', 1)
    header = dict(l.split(': ', 1) for l in head.split('\n'))
    if not {'url', 'date', 'note'} <= header.keys():
        print(f'{txt.name}: bad header'); problems += 1
    d = json.loads(key.read_text(encoding='utf-8'))
    seen = {}
    for k in KINDS:
        for f in d.get(k, []):
            n = body.count(f)
            wc = len(f.split())
            if n != 1:
                print(f'{key.name} [{k}] occurs {n}x: {f!r}'); problems += 1
            if not 5 <= wc <= 15:
                print(f'{key.name} [{k}] {wc} words: {f!r}'); problems += 1
            if f in seen:
                print(f'{key.name} [{k}] also labelled {seen[f]}: {f!r}'); problems += 1
            seen[f] = k
    for a in d.get('ambiguous', []):
        if a['fragment'] not in body:
            print(f'{key.name} [ambiguous] not in body: {a["fragment"]!r}'); problems += 1
print(f'{problems} problems')
sys.exit(1 if problems else 0)
