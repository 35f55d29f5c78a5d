"""Generate synthetic plan repositories in the planctl format, for benchmarks.

    python bench/generate.py --plans 200 --tasks 100 --out bench/.corpora/200x100

Each repository holds `plans/units.yaml` (a city's unit registry with aliases and
groups) and one YAML file per plan: notice, preamble, nested sections, tasks with
lead/support units, deadlines, milestones, indicators and progress notes, in Chinese
as a drafting office writes them. The same seed gives the same bytes.

Some plans are deliberately broken, one way each: YAML syntax, schema, unknown unit,
alias, duplicate task id, impossible date, milestone after its deadline, doc number,
duplicate key, a unit both lead and support. `BROKEN_KINDS` lists them and
`broken_kind(index)` says which plan gets which.
"""

from __future__ import annotations

import argparse
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

DEFAULT_SEED = 20240601
BROKEN_EVERY = 25  # one plan in this many is broken

CITY = "江海市"
COUNTIES = ("蓬江区", "江海区", "新会区", "台山市", "开平市", "鹤山市", "恩平市")

# (short name, full name, aliases, kind)
DEPARTMENTS: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    ("市发展改革局", "江海市发展和改革局", ("市发改局",), "department"),
    ("市工业和信息化局", "江海市工业和信息化局", ("市工信局",), "department"),
    ("市科技局", "江海市科学技术局", (), "department"),
    ("市教育局", "江海市教育局", (), "department"),
    ("市公安局", "江海市公安局", (), "department"),
    ("市民政局", "江海市民政局", (), "department"),
    ("市司法局", "江海市司法局", (), "department"),
    ("市财政局", "江海市财政局", (), "department"),
    ("市人力资源社会保障局", "江海市人力资源和社会保障局", ("市人社局",), "department"),
    ("市自然资源局", "江海市自然资源局", (), "department"),
    ("市生态环境局", "江海市生态环境局", ("市环保局",), "department"),
    ("市住房城乡建设局", "江海市住房和城乡建设局", ("市住建局",), "department"),
    ("市交通运输局", "江海市交通运输局", (), "department"),
    ("市水利局", "江海市水利局", (), "department"),
    ("市农业农村局", "江海市农业农村局", (), "department"),
    ("市商务局", "江海市商务局", (), "department"),
    ("市文化广电旅游体育局", "江海市文化广电旅游体育局", ("市文广旅体局",), "department"),
    ("市卫生健康局", "江海市卫生健康局", ("市卫健局",), "department"),
    ("市退役军人事务局", "江海市退役军人事务局", (), "department"),
    ("市应急管理局", "江海市应急管理局", (), "department"),
    ("市审计局", "江海市审计局", (), "department"),
    ("市国资委", "江海市人民政府国有资产监督管理委员会", (), "committee"),
    ("市市场监管局", "江海市市场监督管理局", ("市市场监督管理局",), "department"),
    ("市统计局", "江海市统计局", (), "department"),
    ("市医保局", "江海市医疗保障局", (), "department"),
    ("市政务服务数据管理局", "江海市政务服务数据管理局", ("市政数局",), "department"),
    ("市城市管理综合执法局", "江海市城市管理和综合执法局", ("市城管局",), "department"),
    ("市金融工作局", "江海市地方金融工作局", (), "department"),
    ("市林业局", "江海市林业局", (), "department"),
    ("市侨务局", "江海市人民政府侨务局", (), "department"),
    ("市税务局", "国家税务总局江海市税务局", (), "department"),
    ("市供电局", "广东电网有限责任公司江海供电局", (), "enterprise"),
    ("市城投集团", "江海市城市建设投资集团有限公司", (), "enterprise"),
    ("江海高新区管委会", "江海高新技术产业开发区管理委员会", (), "committee"),
    ("市委宣传部", "中共江海市委宣传部", (), "department"),
    ("市委编办", "中共江海市委机构编制委员会办公室", (), "department"),
)
GROUP_COUNTIES = "各县（市、区）人民政府"
GROUP_FINANCE = "市财政、审计部门"
UNKNOWN_UNITS = ("市发改委", "市经贸局", "市规划局", "市旅游局")

THEMES = (
    ("优化营商环境", "business-environment"),
    ("实施乡村振兴战略", "rural-revitalisation"),
    ("推进数字政府建设", "digital-government"),
    ("加强生态环境保护", "ecology"),
    ("推动制造业高质量发展", "manufacturing"),
    ("推进城市更新", "urban-renewal"),
    ("办好民生实事", "livelihood"),
    ("加强安全生产", "work-safety"),
    ("建设教育强市", "education"),
    ("推进健康江海建设", "health"),
    ("建设知识产权强市", "ip"),
    ("促进就业创业", "employment"),
    ("深化国资国企改革", "soe-reform"),
    ("扩大高水平对外开放", "opening-up"),
    ("推进交通基础设施建设", "transport"),
)
KINDS = ("工作计划", "任务分解表", "实施方案", "工作要点", "责任分工方案")

VERBS = (
    "加快",
    "深入推进",
    "全面落实",
    "持续深化",
    "统筹推进",
    "着力提升",
    "大力发展",
    "健全完善",
    "积极稳妥推进",
    "切实加强",
    "优化",
    "扎实开展",
)
OBJECTS = (
    "重点项目建设",
    "营商环境改革",
    "农村集体经济发展",
    "数字化转型",
    "生态保护修复",
    "公共服务均等化",
    "基层社会治理",
    "科技成果转化",
    "高标准农田建设",
    "城市燃气管网改造",
    "老旧小区改造",
    "中小企业服务体系",
    "跨境贸易便利化",
    "一网通办",
    "河长制湖长制",
    "职业技能培训",
    "公立医院改革",
    "普惠性托育服务",
    "应急物资储备",
    "知识产权质押融资",
    "产业园区提质增效",
    "侨乡文化保护利用",
    "智慧交通",
    "污水处理设施提标改造",
)
METHODS = (
    "建立健全工作机制",
    "明确责任分工和时间节点",
    "加大财政资金支持力度",
    "强化督促检查和考核评估",
    "完善配套政策措施",
    "加强部门协同和市县联动",
    "定期通报工作进展",
    "及时总结推广典型经验",
    "压实属地管理责任",
    "引导社会资本积极参与",
    "用好专项债券资金",
    "开展常态化监测预警",
)
GOALS = (
    "确保年度目标任务按期完成",
    "形成可复制可推广的经验做法",
    "群众满意度明显提升",
    "主要指标保持全省前列",
    "基本实现全覆盖",
    "推动工作取得实质性突破",
    "为高质量发展提供有力支撑",
    "切实增强人民群众获得感",
)
PLACES = ("中心城区", "高新区", "各镇（街）", "重点园区", "沿海片区", "北部生态发展区")
INDICATORS = (
    ("新增就业人数", "人"),
    ("完成投资", "亿元"),
    ("建成公里数", "公里"),
    ("覆盖率", '"%"'),
    ("培训人次", "人次"),
    ("新增企业", "家"),
    ("改造户数", "户"),
)
STATUSES = ("not_started", "in_progress", "in_progress", "done", "delayed")
SECTION_TITLES = (
    "总体目标",
    "重点任务",
    "改革创新",
    "项目建设",
    "民生保障",
    "保障措施",
    "基础设施",
    "产业发展",
    "社会治理",
    "开放合作",
)
NUMERALS = "一二三四五六七八九十"

BROKEN_KINDS = (
    "yaml-syntax",
    "schema",
    "unknown-unit",
    "unit-alias",
    "duplicate-id",
    "impossible-date",
    "milestone-after-due",
    "doc-number-format",
    "duplicate-key",
    "lead-and-support",
)


def broken_kind(index: int) -> str | None:
    """Which breakage plan `index` gets, if any (the same for every corpus size).

    The odd plans among the first twenty carry one kind each, in order, so every corpus of
    twenty plans or more holds all kinds; after that one plan in `BROKEN_EVERY` is broken.
    """
    if index < 2 * len(BROKEN_KINDS):
        return BROKEN_KINDS[index // 2] if index % 2 == 1 else None
    if index % BROKEN_EVERY == 3:
        return BROKEN_KINDS[(index // BROKEN_EVERY) % len(BROKEN_KINDS)]
    return None


# --- text -----------------------------------------------------------------------------


@dataclass
class Writer:
    """Random Chinese sentences in the register of a work plan."""

    rng: random.Random

    def pick(self, items: tuple[str, ...]) -> str:
        return items[self.rng.randrange(len(items))]

    def sentence(self) -> str:
        place = self.pick(PLACES) if self.rng.random() < 0.4 else ""
        first, second = self.rng.sample(METHODS, 2)
        verb, thing, goal = self.pick(VERBS), self.pick(OBJECTS), self.pick(GOALS)
        return f"{verb}{place}{thing}，{first}，{second}，{goal}。"

    def paragraph(self, sentences: int) -> str:
        return "".join(self.sentence() for _ in range(sentences))

    def title(self) -> str:
        return f"{self.pick(VERBS)}{self.pick(OBJECTS)}"

    def units(self, count: int, pool: tuple[str, ...]) -> list[str]:
        return self.rng.sample(pool, count)


def _flow(items: list[str]) -> str:
    return "[" + ", ".join(items) + "]"


# --- one plan -------------------------------------------------------------------------


@dataclass
class PlanShape:
    index: int
    tasks: int
    year: int
    theme: tuple[str, str]
    kind: str
    stage: str

    @property
    def plan_id(self) -> str:
        return f"jianghai-{self.year}-{self.theme[1]}-{self.index:04d}"


def plan_text(shape: PlanShape, rng: random.Random, broken: str | None) -> str:
    writer = Writer(rng)
    lines = _header(shape, writer)
    lines += _notice(shape, writer, broken)
    lines += [
        "",
        "preamble:",
        "  - title: 总体要求",
        "    text: |",
        f"      {writer.paragraph(3)}",
        "",
        "sections:",
    ]
    lines += _sections(shape, writer, broken)
    text = "\n".join(lines) + "\n"
    return _break_text(text) if broken == "yaml-syntax" else text


def _header(shape: PlanShape, writer: Writer) -> list[str]:
    title = f"{CITY}{shape.year}年{shape.theme[0]}{shape.kind}"
    return [
        "# yaml-language-server: $schema=../schema/plan.schema.json",
        "format: planctl/1",
        f"id: {shape.plan_id}",
        f"title: {title}",
        f"kind: {shape.kind}",
        f"stage: {shape.stage}",
        f"issuer: {CITY}人民政府",
        f"period: {{start: {shape.year}-01-01, end: {shape.year}-12-31}}",
    ]


def _notice(shape: PlanShape, writer: Writer, broken: str | None) -> list[str]:
    month = writer.rng.randint(1, 3)
    day = writer.rng.randint(1, 28)
    serial = writer.rng.randint(1, 99)
    number = f"江府办〔{shape.year}〕{serial}号"
    if broken == "doc-number-format":
        number = f"江府办[{shape.year}]第{serial:03d}号"
    signed = f"{shape.year}-{month:02d}-{day:02d}"
    if broken == "impossible-date":
        signed = f"{shape.year}-02-30"
    return [
        "",
        "notice:",
        f"  doc_number: {number}",
        f"  title: 印发{CITY}{shape.year}年{shape.theme[0]}{shape.kind}的通知",
        f"  recipients: [{GROUP_COUNTIES}, 江海高新区管委会, 市政府各部门、各直属机构]",
        "  body: |",
        f"    《{CITY}{shape.year}年{shape.theme[0]}{shape.kind}》已经市人民政府同意，"
        "现印发给你们，请认真组织实施。实施中遇到的问题，请径向市发展改革局反映。",
        f"  signer: {CITY}人民政府办公室",
        f"  date: {signed}",
        "  disclosure: 主动公开",
        f"  printer: {CITY}人民政府办公室",
        f"  printed: {shape.year}-{month:02d}-{min(day + 2, 28):02d}",
    ]


def _sections(shape: PlanShape, writer: Writer, broken: str | None) -> list[str]:
    per_section = 10
    count = max(1, -(-shape.tasks // per_section))
    lines: list[str] = []
    made = 0
    for number in range(count):
        size = min(per_section, shape.tasks - made)
        lines += _section(shape, writer, number, made, size, broken)
        made += size
    return lines


def _section(
    shape: PlanShape, writer: Writer, number: int, first: int, size: int, broken: str | None
) -> list[str]:
    numeral = NUMERALS[number % 10] + ("" if number < 10 else str(number // 10))
    lines = [
        f"  - id: part-{number + 1}",
        f"    source_number: {numeral}、",
        f"    title: {SECTION_TITLES[number % len(SECTION_TITLES)]}",
    ]
    if number % 3 == 0:
        lines.append(f"    text: {writer.sentence()}")
    lines.append("    tasks:")
    for offset in range(size):
        lines += _task(shape, writer, first + offset, offset, broken)
    return lines


def _task(
    shape: PlanShape, writer: Writer, index: int, offset: int, broken: str | None
) -> list[str]:
    rng = writer.rng
    departments = tuple(unit[0] for unit in DEPARTMENTS)
    task_id = f"task-{index + 1}"
    if broken == "duplicate-id" and index == 7:
        task_id = "task-7"
    lead = writer.units(rng.randint(1, 2), departments)
    support = [u for u in writer.units(rng.randint(1, 4), departments) if u not in lead]
    if broken == "unknown-unit" and index in (4, 40):
        lead[0] = writer.pick(UNKNOWN_UNITS)
    if broken == "unit-alias" and index == 12:
        lead[0] = "市发改局"
    if broken == "lead-and-support" and index == 2:
        support = [*support, lead[0]]
    if index % 9 == 4:
        support.append(GROUP_COUNTIES)
    due_month = rng.randint(4, 12)
    lines = [
        f"      - id: {task_id}",
        f'        source_number: "{offset + 1}."',
        f"        title: {writer.title()}",
        "        text: |",
        f"          {writer.paragraph(1 + (rng.random() < 0.15))}",
        f"        lead: {_flow(lead)}",
    ]
    if broken == "duplicate-key" and index == 3:
        lines.append(f"        lead: {_flow(lead)}")
    if support:
        lines.append(f"        support: {_flow(support)}")
    if broken == "milestone-after-due" and index == 9:
        due_month = 6
        lines.append(f"        due: {shape.year}-06")
    else:
        lines += _deadline(shape, writer, index, due_month)
    lines += _milestones(shape, writer, index, due_month, broken)
    lines += _indicators(writer, index, broken)
    lines += _progress(shape, writer, index)
    return lines


def _deadline(shape: PlanShape, writer: Writer, index: int, month: int) -> list[str]:
    forms = (
        f"{shape.year}-{month:02d}",
        f"{shape.year}-Q{(month + 2) // 3}",
        f"{shape.year}-{month:02d}-{writer.rng.randint(1, 28):02d}",
        str(shape.year),
        "ongoing",
        f"{shape.year}-H{1 if month <= 6 else 2}",
    )
    lines = [f"        due: {forms[index % len(forms)]}"]
    if index % 11 == 0:
        lines.append("        due_note: 分阶段推进")
    return lines


def _milestones(
    shape: PlanShape, writer: Writer, index: int, month: int, broken: str | None
) -> list[str]:
    first = month - 2
    if broken == "milestone-after-due" and index == 9:
        first = 12
    elif index % 3 != 0 or month < 6:
        return []
    return [
        "        milestones:",
        f"          - {{due: {shape.year}-{first:02d}, text: 完成方案制定和任务分解}}",
        f"          - {{due: {shape.year}-{month - 1:02d}, text: {writer.title()}}}",
    ]


def _indicators(writer: Writer, index: int, broken: str | None) -> list[str]:
    if index % 4 != 1:
        return []
    name, unit = INDICATORS[index % len(INDICATORS)]
    target = writer.rng.randint(5, 500)
    if broken == "schema" and index == 5:
        return [
            "        indicators:",
            f"          - {{name: {name}, unit: {unit}}}",
            "        owner: 市发展改革局",
        ]
    return ["        indicators:", f"          - {{name: {name}, unit: {unit}, target: {target}}}"]


def _progress(shape: PlanShape, writer: Writer, index: int) -> list[str]:
    if index % 5 != 2:
        return []
    status = writer.pick(STATUSES)
    return [
        f"        status: {status}",
        "        progress:",
        f"          - {{date: {shape.year}-06-30, status: {status}, note: {writer.pick(METHODS)}}}",
    ]


def _break_text(text: str) -> str:
    """Indent one line with a tab in the middle of the file: a classic YAML syntax error."""
    lines = text.split("\n")
    target = next(
        i for i in range(len(lines) // 2, len(lines)) if lines[i].startswith("        lead:")
    )
    lines[target] = "\t" + lines[target].lstrip()
    return "\n".join(lines)


# --- the registry ---------------------------------------------------------------------


def units_text() -> str:
    lines = [
        "# yaml-language-server: $schema=../schema/units.schema.json",
        "format: planctl-units/1",
        "units:",
        f"  - name: {CITY}人民政府",
        "    kind: government",
        f"  - name: {CITY}人民政府办公室",
        "    kind: department",
    ]
    for name, full_name, aliases, kind in DEPARTMENTS:
        lines += [f"  - name: {name}", f"    full_name: {full_name}"]
        if aliases:
            lines.append(f"    aliases: {_flow(list(aliases))}")
        lines.append(f"    kind: {kind}")
    for county in COUNTIES:
        lines += [f"  - name: {county}人民政府", "    kind: government"]
    lines += [
        "groups:",
        f"  - name: {GROUP_COUNTIES}",
        f"    members: {_flow([f'{c}人民政府' for c in COUNTIES])}",
        f"  - name: {GROUP_FINANCE}",
        "    members: [市财政局, 市审计局]",
    ]
    return "\n".join(lines) + "\n"


# --- a repository ---------------------------------------------------------------------


def generate(out: Path, plans: int, tasks: int, seed: int = DEFAULT_SEED) -> list[Path]:
    """Write a plan repository at `out` (replacing it); return the plan files."""
    if out.exists():
        shutil.rmtree(out)
    plans_dir = out / "plans"
    plans_dir.mkdir(parents=True)
    (plans_dir / "units.yaml").write_text(units_text(), encoding="utf-8")
    written = []
    for index in range(plans):
        rng = random.Random(seed * 100_003 + index)
        shape = PlanShape(
            index,
            tasks,
            2020 + index % 6,
            THEMES[index % len(THEMES)],
            KINDS[index % len(KINDS)],
            ("issued", "issued", "draft", "review")[index % 4],
        )
        path = plans_dir / f"{shape.plan_id}.yaml"
        path.write_text(plan_text(shape, rng, broken_kind(index)), encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--plans", type=int, required=True)
    parser.add_argument("--tasks", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args()
    files = generate(args.out, args.plans, args.tasks, args.seed)
    size = sum(path.stat().st_size for path in files)
    print(f"{len(files)} plans, {size / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
