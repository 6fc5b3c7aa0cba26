"""Checklists and deadlines of a dossier, from the policy data and the working-day calendar."""

from __future__ import annotations

from datetime import date
from itertools import count

from dossier.checklist import dossier_checklists, visit_key
from dossier.models import SignatureField, StoredDocument
from dossier.policy import Policy
from dossier.workdays import WorkCalendar

_ids = count(1)
VIN = "LSVAM4187C2184527"


def doc(doc_type: str, status: str = "filed", signatures: list[SignatureField] | None = None, **fields: str) -> StoredDocument:
    return StoredDocument(
        id=next(_ids), source="x.pdf", doc_type=doc_type, status=status, fields={"vin": VIN, **fields},
        signatures=signatures or [],
    )


def with_visits(docs: list[StoredDocument], policy: Policy) -> list[StoredDocument]:
    for d in docs:
        d.visit = visit_key(d.doc_type, d.fields, policy.kinds["car"])
    return docs


NEW_CAR = ["customer_card", "purchase_invoice", "sales_contract", "id_copy", "delivery_checklist", "vehicle_license",
           "insurance_policy", "value_added_services", "conformity_certificate", "delivery_photo", "pdi_checklist"]


def test_new_car_file_missing_items_and_deadline_in_working_days(policy: Policy) -> None:
    docs = [doc("sales_contract"), doc("delivery_checklist", date="2026-03-06")]  # a Friday
    lists = dossier_checklists("car", docs, policy, WorkCalendar.load(None), today=date(2026, 3, 12))
    new_car = lists[0]
    assert new_car.name == "new_car"
    status = {i.doc_type: i.status for i in new_car.items}
    assert set(status) == set(NEW_CAR)
    assert status["sales_contract"] == "present" and status["customer_card"] == "missing"
    assert new_car.due == date(2026, 3, 11)  # Mon, Tue, Wed
    assert new_car.overdue


def test_national_day_holidays_do_not_count(policy: Policy) -> None:
    docs = [doc("delivery_checklist", date="2025-09-30")]
    new_car = dossier_checklists("car", docs, policy, WorkCalendar.load(None), today=date(2025, 10, 9))[0]
    # Oct 1-8 off; Oct 9, 10 working; Oct 11 (Saturday) is a make-up working day.
    assert new_car.due == date(2025, 10, 11)
    assert not new_car.overdue


def test_complete_file_is_never_overdue(policy: Policy) -> None:
    docs = [doc(code, date="2026-03-06") for code in NEW_CAR]
    new_car = dossier_checklists("car", docs, policy, WorkCalendar.load(None), today=date(2026, 6, 1))[0]
    assert new_car.complete and not new_car.overdue


def test_blank_required_signature_makes_the_item_unsigned(policy: Policy) -> None:
    blank = SignatureField(role="customer", label="客户签字", status="blank")
    docs = [doc("delivery_checklist", signatures=[blank], date="2026-03-06")]
    new_car = dossier_checklists("car", docs, policy, WorkCalendar.load(None), today=date(2026, 3, 9))[0]
    item = next(i for i in new_car.items if i.doc_type == "delivery_checklist")
    assert item.status == "unsigned" and not new_car.complete


def test_one_checklist_per_after_sales_visit_by_job_type(policy: Policy) -> None:
    docs = with_visits(
        [
            doc("work_order", order_number="WO1", job_type="maintenance"),
            doc("reception_sheet", order_number="WO1"),
            doc("settlement", order_number="WO1", date="2026-04-03"),
            doc("work_order", order_number="WO2", job_type="warranty_claim"),
        ],
        policy,
    )
    lists = dossier_checklists("car", docs, policy, WorkCalendar.load(None), today=date(2026, 4, 20))
    by_visit = {cl.visit: cl for cl in lists if cl.visit}
    assert by_visit["WO1"].name == "maintenance"
    assert by_visit["WO2"].name == "warranty_claim"
    wo1 = {i.doc_type: i.status for i in by_visit["WO1"].items}
    assert wo1 == {"reception_sheet": "present", "work_order": "present", "settlement": "present",
                   "free_inspection_12": "missing"}
    assert by_visit["WO1"].due is not None and by_visit["WO1"].overdue
    assert "fault_report" in {i.doc_type for i in by_visit["WO2"].items}


def test_documents_in_review_do_not_count_as_present(policy: Policy) -> None:
    docs = [doc("sales_contract", status="needs_review")]
    new_car = dossier_checklists("car", docs, policy, WorkCalendar.load(None), today=date(2026, 3, 9))[0]
    assert next(i for i in new_car.items if i.doc_type == "sales_contract").status == "missing"


def test_unit_dossier_gets_the_unit_checklist(policy: Policy) -> None:
    docs = [StoredDocument(id=1, source="a.png", doc_type="application", status="filed", fields={"unit": "A座1203"})]
    lists = dossier_checklists("unit", docs, policy, WorkCalendar.load(None), today=date(2026, 3, 9))
    assert [cl.name for cl in lists] == ["unit_file"]
    assert {i.doc_type: i.status for i in lists[0].items} == {"move_in": "missing", "application": "present"}


def test_a_document_without_work_order_number_joins_the_visit_of_the_same_days(policy: Policy) -> None:
    docs = with_visits(
        [
            doc("work_order", order_number="WO7", job_type="minor_repair", date="2026-05-11"),
            doc("settlement", order_number="WO7", date="2026-05-12"),
            doc("loss_assessment", date="2026-05-11"),  # prints no work-order number
        ],
        policy,
    )
    lists = dossier_checklists("car", docs, policy, WorkCalendar.load(None), today=date(2026, 5, 20))
    visits = [cl for cl in lists if cl.visit]
    assert [cl.visit for cl in visits] == ["WO7"]
    assert "loss_assessment" in {i.doc_type for i in visits[0].items}


def test_unread_job_type_is_inferred_from_the_documents_present(policy: Policy) -> None:
    docs = with_visits([doc("first_service_card", order_number="WO8"), doc("work_order", order_number="WO8")], policy)
    lists = dossier_checklists("car", docs, policy, WorkCalendar.load(None), today=date(2026, 5, 20))
    visit = next(cl for cl in lists if cl.visit == "WO8")
    assert visit.name == "first_service"
    plain = with_visits([doc("work_order", order_number="WO9")], policy)
    visit = next(cl for cl in dossier_checklists("car", plain, policy, WorkCalendar.load(None), date(2026, 5, 20))
                 if cl.visit == "WO9")
    assert visit.name == policy.kinds["car"].default_job_type


def test_a_work_order_number_read_a_character_or_two_short_is_the_same_visit(policy: Policy) -> None:
    docs = with_visits(
        [
            doc("work_order", order_number="WO240729801", job_type="first_service", date="2026-05-11"),
            doc("first_service_card", order_number="WO24029801", date="2026-05-11"),  # the 7 dropped
            doc("settlement", order_number="WO240729801", date="2026-05-12"),
            # The dealer's next order, one digit on, is another visit; and a number one character
            # short of a visit months away is not that visit.
            doc("work_order", order_number="WO240729802", job_type="maintenance", date="2026-05-11"),
            doc("work_order", order_number="WO24729801", job_type="maintenance", date="2026-11-02"),
        ],
        policy,
    )
    lists = dossier_checklists("car", docs, policy, WorkCalendar.load(None), today=date(2026, 5, 20))
    visits = {cl.visit: cl for cl in lists if cl.visit}
    assert set(visits) == {"WO240729801", "WO240729802", "WO24729801"}
    first = {i.doc_type: i.status for i in visits["WO240729801"].items}
    assert first["first_service_card"] == "present" and first["settlement"] == "present"
    # A number whose end was lost (under a seal, past the paper's edge) is the visit it begins, unless
    # it begins two: then it is left for the clerk.
    cut = with_visits([doc("work_order", order_number="WO260810733", job_type="maintenance", date="2026-06-01"),
                       doc("settlement", order_number="WO2608107", date="2026-06-02")], policy)
    assert [cl.visit for cl in dossier_checklists("car", cut, policy, WorkCalendar.load(None), date(2026, 6, 9))
            if cl.visit] == ["WO260810733"]
    # The prefix read as digits (WO -> 10), or a number cut to two thirds: the same visit too.
    misread = with_visits([doc("work_order", order_number="WO231211870", job_type="maintenance", date="2026-06-01"),
                           doc("settlement", order_number="10231211870", date="2026-06-02"),
                           doc("reception_sheet", order_number="WO231211", date="2026-06-01")], policy)
    assert [cl.visit for cl in dossier_checklists("car", misread, policy, WorkCalendar.load(None), date(2026, 6, 9))
            if cl.visit] == ["WO231211870"]
    both = cut + with_visits([doc("work_order", order_number="WO260810734", job_type="maintenance",
                                  date="2026-06-01")], policy)
    assert len([cl for cl in dossier_checklists("car", both, policy, WorkCalendar.load(None), date(2026, 6, 9))
                if cl.visit]) == 3


def visit_numbers(policy: Policy, docs: list[StoredDocument]) -> list[str]:
    """The visits the car's checklists come out as, by work-order number."""
    lists = dossier_checklists("car", with_visits(docs, policy), policy, WorkCalendar.load(None), date(2026, 6, 9))
    return sorted(cl.visit for cl in lists if cl.visit)


def test_a_work_order_number_with_a_digit_misread_joins_its_visit_only_as_the_odd_one_out(policy: Policy) -> None:
    visit = [doc("work_order", order_number="RO230913888", job_type="maintenance", date="2026-06-01"),
             doc("settlement", order_number="RO230913888", date="2026-06-02")]
    # 3 read as 8 on the road-test record: the only paper of its number, of a type the visit lacks.
    road_test = doc("road_test", order_number="RO230918888", date="2026-06-01")
    assert visit_numbers(policy, [*visit, road_test]) == ["RO230913888"]
    # The same number on a second work order is a visit of its own (each visit has one work order) ...
    second = doc("work_order", order_number="RO230918888", job_type="minor_repair", date="2026-06-01")
    assert visit_numbers(policy, [*visit, second]) == ["RO230913888", "RO230918888"]
    # ... as is a number one on (neighbouring digits are the next order, not a misreading) ...
    assert visit_numbers(policy, [*visit, doc("road_test", order_number="RO230913889", date="2026-06-01")]) == [
        "RO230913888", "RO230913889"]
    # ... and a number misread on papers months from the visit.
    assert visit_numbers(policy, [*visit, doc("road_test", order_number="RO230918888", date="2026-11-01")]) == [
        "RO230913888", "RO230918888"]


def test_a_work_order_number_with_any_digit_misread_inside_joins_the_visit_of_that_very_day(policy: Policy) -> None:
    """Family e's e20261230_0041: the 12-point sheet of RO-20250708-815 read RO-20250208-815 (7 as 2, not a
    pair OCR often confuses), dated the visit's day: a visit of its own, four items wrong and the sheet
    missing from the real one."""
    visit = [doc("reception_sheet", order_number="RO-20250708-815", date="2025-07-08"),
             doc("work_order", order_number="RO-20250708-815", job_type="maintenance", date="2025-07-08"),
             doc("settlement", order_number="RO-20250708-815", date="2025-07-08")]
    sheet = doc("free_inspection_12", order_number="RO-20250208-815", date="2025-07-08")
    assert visit_numbers(policy, [*visit, sheet]) == ["RO-20250708-815"]
    # Dated another day, it proves nothing; nor does the last digit (the dealer's next order).
    assert visit_numbers(policy, [*visit, doc("free_inspection_12", order_number="RO-20250208-815", date="2025-07-09")]) == [
        "RO-20250208-815", "RO-20250708-815"]
    assert visit_numbers(policy, [*visit, doc("free_inspection_12", order_number="RO-20250708-816", date="2025-07-08")]) == [
        "RO-20250708-815", "RO-20250708-816"]


def test_a_work_order_number_cut_to_half_joins_its_visit_only_as_the_odd_one_out(policy: Policy) -> None:
    """RO24022 read for RO240221076 (seed 20261213: a first-service card made a visit of its own, one
    item present and four missing, and the real visit lacked it)."""
    visit = [doc("work_order", order_number="RO240221076", job_type="first_service", date="2026-06-01"),
             doc("settlement", order_number="RO240221076", date="2026-06-02")]
    card = doc("first_service_card", order_number="RO24022", date="2026-06-01")
    assert visit_numbers(policy, [*visit, card]) == ["RO240221076"]
    # Not a second work order, nor a start that fits two visits, nor fewer than half the characters.
    second = doc("work_order", order_number="RO24022", job_type="minor_repair", date="2026-06-01")
    assert visit_numbers(policy, [*visit, second]) == ["RO24022", "RO240221076"]
    other = [doc("work_order", order_number="RO240221090", job_type="minor_repair", date="2026-06-01")]
    assert visit_numbers(policy, [*visit, *other, card]) == ["RO24022", "RO240221076", "RO240221090"]
    short = doc("first_service_card", order_number="RO240", date="2026-06-01")
    assert visit_numbers(policy, [*visit, short]) == ["RO240", "RO240221076"]


def test_a_work_order_prefix_read_as_digits_with_a_digit_misread_joins_its_visit_as_the_odd_one_out(
        policy: Policy) -> None:
    """WO20240212964 read 11020240212904 on a badly scanned reception sheet (W as two strokes, 6 as 0):
    the sheet made a visit of its own and its visit lacked it."""
    visit = [doc("work_order", order_number="WO20240212964", job_type="first_service", date="2026-06-01"),
             doc("settlement", order_number="WO20240212964", date="2026-06-01")]
    sheet = doc("reception_sheet", order_number="11020240212904", date="2026-06-01")
    assert visit_numbers(policy, [*visit, sheet]) == ["WO20240212964"]
    # The prefix alone read as digits is the visit whatever the papers (no digit of the number is in doubt).
    second = doc("work_order", order_number="11020240212964", job_type="minor_repair", date="2026-06-01")
    assert visit_numbers(policy, [*visit, second]) == ["WO20240212964"]
    # A second work order with a digit misread too is another visit, as is a sheet of months later.
    third = doc("work_order", order_number="11020240212904", job_type="minor_repair", date="2026-06-01")
    assert visit_numbers(policy, [*visit, third]) == ["11020240212904", "WO20240212964"]
    late = doc("reception_sheet", order_number="11020240212904", date="2026-11-01")
    assert visit_numbers(policy, [*visit, late]) == ["11020240212904", "WO20240212964"]


def test_a_work_order_prefix_misread_around_the_same_digits_joins_its_visit_as_the_odd_one_out(
        policy: Policy) -> None:
    """JM241111322 read for JNW241111322 (N and W run together as M): the date and serial are the order's."""
    visit = [doc("work_order", order_number="JNW241111322", job_type="maintenance", date="2026-06-01"),
             doc("settlement", order_number="JNW241111322", date="2026-06-02")]
    readings = doc("tool_readings", order_number="JM241111322", date="2026-06-01")
    assert visit_numbers(policy, [*visit, readings]) == ["JNW241111322"]
    # A second work order of those digits under another prefix is an order of its own.
    second = doc("work_order", order_number="JM241111322", job_type="minor_repair", date="2026-06-01")
    assert visit_numbers(policy, [*visit, second]) == ["JM241111322", "JNW241111322"]


def test_a_paper_printing_no_work_order_joins_the_visit_scanned_with_it(policy: Policy) -> None:
    """A first-service card is dated the day the car was sold, weeks before its first service, and prints
    no work-order number: scanned in the visit's stack, it is that visit's card. Before, its date made it a
    visit of its own (every form missing) and left the visit's card missing."""
    stack = [doc("reception_sheet", order_number="RO-20240831-726", date="2024-08-31"),
             doc("work_order", order_number="RO-20240831-726", job_type="first_service", date="2024-08-31"),
             doc("settlement", order_number="RO-20240831-726", date="2024-08-31"),
             doc("first_service_card", date="2024-07-15"),
             doc("free_inspection_12", order_number="RO-20240831-726", date="2024-08-31")]
    for d in stack:
        d.sha256 = "stack"
    lists = dossier_checklists("car", with_visits(stack, policy), policy, WorkCalendar(), date(2024, 9, 1))
    visits = [cl for cl in lists if cl.visit]
    assert [cl.visit for cl in visits] == ["RO-20240831-726"] and visits[0].complete
    # Scanned on its own, it stays a visit of its own: nothing ties it to the visit weeks later.
    stack[3].sha256 = "card"
    lists = dossier_checklists("car", with_visits(stack, policy), policy, WorkCalendar(), date(2024, 9, 1))
    assert sorted(cl.visit or "" for cl in lists if cl.visit) == ["2024-07-15", "RO-20240831-726"]


def test_a_degraded_stack_read_two_ways_and_a_paper_with_nothing_read_are_one_visit(policy: Policy) -> None:
    """Family h's stack h20261260_070, every page bilevel and blurred: WX-20260922-058 read WX-20260022-058 on
    the add-on sheet (9 as 0), the settlement's date 2026 as 2020, the work order's number and date not at all.
    The two readings have one paper each (neither the odd one out) and the work order had no visit: four visits'
    worth of checklists, 16 items wrong. Scanned in one file, they are one visit."""
    stack = [doc("addon_sheet", order_number="WX-20260022-058"),
             doc("work_order"),
             doc("settlement", date="2020-09-22"),
             doc("free_inspection_12", order_number="WX-20260922-058", date="2026-09-22")]
    for d in stack:
        d.sha256 = "stack"
    lists = dossier_checklists("car", with_visits(stack, policy), policy, WorkCalendar(), date(2026, 10, 1))
    visits = [cl for cl in lists if cl.visit]
    assert len(visits) == 1
    present = {i.doc_type for i in visits[0].items if i.status == "present"}
    assert {"addon_sheet", "work_order", "settlement", "free_inspection_12"} <= present
    # Scanned apart, the two readings stay two visits (neither is the odd one out), and a paper on which
    # nothing was read joins no visit.
    for n, d in enumerate(stack):
        d.sha256 = f"scan{n}"
    lists = dossier_checklists("car", with_visits(stack, policy), policy, WorkCalendar(), date(2026, 10, 1))
    assert sorted(cl.visit or "" for cl in lists if cl.visit) == ["2020-09-22", "WX-20260022-058", "WX-20260922-058"]
    assert not any(i.status == "present" for cl in lists for i in cl.items if i.doc_type == "work_order")
