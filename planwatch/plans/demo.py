"""The zone's real directives as demo work, written in our own words from public facts.

Documents: the State Council's reply approving the zone's Overall Plan (2020-04-21), the
provincial Belt and Road leading group's meeting and its opening-up measures
(2018-12-07), the governor's survey in Changchun (2018-12-05) and his inspection of
Changchun New Area (2018-01-16). Their clauses become tasks for units of the demo
directory. Dates are set relative to the day the demo is loaded, so that tasks are on
track, at risk, overdue, waiting for an extension, completed and closed, and reports
are approved, returned and waiting for review. Loading twice changes nothing.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from planwatch.accounts.models import User
from planwatch.directory.models import Organisation, Person
from planwatch.plans import actions
from planwatch.plans.files import as_upload
from planwatch.plans.models import (
    Plan,
    ProgressReport,
    SourceDocument,
    StageTemplate,
    Task,
)
from planwatch.plans.status import TaskFacts, expected_progress

REPLY_TEXT = """Reply of the State Council on the Overall Plan of the China–South Korea \
(Changchun) \
International Cooperation Demonstration Zone

To the Jilin Provincial People's Government and the National Development and Reform Commission:

1. The Overall Plan is approved in principle; carry it out conscientiously.
2. Follow the guiding principles and reach the goals the plan sets, making the zone a model of \
open cooperation with the Republic of Korea.
3. The Jilin Provincial People's Government must take the lead and coordinate, issue supporting \
policies, build the zone's planning system, make sure the plan's goals and tasks are met on \
schedule, and submit major policies and projects for approval as the rules require.
Fourth, the relevant departments of the State Council must guide and support the zone within \
their remits.
5. The National Development and Reform Commission must follow up and analyse, supervise and \
guide, evaluate implementation in good time, and report major issues to the State Council."""

MEETING_TEXT = """The provincial leading group for the Belt and Road Initiative met in Changchun \
on 7 December 2018, chaired by the governor.
The meeting passed the Working Rules of the leading group and the 100 Policy Measures for \
Expanding Opening-up.
The meeting named an international cooperation demonstration zone among the four open \
platforms the province should build.
First, the Working Rules must be put into practice at once.
Second, every measure of the package must have a responsible unit and a deadline.
Third, the leading group office should coordinate and report progress to the group.
Fourth, all member units should report each quarter on the measures they carry."""

MEASURES_TEXT = """100 Policy Measures for Expanding Opening-up (selected measures)
(7) Simplify customs clearance for goods traded with the Republic of Korea.
(15) Open new international freight rail routes towards Northeast Asia.
(23) Attract Korean investment into the leading industries of the cooperation zone.
(41) Extend the cross-border e-commerce pilots.
(56) Support enterprises going abroad with export credit insurance."""

SURVEY_TEXT = """On 5 December the governor surveyed projects in Changchun and then chaired a \
meeting.
He stressed five requirements.
First, build Changchun New Area into an engine of the province's growth.
Second, advance the integrated development of Changchun and Gongzhuling.
Third, advance the integrated development of Changchun and Jilin City.
Fourth, strengthen the "one master, six pairs" spatial strategy with Changchun at its centre.
Fifth, keep projects moving through the winter."""

INSPECTION_TEXT = """On 16 January the acting governor inspected Changchun New Area: the Yatai \
pharmaceutical industrial park, the Huawei cloud computing centre and the Beihu science and \
technology park.
First, speed up the expansion of the pharmaceutical industrial park.
Second, bring the cloud computing centre into full service.
Third, let the Beihu park grow its technology enterprises."""


@dataclass
class Doc:
    key: str
    kind: str
    title: str
    reference: str
    text: str
    document_date: str
    event_date: str | None = None
    issuer: str | None = None
    issuer_person: str | None = None
    addressees: tuple[str, ...] = ()
    clauses: tuple[tuple[str, str], ...] = ()


DOCUMENTS = [
    Doc(
        "reply",
        "reply",
        "State Council reply approving the zone's Overall Plan",
        "SC-REPLY-2020",
        REPLY_TEXT,
        "2020-04-21",
        issuer="state-council",
        addressees=("jilin-gov", "ndrc"),
        clauses=(
            ("1.", "The Overall Plan is approved in principle; carry it out conscientiously."),
            ("2.", "Follow the guiding principles and reach the goals the plan sets"),
            ("3.", "The Jilin Provincial People's Government must take the lead and coordinate"),
            ("Fourth,", "the relevant departments of the State Council must guide and support"),
            ("5.", "The National Development and Reform Commission must follow up and analyse"),
        ),
    ),
    Doc(
        "meeting",
        "meeting_record",
        "Belt and Road leading group meeting: Working Rules and opening-up measures",
        "",
        MEETING_TEXT,
        "2018-12-08",
        event_date="2018-12-07",
        issuer="bri-group",
        clauses=(
            ("First,", "the Working Rules must be put into practice at once."),
            ("Second,", "every measure of the package must have a responsible unit"),
            ("Third,", "the leading group office should coordinate and report progress"),
            ("Fourth,", "all member units should report each quarter on the measures they carry."),
        ),
    ),
    Doc(
        "measures",
        "policy_package",
        "100 Policy Measures for Expanding Opening-up",
        "BRI-2018-100",
        MEASURES_TEXT,
        "2018-12-07",
        issuer="bri-group",
        clauses=(
            ("(7)", "Simplify customs clearance for goods traded with the Republic of Korea."),
            ("(15)", "Open new international freight rail routes towards Northeast Asia."),
            ("(23)", "Attract Korean investment into the leading industries"),
            ("(41)", "Extend the cross-border e-commerce pilots."),
            ("(56)", "Support enterprises going abroad with export credit insurance."),
        ),
    ),
    Doc(
        "survey",
        "inspection_report",
        "The governor's survey in Changchun: five requirements",
        "",
        SURVEY_TEXT,
        "2018-12-06",
        event_date="2018-12-05",
        issuer_person="jing-junhai",
        addressees=("changchun-gov",),
        clauses=(
            ("First,", "build Changchun New Area into an engine of the province's growth."),
            ("Second,", "advance the integrated development of Changchun and Gongzhuling."),
            ("Third,", "advance the integrated development of Changchun and Jilin City."),
            ("Fourth,", 'strengthen the "one master, six pairs" spatial strategy'),
            ("Fifth,", "keep projects moving through the winter."),
        ),
    ),
    Doc(
        "inspection",
        "inspection_report",
        "Inspection of Changchun New Area by the acting governor",
        "",
        INSPECTION_TEXT,
        "2018-01-19",
        event_date="2018-01-16",
        issuer_person="jing-junhai",
        clauses=(
            ("First,", "speed up the expansion of the pharmaceutical industrial park."),
            ("Second,", "bring the cloud computing centre into full service."),
            ("Third,", "let the Beihu park grow its technology enterprises."),
        ),
    ),
]

PLANS = [
    ("zone-overall-plan", "Carrying out the zone's Overall Plan", "落实示范区总体方案", "reply"),
    ("opening-up-2018", "Belt and Road opening-up measures", "“一带一路”扩大开放措施", "measures"),
    (
        "changchun-2018",
        "Requirements of the 2018 survey and inspection in Changchun",
        "2018年长春调研与视察要求",
        "survey",
    ),
]

# What happens to a task, told by its reports:
# good (on track), behind (at risk), late (overdue), done (completed), closed,
# close_requested, waiting (a report waits for review), returned, new (not acknowledged,
# no report), ack (acknowledged; a parent whose progress is its children's), extension (a
# request is pending), issue (a major issue is open).


@dataclass
class Work:
    reference: str
    plan: str
    title_en: str
    title_zh: str
    lead: str | None
    start: int  # days from the demo's today
    deadline: int
    story: str
    clause: tuple[str, int] | None = None  # (document key, clause position)
    kind: str = "task"
    parent: str | None = None
    co: tuple[tuple[str, str], ...] = ()  # (unit code, share)
    weight: str = "1"
    indicator: tuple[str, str, int, int] | None = None  # name, unit, baseline, target
    children: list = field(default_factory=list)


WORK = [
    Work(
        "ZOP-1",
        "zone-overall-plan",
        "Carry out the approved Overall Plan",
        "组织实施总体方案",
        "jilin-gov",
        -420,
        1400,
        "ack",
        ("reply", 1),
        kind="directive",
        co=(("ndrc", "Joint follow-up of the plan"),),
    ),
    Work(
        "ZOP-1.1",
        "zone-overall-plan",
        "Issue the provincial scheme for carrying out the plan",
        "制定省级实施方案",
        "jilin-drc",
        -240,
        -20,
        "extension",
        ("reply", 1),
        parent="ZOP-1",
        co=(("zone-admin", "Draft the zone's chapter"),),
        weight="2",
    ),
    Work(
        "ZOP-1.2",
        "zone-overall-plan",
        "Set up the zone's working and management committees",
        "组建示范区党工委和管委会",
        "changchun-gov",
        -400,
        -60,
        "closed",
        ("reply", 1),
        parent="ZOP-1",
    ),
    Work(
        "ZOP-3",
        "zone-overall-plan",
        "Lead, coordinate and support the zone (provincial duty)",
        "省政府牵头协调支持",
        "jilin-gov",
        -300,
        900,
        "ack",
        ("reply", 3),
        kind="directive",
    ),
    Work(
        "ZOP-3.1",
        "zone-overall-plan",
        "Issue supporting policies on land, finance and talent",
        "出台土地、金融、人才配套政策",
        "jilin-drc",
        -150,
        120,
        "good",
        ("reply", 3),
        parent="ZOP-3",
        co=(("changchun-gov", "Municipal implementing rules"),),
        indicator=("Supporting policy documents issued", "documents", 0, 12),
    ),
    Work(
        "ZOP-3.2",
        "zone-overall-plan",
        "Build the zone's planning system",
        "构建示范区规划体系",
        "zone-admin",
        -180,
        200,
        "behind",
        ("reply", 3),
        parent="ZOP-3",
        co=(("changchun-gov", "Spatial plan review"),),
    ),
    Work(
        "ZOP-3.3",
        "zone-overall-plan",
        "Submit major policies and projects for approval",
        "重大政策和项目按程序报批",
        "jilin-drc",
        -100,
        10,
        "waiting",
        ("reply", 3),
        parent="ZOP-3",
    ),
    Work(
        "ZOP-3.4",
        "zone-overall-plan",
        "Complete phase one of the international food park",
        "建成中韩国际食品产业园一期",
        "changchun-gov",
        -240,
        240,
        "returned",
        ("reply", 3),
        kind="project",
        parent="ZOP-3",
        co=(("zone-admin", "Land and permits"),),
        indicator=("Investment completed", "100 million yuan", 0, 20),
    ),
    Work(
        "ZOP-4",
        "zone-overall-plan",
        "Guide and support the zone within each remit",
        "在职责范围内指导支持",
        "sc-departments",
        -300,
        600,
        "new",
        ("reply", 4),
        kind="directive",
    ),
    Work(
        "ZOP-5",
        "zone-overall-plan",
        "Follow up, supervise and evaluate the plan's progress",
        "跟踪分析、督促指导、适时评估",
        "ndrc",
        -300,
        500,
        "good",
        ("reply", 5),
        kind="directive",
        co=(("jilin-drc", "Provincial figures for the evaluation"),),
    ),
    Work(
        "BRI-1",
        "opening-up-2018",
        "Put the leading group's Working Rules into practice",
        "落实领导小组工作规则",
        "bri-office",
        -200,
        60,
        "close_requested",
        ("meeting", 1),
    ),
    Work(
        "BRI-2",
        "opening-up-2018",
        "Carry out the 100 opening-up measures",
        "落实扩大开放100条",
        "jilin-drc",
        -240,
        500,
        "ack",
        ("meeting", 2),
        kind="goal",
    ),
    Work(
        "BRI-2.07",
        "opening-up-2018",
        "Simplify customs clearance for trade with Korea",
        "简化对韩贸易通关",
        "changchun-gov",
        -120,
        150,
        "issue",
        ("measures", 1),
        kind="measure",
        parent="BRI-2",
        co=(("jilin-drc", "Data sharing with customs"),),
    ),
    Work(
        "BRI-2.15",
        "opening-up-2018",
        "Open new freight rail routes to Northeast Asia",
        "开通东北亚国际货运班列",
        "jilin-drc",
        -200,
        -10,
        "late",
        ("measures", 2),
        kind="measure",
        parent="BRI-2",
        co=(("changchun-gov", "Rail terminal"),),
    ),
    Work(
        "BRI-2.23",
        "opening-up-2018",
        "Attract Korean investment into the leading industries",
        "吸引韩资投向主导产业",
        "zone-admin",
        -150,
        180,
        "good",
        ("measures", 3),
        kind="measure",
        parent="BRI-2",
        weight="2",
        indicator=("Korean-invested projects signed", "projects", 0, 30),
    ),
    Work(
        "BRI-2.41",
        "opening-up-2018",
        "Extend the cross-border e-commerce pilots",
        "扩大跨境电商试点",
        "changchun-gov",
        -90,
        90,
        "waiting",
        ("measures", 4),
        kind="measure",
        parent="BRI-2",
    ),
    Work(
        "BRI-2.56",
        "opening-up-2018",
        "Export credit insurance for enterprises going abroad",
        "出口信用保险支持企业走出去",
        "jilin-drc",
        -20,
        300,
        "new",
        ("measures", 5),
        kind="measure",
        parent="BRI-2",
    ),
    Work(
        "BRI-3",
        "opening-up-2018",
        "Quarterly reports of member units to the group office",
        "成员单位按季度报告",
        "bri-office",
        -100,
        250,
        "behind",
        ("meeting", 4),
        co=(("jilin-drc", "Report on the measures it leads"),),
    ),
    Work(
        "CC-1",
        "changchun-2018",
        "Build Changchun New Area into an engine of growth",
        "把长春新区建成增长引擎",
        "changchun-new-area",
        -150,
        200,
        "returned",
        ("survey", 1),
    ),
    Work(
        "CC-2",
        "changchun-2018",
        "Integrated development of Changchun and Gongzhuling",
        "长春公主岭同城化",
        "changchun-gov",
        -200,
        400,
        "good",
        ("survey", 2),
        co=(("gongzhuling", "Gongzhuling's share of the joint plan"),),
    ),
    Work(
        "CC-3",
        "changchun-2018",
        "Integrated development of Changchun and Jilin City",
        "长吉一体化",
        "jilin-drc",
        -200,
        400,
        "behind",
        ("survey", 3),
        co=(("changchun-gov", "Transport links"), ("jilin-city", "Jilin City's share")),
    ),
    Work(
        "CC-4",
        "changchun-2018",
        'Strengthen the "one master, six pairs" strategy',
        "强化“一主六双”布局",
        "jilin-drc",
        -100,
        -30,
        "late",
        ("survey", 4),
    ),
    Work(
        "CC-5",
        "changchun-2018",
        "Speed up the pharmaceutical park's expansion",
        "加快医药产业园扩建",
        "changchun-new-area",
        -300,
        120,
        "good",
        ("inspection", 1),
        kind="project",
        indicator=("Investment completed", "100 million yuan", 0, 50),
    ),
    Work(
        "CC-6",
        "changchun-2018",
        "Bring the cloud computing centre into full service",
        "云计算中心全面投入使用",
        "changchun-new-area",
        -300,
        -5,
        "done",
        ("inspection", 2),
        kind="project",
        co=(("changchun-gov", "Power and network supply"),),
    ),
    Work(
        "CC-7",
        "changchun-2018",
        "Grow the Beihu park's technology enterprises",
        "北湖科技园培育科技企业",
        "changchun-new-area",
        -200,
        300,
        "good",
        ("inspection", 3),
    ),
]

STAGES = [
    {"name": "Land and approvals", "at_percent_of_time": 20, "expected_percent": 15},
    {"name": "Groundbreaking", "at_percent_of_time": 40, "expected_percent": 35},
    {"name": "Main structure", "at_percent_of_time": 75, "expected_percent": 70},
    {"name": "Completion and acceptance", "at_percent_of_time": 100, "expected_percent": 100},
]

RETURN_COMMENT = "The figures do not match last month's; explain the change and attach the minutes."


def _months_before(today: dt.date, n: int) -> dt.date:
    year, month = divmod(today.year * 12 + today.month - 1 - n, 12)
    return dt.date(year, month + 1, 1)


class Loader:
    def __init__(self, today: dt.date):
        self.today = today
        self.units = {o.code: o for o in Organisation.objects.exclude(code=None)}
        self.people = {p.code: p for p in Person.objects.exclude(code=None)}
        users = {
            u.username: u
            for u in User.objects.filter(username__in=["supervisor", "officer", "officer2"])
        }
        self.supervisor = users.get("supervisor")
        self.officers = {
            u.unit.code: u for u in users.values() if u.role == "unit_officer" and u.unit
        }
        self.documents: dict[str, SourceDocument] = {}
        self.created = {"documents": 0, "plans": 0, "tasks": 0, "reports": 0}

    def day(self, offset: int) -> dt.date:
        return self.today + dt.timedelta(days=offset)

    def load_documents(self) -> None:
        for doc in DOCUMENTS:
            document = SourceDocument.objects.filter(title=doc.title).first()
            if document is None:
                document = actions.do_create_document(
                    None,
                    addressees=[self.units[c] for c in doc.addressees],
                    kind=doc.kind,
                    title=doc.title,
                    reference=doc.reference,
                    text=doc.text,
                    document_date=dt.date.fromisoformat(doc.document_date),
                    event_date=dt.date.fromisoformat(doc.event_date) if doc.event_date else None,
                    issuer=self.units.get(doc.issuer) if doc.issuer else None,
                    issuer_person=self.people.get(doc.issuer_person) if doc.issuer_person else None,
                )
                for ordinal, text in doc.clauses:
                    actions.do_add_clause(None, document, ordinal, text)
                self.created["documents"] += 1
            self.documents[doc.key] = document

    def load_plans(self) -> dict[str, Plan]:
        plans = {}
        for code, title_en, title_zh, document in PLANS:
            plan = Plan.objects.filter(code=code).first()
            if plan is None:
                plan = actions.do_create_plan(
                    None,
                    code=code,
                    title_en=title_en,
                    title_zh=title_zh,
                    document=self.documents[document],
                )
                self.created["plans"] += 1
            plans[code] = plan
        if not StageTemplate.objects.filter(name="Construction project").exists():
            StageTemplate.objects.create(
                name="Construction project", task_kind=Task.Kind.PROJECT, stages=STAGES
            )
        return plans

    def load_work(self, plans: dict[str, Plan]) -> None:
        for work in WORK:
            if Task.objects.filter(reference=work.reference).exists():
                continue
            clause = None
            if work.clause:
                key, position = work.clause
                clause = self.documents[key].clauses.get(position=position)
            task = actions.do_create_task(
                None,
                plan=plans[work.plan],
                reference=work.reference,
                kind=work.kind,
                title_en=work.title_en,
                title_zh=work.title_zh,
                parent=Task.objects.get(reference=work.parent) if work.parent else None,
                lead_unit=self.units[work.lead] if work.lead else None,
                start_date=self.day(work.start),
                deadline=self.day(work.deadline),
                weight=Decimal(work.weight),
                source_clause=clause,
                source_span_start=clause.span_start if clause else None,
                source_span_end=clause.span_end if clause else None,
            )
            for unit, share in work.co:
                actions.do_assign(None, task, self.units[unit], "co", share)
            indicator = None
            if work.indicator:
                name, unit, baseline, target = work.indicator
                indicator = actions.do_add_indicator(
                    None, task, name=name, unit_of_measure=unit, baseline=baseline, target=target
                )
            self.created["tasks"] += 1
            self.tell(task, work.story, indicator)

    def officer_of(self, unit_id: int | None):
        return next((u for u in self.officers.values() if u.unit_id == unit_id), None)

    def report(self, assignment, month: dt.date, percent: int, narrative: str, **kw):
        officer = self.officer_of(assignment.unit_id)
        report = actions.do_submit_report(officer, assignment, month, percent, narrative, **kw)
        due = _months_before(month, -1).replace(day=5)
        late = (month.month + assignment.pk) % 5 == 0
        submitted = timezone.make_aware(
            dt.datetime.combine(due + dt.timedelta(days=9 if late else -2), dt.time(10))
        )
        submitted = min(submitted, timezone.now() - dt.timedelta(hours=2))
        ProgressReport.objects.filter(pk=report.pk).update(submitted_at=submitted)
        report.refresh_from_db()
        self.created["reports"] += 1
        return report

    def review(self, report, approve: bool = True, comment: str = "") -> None:
        actions.do_review_report(self.supervisor, report, report.version, approve, comment)
        reviewed = min(report.submitted_at + dt.timedelta(days=3), timezone.now())
        ProgressReport.objects.filter(pk=report.pk).update(reviewed_at=reviewed)

    def tell(self, task: Task, story: str, indicator) -> None:
        """Acknowledge and report on the task so that its status tells `story`."""
        lead = task.assignments.filter(role="lead").first()
        if lead is None:
            return
        for assignment in task.assignments.all():
            if story != "new" or assignment != lead:
                actions.do_acknowledge(self.officer_of(assignment.unit_id), assignment)
        if story in ("new", "ack"):
            return
        facts = TaskFacts(start_date=task.start_date, deadline=task.deadline)
        expected = expected_progress(facts, self.today) or 0
        final = {
            "good": min(95, expected + 5),
            "behind": max(5, expected - 30),
            "late": 70,
            "done": 100,
            "closed": 100,
            "close_requested": 100,
            "extension": 60,
        }.get(story, max(10, expected - 5))
        first, last = task.start_date.replace(day=1), (task.deadline or self.today).replace(day=1)
        months = [_months_before(self.today, n) for n in (3, 2, 1)]
        months = [m for m in months if first <= m <= last] or [max(first, min(months[-1], last))]
        for i, month in enumerate(months, start=1):
            percent = round(final * i / len(months))
            actuals = {}
            if indicator is not None:
                actuals = {indicator.pk: Decimal(round(indicator.target * percent / 100))}
            files = []
            if i == len(months) and (
                (story == "good" and indicator is not None)
                or story in ("closed", "close_requested")
            ):
                files = [
                    as_upload("minutes.txt", f"Minutes, {month:%Y-%m}: {task.title}\n".encode())
                ]
            report = self.report(
                lead,
                month,
                percent,
                f"Work of {month:%B %Y} on {task.title}.",
                actuals=actuals,
                files=files,
                blockers="Approvals from two departments are still pending."
                if story == "behind"
                else "",
            )
            last = i == len(months)
            if last and story == "returned":
                self.review(report, False, RETURN_COMMENT)
            elif not (last and story == "waiting"):
                self.review(report)
        if story == "extension":
            actions.do_request_extension(
                self.officer_of(lead.unit_id),
                task,
                self.day(90),
                "Two departments have not yet given their opinions on the draft scheme.",
            )
        if story == "issue":
            actions.do_raise_issue(
                self.officer_of(lead.unit_id),
                lead,
                "The data-sharing agreement with the Korean customs side is not signed; "
                "the clearance pilot cannot start.",
            )
        if story in ("closed", "close_requested"):
            actions.do_request_close(
                self.officer_of(lead.unit_id),
                task,
                "All work done; minutes and acceptance attached.",
            )
        if story == "closed":
            actions.do_close(
                self.supervisor,
                task,
                "Checked the acceptance records on site.",
                Task.objects.get(pk=task.pk).version,
            )


@transaction.atomic
def load() -> list[str]:
    """Load the demo supervision work (after the directory's demo); returns lines to show."""
    loader = Loader(timezone.localdate())
    if loader.supervisor is None or not loader.units:
        return ["Plans: the directory's demo must be loaded first."]
    loader.load_documents()
    loader.load_work(loader.load_plans())
    return ["Plans: " + ", ".join(f"{n} {k} created" for k, n in loader.created.items())]
