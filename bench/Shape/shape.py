#!/usr/bin/env python3
"""Prints how the code is entered: write entry points per feature, what adapters do themselves, lines in
adapters, command result types and source file sizes. Run from the repository root: python3 bench/Shape/shape.py"""
import os
import re
import statistics
import sys

ROOT = sys.argv[1] if len(sys.argv) > 1 else "."
WEB = os.path.join(ROOT, "src/PublicitySite.Web")
CORE = os.path.join(ROOT, "src/PublicitySite.Core")

FEATURES = [
    ("proposals", r"proposal"), ("members", r"member|opinion"), ("literature", r"literature|collection"),
    ("media", r"media"), ("search", r"search|synonym|reindex"), ("webhooks", r"webhook"),
    ("users/tokens", r"user|token|login|logout"), ("settings", r"setting|words|recipe"),
    ("backup", r"backup"), ("content/workflow", r"."),
]
FEATURES = [(n, p) for n, p in FEATURES if n != "content/workflow"] + [("content/workflow", r".")]


def sources(top, ext=(".cs",)):
    for base, dirs, files in os.walk(top):
        dirs[:] = [d for d in dirs if d not in ("bin", "obj", "Migrations", "CompiledModels")]
        for f in files:
            if f.endswith(ext):
                yield os.path.join(base, f)


def text(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def feature_of(path, line=""):
    rel = os.path.relpath(path, WEB)
    # A verb is the feature it names; any other entry point belongs to the feature its file is about.
    verb = re.search(r'new Command\("([\w-]+)"', line)
    key = (rel + " " + verb.group(1) if verb and rel.startswith("Cli/") else rel).lower()
    for name, pattern in FEATURES:
        if re.search(pattern, key):
            return name
    return "content/workflow"


def is_adapter(path):
    rel = os.path.relpath(path, WEB)
    return (rel.endswith(".cshtml.cs") or re.search(r"(Endpoints|Api|Commands|Graph\w*|Page|Pages)\.cs$", rel) is not None
            or rel.startswith("Cli/") or rel.startswith("GraphQL/"))


entry = {}
own = {"audit writes": [], "role-name checks": [], "hand-written access checks": [], "hand-written result-to-HTTP mappings": [],
       "calls to the one result mapper": []}
adapter_lines = 0
adapter_files = 0
for path in sources(WEB):
    src = text(path)
    rel = os.path.relpath(path, WEB)
    if is_adapter(path):
        adapter_files += 1
        adapter_lines += src.count("\n")
    for line in src.splitlines():
        kind = None
        if re.search(r"\.Map(Post|Put|Delete|Patch)\(", line):
            kind = "api"
        elif re.search(r"public\s+(async\s+)?[\w<>]+\s+OnPost\w*\(", line):
            kind = "admin"
        elif re.search(r'new Command\("', line) and not re.search(r'new Command\("(user|token|recipe|webhook)",', line):
            kind = "cli"
        elif re.search(r"Field<.*>\(\"\w+\"\).*Resolve.*(Create|Save|Delete|Update)", line):
            kind = "graphql"
        if kind:
            feature = feature_of(path, line)
            entry.setdefault(feature, {}).setdefault(kind, 0)
            entry[feature][kind] += 1
    for m in re.finditer(r"\baudit\.(WriteAsync|Stage)\(", src):
        own["audit writes"].append(rel)
    for m in re.finditer(r"RequireRole\(|IsInRole\(|\"(Administrator|ProposalClerk|Publisher|Reviewer|Editor)\"", src):
        own["role-name checks"].append(rel)
    for m in re.finditer(r"StaffAccess\.CheckAsync|OfficeAccess\.\w+\(|Can\(Permissions\.|Policy\.Has\(", src):
        own["hand-written access checks"].append(rel)
    for m in re.finditer(r"(Outcome|Kind)\s+switch|\.Problem!|StatusCode = \w+\.(Outcome|Kind)", src):
        own["hand-written result-to-HTTP mappings"].append(rel)
    for m in re.finditer(r"ResultProblems\.(Map|Problem)\(|Refused\(\w*\.?Failure|Refused\(failure|Refused\(saved", src):
        own["calls to the one result mapper"].append(rel)

print("Write entry points per feature (api = POST/PUT/DELETE routes, admin = page POST handlers, cli = verbs)")
for feature in sorted(entry):
    kinds = entry[feature]
    print(f"  {feature:18} {sum(kinds.values()):3}  " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
print(f"  {'total':18} {sum(sum(k.values()) for k in entry.values()):3}")
print()
print("Done by adapters themselves (Web project), count and files:")
for name, hits in own.items():
    files = sorted(set(hits))
    print(f"  {name:28} {len(hits):3} in {len(files)} files" + (": " + ", ".join(files) if files else ""))
print()
print(f"Adapters: {adapter_files} files, {adapter_lines} lines (endpoints, admin page models, CLI verbs, GraphQL)")

result_types = set()
for path in sources(CORE):
    for m in re.finditer(r"(?:record|class|struct)\s+(\w*(?:Result|Outcome)\w*?)(?:<\w+>)?\s*[\(:{\n]", text(path)):
        name = m.group(1)
        if not re.search(r"Search|Import|Word|Check|Lookup|Page|Snippet|Query|Facet|Report", name):
            result_types.add(name)
print(f"Command result types in Core: {len(result_types)} ({', '.join(sorted(result_types))})")

sizes = sorted((text(p).count("\n"), os.path.relpath(p, ROOT)) for p in list(sources(os.path.join(ROOT, "src"))))
lines = [s for s, _ in sizes]
print(f"C# files under src (migrations and compiled models excluded): {len(lines)}, median {statistics.median(lines):.0f} lines, "
      f"largest {sizes[-1][0]} ({sizes[-1][1]}), over 300: {sum(1 for s in lines if s > 300)}")
