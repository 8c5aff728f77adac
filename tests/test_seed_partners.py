"""One convention for "X phối hợp với Y" in every seed file (demo/seeds/*.yaml): X leads, Y is a partner.

"Chủ trì, phối hợp với Y" and "Phối hợp với Y" under an agency's section: the agency leads, Y partners.
"X phối hợp với Y" written out (usually in ``partners_note``): X is the lead (when X names several bodies, the
first leads and the others are partners, "đồng chủ trì"), Y are partners. A body named after "phối hợp với" is
never the lead. The test reads the files as they are, without a database.
"""

from __future__ import annotations

import re

from django.test import SimpleTestCase

from core.datafiles import data_file_read
from demo.plans import SEEDS, seed_path

PHRASE = re.compile(r"ph[ốố]i hợp với", re.IGNORECASE)
CLAUSE_END = re.compile(r"[;.\n]")


def _named(text: str, agencies: dict[str, dict]) -> list[str]:
    """Agency keys whose name or short name appears in ``text``, in the order they appear."""
    low = text.lower()
    found = []
    for key, agency in agencies.items():
        name = agency.get("name", "")
        # "Hội Nông dân, Hội Người cao tuổi, Hội Cựu chiến binh tỉnh": the level word is written once.
        bare = re.sub(r" (tỉnh|huyện|xã|Thành phố|thành phố)$", "", name)
        names = [name, bare, agency.get("short_name", "")]
        # "chi Hội Khuyến học thôn" is a branch of the association, not the association itself.
        positions = [m.start() for n in names if n and len(n) > 4 for m in re.finditer(re.escape(n.lower()), low)]
        positions = [p for p in positions if not low[:p].endswith("chi ")]
        if positions:
            found.append((min(positions), key))
    return [key for _, key in sorted(found)]


def _pairs(text: str):
    """(X part, Y part) of each "X phối hợp với Y" in a text, clause by clause."""
    for clause in re.split(r"[;\n]", text):
        match = PHRASE.search(clause)
        if match:
            before = clause[: match.start()]
            after = CLAUSE_END.split(clause[match.end() :])[0]
            yield before, after


def _tasks(data: dict):
    for plan in data.get("plans") or []:
        for key in ("tasks", "appendix"):
            yield from plan.get(key) or []


class SeedPartnerConventionTests(SimpleTestCase):
    def test_it_applies_x_leads_y_partners_in_every_seed_file(self):
        problems = []
        files = [seed_path(name) for name in SEEDS]
        self.assertGreaterEqual(len(files), 5)
        checked = 0
        for path in files:
            data = data_file_read(path)
            agencies = data.get("agencies") or {}
            for task in _tasks(data):
                lead = task.get("lead")
                partners = list(task.get("partners") or [])
                where = f"{path.name}: {task.get('section', '')} {task['title'][:60]}"
                if lead and lead in partners:
                    problems.append(f"{where}: chủ trì {lead} cũng nằm trong phối hợp")
                for field in ("title", "partners_note"):
                    for before, after in _pairs(task.get(field) or ""):
                        checked += 1
                        for key in _named(after, agencies):
                            if key == lead:
                                problems.append(f"{where}: {key} sau “phối hợp với” lại là đơn vị chủ trì")
                            elif key not in partners:
                                problems.append(f"{where}: {key} sau “phối hợp với” thiếu trong phối hợp")
                        leaders = _named(before, agencies)
                        if leaders and lead != leaders[0]:
                            problems.append(f"{where}: “{before.strip()}” phối hợp, nhưng chủ trì là {lead}")
                        for key in leaders[1:]:
                            if key not in partners:
                                problems.append(f"{where}: đồng chủ trì {key} thiếu trong phối hợp")
        self.assertGreater(checked, 20)
        self.maxDiff = None
        self.assertEqual(problems, [])
