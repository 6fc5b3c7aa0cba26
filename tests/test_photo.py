"""A photo page among a batch's forms is typed by the photo type of their checklists (classify/photo.py)."""

from __future__ import annotations

from pathlib import Path

from dossier.classify.fields import extract_fields
from dossier.classify.photo import looks_like_photo, photo_types
from dossier.config import Settings
from dossier.models import PageResult, PageText
from dossier.policy import Policy
from dossier.store import open_sqlite
from dossier.worker.page_models import PageOutcome
from dossier.worker.pipeline import Pipeline, SourceJob
from tests.conftest import page

FORM = [page(("任务委托书", 70), *[f"维修项目 {i}：更换机油滤清器及空气滤清器，检查制动系统" for i in range(12)])]
CAPTION = [page("索赔旧件标签", "工单号：R2508310160", "VIN:LFV5ARPM4P4929426")]
BLANK_PHOTO = [PageText(width=1600, height=1200, words=[])]
Member = tuple[list[PageText], str | None, dict[str, str]]


def test_a_photo_among_a_visits_forms_is_the_damaged_parts_photo(policy: Policy) -> None:
    batch: list[Member] = [(FORM, "reception_sheet", {}), (FORM, "work_order", {}), (CAPTION, None, {}), (BLANK_PHOTO, None, {}), (FORM, "settlement", {})]
    assert photo_types(batch, policy) == [None, None, "damage_photo", "damage_photo", None]


def test_a_photo_among_a_new_cars_forms_is_the_handover_photo(policy: Policy) -> None:
    batch: list[Member] = [(FORM, "customer_card", {}), (FORM, "sales_contract", {}), ([page("恭喜王芳喜提爱车")], None, {})]
    assert photo_types(batch, policy) == [None, None, "delivery_photo"]


def test_a_photo_without_forms_of_a_kind_that_has_photos_stays_for_review(policy: Policy) -> None:
    # Alone, nothing says whose photo it is; a property unit's checklists hold no photo type; a batch of
    # a handover and a visit alike says nothing either.
    assert photo_types([(CAPTION, None, {})], policy) == [None]
    assert photo_types([(FORM, "move_in", {}), (FORM, "renovation", {}), (CAPTION, None, {})], policy) == [None, None, None]
    assert photo_types([(FORM, "customer_card", {}), (FORM, "work_order", {}), (CAPTION, None, {})], policy) == [None] * 3


def test_a_lone_photo_whose_tag_names_a_car_and_a_visit_is_the_damaged_parts_photo(policy: Policy) -> None:
    # The fields as extraction reads them off the tag: a VIN and a work-order number (a visit).
    tag = extract_fields(CAPTION[0].text, policy)
    assert photo_types([(CAPTION, None, tag)], policy) == ["damage_photo"]
    # A VIN alone does not say handover or visit; a caption of congratulations holds no key at all.
    assert photo_types([(CAPTION, None, {"vin": tag["vin"]})], policy) == [None]
    congrats = [page("恭喜王芳喜提爱车")]
    assert photo_types([(congrats, None, extract_fields(congrats[0].text, policy))], policy) == [None]


def test_an_untyped_form_or_a_short_letter_is_no_photo(policy: Policy) -> None:
    letter = [page(("告知函", 70), "致：1号楼1203室业主", "关于本月停水安排，", "请各位业主提前储水。",
                   "如有不便，敬请谅解。", "此致", "物业服务中心", "2026年3月5日", "联系电话：88886666")]
    assert not looks_like_photo(letter)
    assert not looks_like_photo(FORM)
    assert not looks_like_photo(CAPTION + CAPTION)  # two pages are a document, not a photo
    assert photo_types([(FORM, "work_order", {}), (letter, None, {}), (FORM, "settlement", {})], policy) == [None] * 3


def test_the_pipeline_files_a_visits_photo_page_into_the_visits_dossier(policy: Policy, tmp_path: Path) -> None:
    # Readings as the page workers return them (no OCR here: tests/test_pipeline.py reads real scans),
    # through segmentation, classification, the photo rule, dossier resolution and the SQLite commit.
    vin, order = "LFV5ARPM4P4929426", "R2508310160"
    forms = [
        page(("接车单", 70), f"车架号：{vin}", f"工单号：{order}", "进厂里程：12000", "油量：1/2", "客户描述：异响"),
        page(("任务委托书", 70), f"车架号：{vin}", f"工单号：{order}", "维修类型：索赔", "维修项目：更换水泵", "工时：2"),
        PageText(width=1600, height=1200, words=[]),
        page(("结算单", 70), f"车架号：{vin}", f"工单号：{order}", "工时费：300", "材料费：920", "合计：1220"),
    ]
    home = tmp_path / "home"
    settings = Settings(home=home, database_url=None, redis_url=None, opensearch_url=None)
    store = open_sqlite(settings.db_path)
    try:
        job = SourceJob(given="visit.pdf", path=tmp_path / "visit.pdf", sha="0" * 64, fmt="pdf",
                        archived=tmp_path / "visit.pdf", page_count=len(forms),
                        outcomes=[PageOutcome(page=PageResult(index=i + 1, text=p)) for i, p in enumerate(forms)])
        docs = Pipeline(settings, store, policy).finish(job)
    finally:
        store.close()
    assert [d.doc_type for d in docs] == ["reception_sheet", "work_order", "damage_photo", "settlement"]
    photo = docs[2]
    assert photo.status == "filed" and photo.dossier is not None and photo.dossier.key == vin


def test_a_short_form_with_places_to_sign_is_no_photo_of_its_batch(policy: Policy) -> None:
    short_form = [page("精品加装确认表", "车架号：LFV5ARPM4P4929426", "客户签字：", "销售顾问签字：")]
    assert not looks_like_photo(short_form)
    batch: list[Member] = [(FORM, "customer_card", {}), (FORM, "sales_contract", {}), (short_form, None, {})]
    assert photo_types(batch, policy) == [None, None, None]
    # A handover photo's caption with a VIN still is one.
    caption = [page("交车照片", "车架号：LFV5ARPM4P4929426")]
    assert photo_types(batch[:2] + [(caption, None, {})], policy) == [None, None, "delivery_photo"]


def test_a_page_titled_like_a_form_is_no_photo_of_its_batch(policy: Policy) -> None:
    # A faint scan of a handover checklist read as its title and two lines: too little text for the title
    # rule to type it, yet a form's title line says it is no photo (it would tick the photo item wrongly).
    faint_form = [page(("交车服务检查单", 70), "外观 良好", "内饰 良好")]
    assert looks_like_photo(faint_form) and not looks_like_photo(faint_form, policy)
    batch: list[Member] = [(FORM, "customer_card", {}), (FORM, "sales_contract", {}), (faint_form, None, {})]
    assert photo_types(batch, policy) == [None, None, None]
    # A photo's own caption names a photo type, not a form: still the handover photo.
    caption = [page(("交车照片", 70), "车架号：LFV5ARPM4P4929426")]
    assert photo_types(batch[:2] + [(caption, None, {})], policy) == [None, None, "delivery_photo"]


def test_a_copy_under_a_documents_heading_is_no_photo_of_its_batch(policy: Policy) -> None:
    # f20261240_0013 page 5: an ID card copy under its heading, its picture unread. Typed as the handover photo
    # before (filed wrongly); a heading ending as a document's title does (复印件, 证明) says it is a paper.
    batch: list[Member] = [(FORM, "customer_card", {}), (FORM, "sales_contract", {})]
    for heading in ["上汽通用别克身份证正反面复印件", "上汽通用别克证明"]:
        copy = [page((heading, 70), "引鑫")]
        assert photo_types([*batch, (copy, None, {})], policy) == [None, None, None]
    # A caption congratulating the buyer is no paper's heading: still the handover photo.
    caption = [page(("恭喜袁先生/女士喜提爱车", 70))]
    assert photo_types([*batch, (caption, None, {})], policy) == [None, None, "delivery_photo"]


def test_a_caption_naming_a_damaged_part_is_still_a_photo_of_its_batch(policy: Policy) -> None:
    # 损坏零件 ends in 件 as 身份证复印件 does, but in the words of the damage photo's own title (损坏零件照片): a
    # caption of what the picture shows, not a paper's heading. A visit's damage photo still.
    batch: list[Member] = [(FORM, "work_order", {}), (FORM, "settlement", {})]
    caption = [page(("损坏零件", 70), "2026/05/02 08:41")]
    assert photo_types([*batch, (caption, None, {})], policy)[2] == "damage_photo"
