#!/usr/bin/env python3
# embed-sql.py — writes an SQL file as a C string constant
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: embed-sql.py NAME INPUT.sql OUTPUT.h
import sys

name, source, output = sys.argv[1:4]
with open(source, encoding='utf-8') as f:
    text = f.read()

lines = []
for line in text.splitlines(keepends=True):
    escaped = line.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n')
    lines.append('  "' + escaped + '"')

with open(output, 'w', encoding='utf-8') as f:
    f.write('/* Generated from ' + source.split('/')[-1] + ' by embed-sql.py: do not edit. */\n')
    f.write('#pragma once\n\n')
    f.write('static const char ' + name + '[] =\n' + '\n'.join(lines) + ';\n')
