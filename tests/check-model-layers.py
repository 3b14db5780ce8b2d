#!/usr/bin/env python3
# Fails when the model's topics include each other in a cycle (notes ->
# entities -> notes, say). A topic is a file name without its extension
# and without -private / -internal: baton-store.c, baton-store.h and
# baton-store-internal.h are one topic; baton-store-tasks.c is another.
# On success, prints the layers, lowest first: a topic includes only
# topics of lower layers.
import os
import re
import sys

src = sys.argv[1]
files = sorted(f for f in os.listdir(src) if f.endswith(('.c', '.h')))
known = set(files)


def topic(name):
    return re.sub(r'-(private|internal)$', '', name.rsplit('.', 1)[0])


edges = {}
for name in files:
    deps = edges.setdefault(topic(name), set())
    with open(os.path.join(src, name), encoding='utf-8') as f:
        for line in f:
            m = re.match(r'\s*#\s*include\s+"([^"]+)"', line)
            if m and m.group(1) in known and topic(m.group(1)) != topic(name):
                deps.add(topic(m.group(1)))

# Layers by repeatedly taking the topics whose includes are all placed.
layers, placed, left = [], set(), set(edges)
while left:
    layer = sorted(t for t in left if edges[t] <= placed)
    if not layer:
        break
    layers.append(layer)
    placed.update(layer)
    left.difference_update(layer)

if left:
    print('src/model: a cycle of includes among these topics (or below them):', file=sys.stderr)
    for t in sorted(left):
        print('  %s includes %s' % (t, ', '.join(sorted(edges[t] & left))), file=sys.stderr)
    sys.exit(1)

for i, layer in enumerate(layers):
    print('%d: %s' % (i, ' '.join(t.replace('baton-', '') for t in layer)))
