"""State changes at once on both databases: no version lost or numbered twice, a 退回 racing a
re-报送 ends in one consistent state."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import select

from kit.desk import states
from kit.desk.accounts import CLERK, REVIEWER
from kit.desk.database import DeskError
from kit.desk.schema import Event, Report, Version


def _people(desk):
    a = desk.login("a", desk.create_user("a", CLERK, county="襄垣县", unit="下良镇"))
    r = desk.login("r", desk.create_user("r", REVIEWER, county="襄垣县"))
    return a, r


def _consistent(desk) -> tuple[Report, list[int]]:
    with desk.factory() as s:
        report = s.scalar(select(Report))
        numbers = sorted(s.scalars(select(Version.number)))
        last = s.scalars(select(Event).where(Event.report_id == report.id,
                                             Event.action.in_(["submit", "return"])).order_by(Event.id)).all()[-1]
    assert numbers == list(range(1, len(numbers) + 1))  # none lost, none twice
    assert report.current_version == numbers[-1]
    assert report.state == {"submit": states.SUBMITTED, "return": states.RETURNED}[last.action]
    return report, numbers


def test_many_submissions_at_once(desk):
    a, _ = _people(desk)
    with ThreadPoolExecutor(8) as pool:
        got = list(pool.map(lambda _: desk.submit(a, "襄垣县", "下良镇", 2021).version, range(40)))
    assert sorted(got) == list(range(1, 41))
    _consistent(desk)


def test_a_return_racing_a_resubmission(desk):
    a, r = _people(desk)
    desk.submit(a, "襄垣县", "下良镇", 2021)
    outcomes = set()
    for _ in range(12):
        seen = desk.status(r, "襄垣县", "下良镇", 2021).version
        start = threading.Barrier(2)
        result = {}

        def back(seen=seen, start=start, result=result):
            start.wait()
            try:
                desk.send_back(r, "襄垣县", "下良镇", 2021, seen, "请改正")
                result["return"] = "done"
            except DeskError as exc:
                result["return"] = str(exc)

        def again(start=start, result=result):
            start.wait()
            result["submit"] = desk.submit(a, "襄垣县", "下良镇", 2021).version

        threads = [threading.Thread(target=back), threading.Thread(target=again)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        report, numbers = _consistent(desk)
        assert result["submit"] == numbers[-1]
        if result["return"] == "done":  # returned first, then the new version came in
            outcomes.add("return first")
            assert report.state == states.SUBMITTED
        else:  # the new version came first: the return of the old one is refused
            outcomes.add("submit first")
            assert "单位已报送第" in result["return"] and report.state == states.SUBMITTED
    assert outcomes  # every round ended in one of the two orders
