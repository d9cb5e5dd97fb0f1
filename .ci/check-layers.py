#!/usr/bin/env python3
# Checks that the folders of Sources/KaoheCore depend one way, in the order data flows
# (docs/architecture.md): a file may use the types of its own folder and of earlier ones, never
# of a later one. Run from the repository root; exit status 1 lists every reference against it.
import os,re,sys,collections
root='Sources/KaoheCore'
order=['Support','Diagnostics','Syntax','Expressions','Model','Packs','Rules','Plan','Inputs','Evaluation','Reports','Engine']
decl=re.compile(r'^(?:@\w+(?:\([^)]*\))?\s+)*(?:public |package |internal |fileprivate |private )?(?:final |indirect )?(?:struct|enum|class|protocol|actor|typealias)\s+(\w+)',re.M)
owner={}
files=collections.defaultdict(list)
for d in order:
    for f in sorted(os.listdir(os.path.join(root,d))):
        p=os.path.join(root,d,f); t=open(p).read(); files[d].append((p,t))
        for m in decl.finditer(t):
            # only top-level (no indentation)
            line=t[t.rfind('\n',0,m.start())+1:m.end()]
            if line.startswith((' ','\t')): continue
            owner.setdefault(m.group(1),d)
bad=[]
def strip(t):
    t=re.sub(r'//.*','',t)
    t=re.sub(r'"(?:\\.|[^"\\\n])*"','""',t)
    return t
for d in order:
    rank=order.index(d)
    for p,t in files[d]:
        body=strip(t)
        own=set(re.findall(r'(?:struct|enum|class|protocol|actor|typealias)\s+(\w+)',body))
        for name,od in owner.items():
            if name in own: continue
            if order.index(od)>rank and re.search(r'\b'+re.escape(name)+r'\b',body):
                bad.append(f"{p}: uses {name} from {od}/ (a later layer than {d}/)")
for b in bad: print(b)
print(f"{len(owner)} types in {len(order)} folders; {len(bad)} references against the data way", file=sys.stderr)
sys.exit(1 if bad else 0)
