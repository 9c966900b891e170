#!/usr/bin/env python3
"""Validates YAML files against a JSON Schema with the `jsonschema` package (draft 2020-12).

Usage: jsonschema-check.py SCHEMA.json FILE.yaml...
Prints "ok FILE" or "fail FILE: reason" per file; exit 0 when every file passes.
YAML is read with PyYAML's BaseLoader, so every scalar stays text, as stukken reads it.
"""
import json
import sys

import jsonschema
import yaml

schema = json.load(open(sys.argv[1], encoding="utf-8"))
validator = jsonschema.Draft202012Validator(schema)
failed = 0
for path in sys.argv[2:]:
    with open(path, encoding="utf-8") as f:
        document = yaml.load(f, Loader=yaml.BaseLoader)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    if errors:
        failed += 1
        print(f"fail {path}: {errors[0].message} at {'/'.join(map(str, errors[0].path))}")
    else:
        print(f"ok {path}")
sys.exit(1 if failed else 0)
