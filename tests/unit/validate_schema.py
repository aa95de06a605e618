#!/usr/bin/python3
"""Validate JSON documents against a draft-07 JSON Schema.

Usage: validate_schema.py SCHEMA FILE...
Prints one line per file and exits 0 only when every file is valid, 1 when any is invalid,
2 on a usage or schema error. Needs Debian's python3-jsonschema (installed by scripts/setup).
"""
import json
import sys

import jsonschema


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as handle:
        schema = json.load(handle)
    try:
        jsonschema.Draft7Validator.check_schema(schema)
    except jsonschema.SchemaError as error:
        print(f"schema error: {error.message}", file=sys.stderr)
        return 2
    validator = jsonschema.Draft7Validator(schema)
    invalid = 0
    for path in argv[2:]:
        with open(path, "rb") as handle:
            document = json.loads(handle.read().decode("utf-8"))
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
        if errors:
            invalid += 1
            print(f"{path}: INVALID: {errors[0].message}")
        else:
            print(f"{path}: ok")
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
