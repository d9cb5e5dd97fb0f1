#!/usr/bin/env python3
"""Writes the Maonan competition demo: 59 units' self-assessments (each with a brand project),
on-site score sheets, day-to-day scores, and — given the finalists — seven judges' sheets.
Deterministic (seeded): run `python3 generate.py` for the first three, then
`python3 generate.py jury FINALIST_ID…` for the judges. The output is committed."""
import os, random, sys

UNITS = [
 ("qwb","区委办公室","party-government"),("qzfb","区政府办公室","party-government"),("jwjw","区纪委监委机关","law-enforcement"),
 ("zzb","区委组织部","party-government"),("xcb","区委宣传部","party-government"),("tzb","区委统战部","party-government"),
 ("zfw","区委政法委","law-enforcement"),("fgj","区发展和改革局","economic"),("jyj","区教育局","social-service"),
 ("kgsw","区科工商务局","economic"),("gaj","区公安分局","law-enforcement"),("mzj","区民政局","social-service"),
 ("sfj","区司法局","law-enforcement"),("czj","区财政局","economic"),("rsj","区人力资源和社会保障局","social-service"),
 ("zrzy","区自然资源分局","economic"),("sthj","区生态环境分局","law-enforcement"),("zjj","区住房和城乡建设局","economic"),
 ("jtj","区交通运输局","economic"),("swj","区水务局","economic"),("nyj","区农业农村局","economic"),
 ("wglt","区文化广电旅游体育局","social-service"),("wjj","区卫生健康局","social-service"),("tyjr","区退役军人事务局","social-service"),
 ("yjj","区应急管理局","law-enforcement"),("sjj","区审计局","law-enforcement"),("scjg","区市场监督管理局","law-enforcement"),
 ("tjj","区统计局","economic"),("ybj","区医疗保障局","social-service"),("cgj","区城市管理和综合执法局","law-enforcement"),
 ("xfj","区信访局","social-service"),("zwfw","区政务服务数据管理局","social-service"),("jgsw","区机关事务服务中心","party-government"),
 ("zgh","区总工会","party-government"),("tqw","共青团茂南区委","party-government"),("fl","区妇女联合会","party-government"),
 ("kx","区科学技术协会","party-government"),("gsl","区工商业联合会","economic"),("cl","区残疾人联合会","social-service"),
 ("hszh","区红十字会","social-service"),("dag","区档案馆","party-government"),("dx","区委党校","party-government"),
 ("rmt","区融媒体中心","party-government"),("gxs","区供销合作社","economic"),("swju","区税务局","law-enforcement"),
 ("tyj","区体育事业发展中心","social-service"),("lyj","区林业局","economic"),("qxj","区气象局","economic"),
 ("ylbz","区医疗保障事务中心","social-service"),("jyzx","区就业服务中心","social-service"),("ztb","区公共资源交易中心","economic"),
 ("sgs","区市场监管所联合党委","law-enforcement"),("bm","区编办","party-government"),("jgdw","区直机关工委","party-government"),
 ("xzbg","区行政服务中心","social-service"),("nj","区农技推广中心","economic"),("sh","区社会工作部","party-government"),
 ("lyzx","区旅游服务中心","social-service"),("cxgh","区城乡规划中心","economic"),
]
assert len(UNITS) == 59, len(UNITS)
THEMES = ["红心","先锋","暖心","连心","清风","阳光","初心","同心","筑梦","领航","铸魂","聚力","赋能","匠心","守望","惠民","为民","启航",
          "星火","磐石","扎根","攀登","薪火","映山","甘霖","木棉","荔乡","鉴江","燎原","雁阵","春风","明镜","砺剑","笃行","拓新",
          "致远","凝心","固本","强基","暖阳","润心","护航","清源","担当","奋进","共建","安澜","织网","耕耘","绿色","向阳","臻善",
          "亮剑","匠造","开来","厚德","沃土","擎旗","同行"]
ACTS = ["党员先锋岗挂牌","主题党日进社区","支部结对共建","政策宣讲进村居","志愿服务周","业务技能比武","党课开讲啦","群众座谈会",
        "项目一线攻坚","民情走访日","清廉机关宣传月","青年理论学习沙龙"]
CATS = ["livelihood","demonstration","development"]

METHODS = ["依托网格", "借助数字平台", "通过结对共建", "发挥党员先锋作用", "以项目化方式", "联合社会组织", "引入专家力量", "采用积分管理",
           "建立周例会制度", "开设夜间课堂", "组建青年突击队", "推行首问负责", "开展季度擂台赛", "设立流动服务车", "实行清单销号", "运用案例教学"]
ACTIONS = ["破解群众办事难题", "服务荔枝产业增收", "守护独居老人安全", "帮助返乡青年就业", "排查整治廉政风险", "优化企业开办流程",
           "推动矛盾就地化解", "提升窗口服务效能", "传承本地红色文化", "助力乡村人居环境", "保障防汛防台安全", "促进校园平安建设",
           "落实惠企政策直达", "畅通群众诉求渠道", "带动社区文明创建", "护航重点项目建设"]
RESULTS = ["群众满意度明显提升", "形成了一批可复制的经验", "获得市级表彰", "办结时限压缩过半", "受到主流媒体关注", "惠及上千户家庭",
           "带动二十余家企业参与", "实现问题动态清零"]

USED = []

def concept(rng, unit, theme, category, index):
    # Each project gets its own carriers: no two share more than two of their methods and actions.
    for _ in range(10000):
        m1, m2 = rng.sample(METHODS, 2)
        a1, a2 = rng.sample(ACTIONS, 2)
        parts = {m1, m2, a1, a2}
        if all(len(parts & used) <= 1 for used in USED) or _ > 5000 and all(len(parts & used) <= 2 for used in USED):
            USED.append(parts)
            break
    r = RESULTS[index % 8]
    templates = [
        f"“{theme}”立足{unit}职能，{m1}{a1}，{m2}{a2}。支部书记带头领题攻坚，党员分片包干、每月复盘，把组织优势转化为治理效能，{r}。",
        f"{unit}党支部以“{theme}”凝聚人心：一方面{m1}{a1}，一方面{m2}{a2}，做到问题在一线发现、在一线解决，{r}，群众看得见、摸得着。",
        f"我们把“{theme}”写进支部年度计划，{m1}{a1}；同时{m2}{a2}，建立台账、挂图作战、限时销号，以党建实绩检验初心使命，{r}。",
        f"围绕中心抓党建、抓好党建促发展，“{theme}”坚持{m1}{a1}，并{m2}{a2}。一年来党员带头、部门联动、群众参与，{r}，机关作风持续转变。",
    ]
    return templates[index % len(templates)]

def write_assessments(rng):
    os.makedirs("assessments", exist_ok=True); os.makedirs("scoresheets", exist_ok=True)
    daily = {}
    for index, (uid, name, category) in enumerate(UNITS):
        theme = THEMES[index]
        pname = f"{theme}{rng.choice(['工程','行动','驿站','先锋队','direct'][:4])}"
        pconcept = concept(rng, name, theme, category, index)
        acts = rng.sample(ACTS, rng.choice([3,3,4,4,5]))
        media, benefit = rng.choice([0,1,2,3,4]), rng.choice([60,120,300,800,1500])
        note = ""
        if index in (7, 19, 33):                 # weak projects: thin concept, one activity, no reach → 返工
            pconcept, acts, media, benefit = "服务群众，推动发展。", acts[:1], 0, 50
            note = "（项目单薄）"
        elif index in (12, 41):                  # one standard short → 修改完善
            acts = acts[:2]
            note = "（活动载体不足）"
        if index == 28:                          # a near-copy of 先锋 (unit 1) → 同质化，修改完善
            pname, note = "先锋工程·医保", "（与区政府办项目同质）"
        if index == 1:
            pname = "先锋工程"
        study = rng.choice([6,8,10,12,12,14,16])
        elected = f"20{rng.choice([23,24,24,25])}-{rng.randint(1,12):02d}-{rng.randint(1,28):02d}"
        theme_months = sorted(rng.sample(range(1,12), rng.choice([9,10,11,11,11])))
        meetings = [f"    - {{kind: 主题党日, date: 2026-{m:02d}-26}}" for m in theme_months]
        meetings += [f"    - {{kind: 支委会, date: 2026-{m:02d}-10}}" for m in sorted(rng.sample(range(1,13), rng.choice([10,11,12,12])))]
        meetings.sort(key=lambda l: l.split("date: ")[1])
        extra = {
            "party-government": f"  first_agenda_rate: {rng.choice(['0.8','0.9','1','1'])}",
            "law-enforcement": f"  risk_points_found: 20\n  risk_points_managed: {rng.choice([15,17,18,20,20])}",
            "economic": f"  enterprises_visited: {rng.choice([18,24,27,30])}\n  enterprises_assigned: 30",
            "social-service": f"  satisfaction: {rng.choice([85,88,91,93,96,97])}",
        }[category]
        activities = "\n".join(f"      - {{title: {a}, date: 2026-{rng.randint(2,11):02d}-{rng.randint(1,28):02d}}}" for a in acts)
        with open(f"assessments/{uid}.yaml", "w") as f:
            f.write(f"""# {name}{note}
kaohe: 1
kind: self-assessment
checklist: maonan.organs
unit: {{id: mn-{uid}, name: {name}机关党支部, category: {category}}}
as_of: 2026-11-30
facts:
  members: {rng.randint(8,60)}
  has_rules: {str(rng.random() > 0.1).lower()}
  study_sessions: {study}
  last_election: {elected}
  term_years: 3
  falsified_records: false
  late_feedbacks: {rng.choice([0,0,0,1,2])}
  serious_violation: false
  provincial_recognition: {str(rng.random() > 0.85).lower()}
  has_ledger: {str(rng.random() > 0.2).lower()}
{extra}
  meetings:
{chr(10).join(meetings)}
projects:
  - id: p1
    category: {rng.choice(CATS)}
    name: {pname}
    concept: {pconcept}
    activities:
{activities}
    media_reports: {media}
    beneficiaries: {benefit}
""")
        method = rng.choice(["现场查看","查阅资料","听取汇报","座谈交流"])
        points = rng.choice(["3","3.5","4","4","4.5","5"])
        with open(f"scoresheets/{uid}.yaml", "w") as f:
            f.write(f"""kaohe: 1
kind: scoresheet
assessor: 第{index % 4 + 1}考核组
unit: mn-{uid}
date: 2026-11-{10 + index % 15:02d}
scores:
  D1: {{points: {points}, method: {method}, note: 党建阵地{rng.choice(['规范整洁','功能齐全','有待完善','特色鲜明'])}}}
""")
        daily[f"mn-{uid}"] = rng.choice([82, 85, 86, 88, 90, 91, 92, 94, 95])
    with open("daily.yaml", "w") as f:
        f.write("kaohe: 1\nkind: daily\ntitle: 2026年日常掌握情况\nscores:\n")
        for uid in sorted(daily):
            f.write(f"  {uid}: {daily[uid]}\n")

JUDGES = [("j1","评委甲"),("j2","评委乙"),("j3","评委丙"),("j4","评委丁"),("j5","评委戊"),("j6","评委己"),("j7","评委庚")]
DIMS = ["political","ideological","feasibility","novelty","effectiveness"]

def write_jury(rng, finalists):
    os.makedirs("jury", exist_ok=True)
    quality = {u: rng.uniform(13, 18.5) for u in finalists}
    for jid, jname in JUDGES:
        bias = rng.uniform(-1.2, 1.2)
        lines = [f"kaohe: 1\nkind: jury\ncompetition: maonan.innovation-2026\njudge: {{id: {jid}, name: {jname}}}\nscores:"]
        for u in finalists:
            cells = []
            for d in DIMS:
                v = max(10.0, min(20.0, quality[u] + bias + rng.uniform(-1.5, 1.5)))
                cells.append(f"{d}: {round(v * 2) / 2:g}")
            lines.append(f"  {u}: {{{', '.join(cells)}}}")
        with open(f"jury/{jid}.yaml", "w") as f:
            f.write("\n".join(lines) + "\n")

if __name__ == "__main__":
    os.chdir(os.path.dirname(os.path.abspath(__file__)))
    if len(sys.argv) > 1 and sys.argv[1] == "jury":
        write_jury(random.Random(20261129), sys.argv[2:])
    else:
        write_assessments(random.Random(2026))
