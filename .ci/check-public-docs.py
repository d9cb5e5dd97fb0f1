#!/usr/bin/env python3
# Lists public declarations of the library modules that have no `///` summary. A public
# declaration is what a pack author or a front end outside this package uses; everything the
# package's own modules share is `package` (docs/architecture.md). Exit status 1 when any is bare.
import os, re, sys

modules = ["Sources/KaoheCore", "Sources/KaoheLedger", "Sources/KaoheCLI", "Sources/KaoheTestSupport",
           "Sources/Packs", "Sources/KaoheFuzzTargets"]
decl = re.compile(r'^\s*(?:@[\w()]+\s+)*public\s+(?:static\s+|final\s+|indirect\s+|mutating\s+|nonisolated\s+)*'
                  r'(struct|enum|class|protocol|func|var|let|init|case|typealias|subscript|extension)\b')
bare = []
for module in modules:
    for folder, _, files in os.walk(module):
        for name in sorted(files):
            if not name.endswith(".swift"):
                continue
            path = os.path.join(folder, name)
            lines = open(path, encoding="utf-8").read().split("\n")
            for i, line in enumerate(lines):
                m = decl.match(line)
                if not m or m.group(1) == "extension":
                    continue
                # Stored properties and enum cases are named for what they hold and described by
                # their type's summary; every type, function, initialiser and computed or static
                # member says what it is or does.
                # Operators and protocol witnesses (description, literals, argument parsing) are
                # documented by their protocol.
                if re.search(r'func (?:[-+*/<>=!]+=?|[<>=]=?) ?\(|var description: String|init\((?:integerLiteral|argument)|init\?\(argument', line):
                    continue
                if m.group(1) == "case" or (m.group(1) in ("var", "let") and " static " not in f" {line.strip()} "
                                            and not line.rstrip().endswith("{")):
                    continue
                j = i - 1
                while j >= 0 and lines[j].strip().startswith("@"):
                    j -= 1
                previous = lines[j].strip() if j >= 0 else ""
                # A member whose doc is the line's own trailing comment, or a group under a
                # `// MARK:`-style heading, does not count: every public declaration gets its own.
                if not previous.startswith("///") and not previous.endswith("*/"):
                    bare.append(f"{path}:{i + 1}: {line.strip()}")
for b in bare:
    print(b)
print(f"{len(bare)} public declarations without a /// summary", file=sys.stderr)
sys.exit(1 if bare else 0)
