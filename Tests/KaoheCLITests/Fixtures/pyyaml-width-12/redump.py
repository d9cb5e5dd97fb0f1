# Re-emits every rules file with PyYAML at width 12 (the fidelity issue's "written by another tool").
import sys, pathlib, yaml
src, dst = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
for path in sorted(src.rglob("*.yaml")):
    docs = list(yaml.safe_load_all(path.read_text(encoding="utf-8")))
    out = dst / path.relative_to(src)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(yaml.safe_dump_all(docs, width=12, allow_unicode=True, sort_keys=False), encoding="utf-8")
