"""Classification and segmentation over OCR output (the reading itself is tested in test_ocr)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dossier.classify.doctype import classify, kind_checked, names_a_form, title_scores
from dossier.classify.fields import extract_fields
from dossier.classify.segment import segment
from dossier.classify.textmodel import default_model
from dossier.config import Settings
from dossier.models import PageResult, PageText
from dossier.policy import Policy
from dossier.store import open_sqlite
from dossier.worker.page_models import PageOutcome
from dossier.worker.pipeline import Pipeline, SourceJob
from tests.conftest import page

THRESHOLD = 0.72


def test_every_document_type_is_recognised_by_each_of_its_titles(policy: Policy) -> None:
    for code, dt in policy.doc_types.items():
        for title in dt.titles:
            body = [*dt.keywords[:3], "日期：2026年3月5日"]
            result = classify([page((title, 70), *body)], policy, THRESHOLD)
            assert result.doc_type == code, f"{title} -> {result.doc_type} ({result.reason})"
            assert result.confidence >= THRESHOLD


@pytest.mark.parametrize(
    "title, expected",
    [("交车检查夫", "delivery_checklist"), ("新车交车确认車", "delivery_checklist"), ("任务委托菩", "work_order")],
)
def test_an_ocr_error_in_the_title_is_tolerated(policy: Policy, title: str, expected: str) -> None:
    dt = policy.doc_types[expected]
    result = classify([page((title, 70), *dt.keywords[:3])], policy, THRESHOLD)
    assert result.doc_type == expected


def test_near_identical_titles_of_different_types_stay_apart(policy: Policy) -> None:
    assert classify([page(("接车检查单", 70), "进厂里程", "油量")], policy, THRESHOLD).doc_type == "reception_sheet"
    assert classify([page(("交车检查单", 70), "交车日期", "外观")], policy, THRESHOLD).doc_type == "delivery_checklist"
    assert classify([page(("新车PDI检查表", 70), "胎压", "油液")], policy, THRESHOLD).doc_type == "pdi_checklist"


def test_traditional_script_titles(policy: Policy) -> None:
    assert classify([page(("交車檢查表", 70), "交車日期", "外觀")], policy, THRESHOLD).doc_type == "delivery_checklist"
    assert classify([page(("維修結算單", 70), "工時費", "合計")], policy, THRESHOLD).doc_type == "settlement"


def test_a_traditional_title_read_without_the_characters_rapidocr_lacks(policy: Policy) -> None:
    # RapidOCR cannot emit 駛 or 險: 行駛證 comes back 行證, 保險單 as 保單 (seen on generated scans).
    vehicle_license = page(("行證", 70), "號牌號碼：鄂AF17923", "車輛識別代號：LRWANJTR5RV687639", "發證日期：2024-09-21")
    assert classify([vehicle_license], policy, THRESHOLD).doc_type == "vehicle_license"
    insurance = page(("保單", 70), "保單號：PEAA2024809", "被保险人 豐澤達", "保險期間自2024年9月16日")
    assert classify([insurance], policy, THRESHOLD).doc_type == "insurance_policy"
    delivery = page(("交車檢查表", 70), "客戶姓名", "交車日期2024/09/16")
    assert segment([delivery, vehicle_license, insurance], policy) == [[0], [1], [2]]


def test_a_two_character_title_read_as_one_names_the_page_only_as_its_own_large_line(policy: Policy) -> None:
    # 綠卡 (the dealer's green customer card) comes back 卡: RapidOCR cannot emit 綠.
    card: list[str | tuple[str, int]] = ["廣州遠航汽車銷售服務有限公司", ("卡", 70), "客戶姓名 張偉", "聯繫人 杜博欣 手機 15037687141",
            "固定電話 (020)42920708", "地址 廣州市天河區中山大道560號"]
    assert classify([page(*card)], policy, THRESHOLD).doc_type == "customer_card"
    as_body_text = [card[0], "卡", *card[2:]]  # a line 卡 printed as body text names nothing (to the title rule;
    # the text model knows a customer card by its body)
    assert classify([page(*as_body_text)], policy, THRESHOLD, model=None).doc_type is None
    assert classify([page(("卡", 70), "备注")], policy, THRESHOLD).doc_type is None  # and alone it is too weak


def test_the_list_of_characters_rapidocr_lacks_matches_the_installed_model(policy: Policy) -> None:
    from pathlib import Path

    import rapidocr_onnxruntime
    from onnxruntime import InferenceSession

    from dossier.classify.fields import LABELS
    from dossier.classify.hanzi import RAPIDOCR_MISSING, to_hant

    model = Path(rapidocr_onnxruntime.__file__).parent / "models" / "ch_PP-OCRv4_rec_infer.onnx"
    known = set(InferenceSession(str(model)).get_modelmeta().custom_metadata_map["character"].splitlines())
    vocabulary = [w for dt in policy.doc_types.values() for w in dt.titles + dt.keywords
                  + [lbl for rule in dt.signatures for lbl in rule.labels]]
    vocabulary += [form for group in LABELS.values() for lbl in group for form in (lbl, to_hant(lbl))]
    assert {ch for w in vocabulary for ch in w if ch not in known} == set(RAPIDOCR_MISSING)


def test_something_else_is_needs_review_not_forced_into_a_type(policy: Policy) -> None:
    screenshot = page(("微信", 50), "张经理：明天下午三点来提车吧", "好的，合同我带过去", "[图片]")
    result = classify([screenshot], policy, THRESHOLD)
    assert result.doc_type is None
    assert result.reason


def test_a_title_mentioned_in_a_sentence_is_not_a_title(policy: Policy) -> None:
    letter = page(("关于提车事宜的说明", 60), "请客户于三日内携带销售合同原件及身份证到店办理相关手续，谢谢配合")
    result = classify([letter], policy, THRESHOLD)
    assert result.doc_type != "sales_contract"


def test_blank_page_is_needs_review(policy: Policy) -> None:
    result = classify([page()], policy, THRESHOLD)
    assert result.doc_type is None and result.confidence == 0


def test_id_card_front_without_title_is_identified_by_its_fixed_labels(policy: Policy) -> None:
    front = page("姓名 张伟", "性别 男 民族 汉", "出生 1985年3月2日", "住址 上海市浦东新区", "公民身份号码 110101198503020016")
    assert classify([front], policy, THRESHOLD).doc_type == "id_copy"


def test_uncertain_result_carries_guesses(policy: Policy) -> None:
    result = classify([page(("检查表", 70))], policy, THRESHOLD)
    assert result.doc_type is None
    assert result.guesses and "检查" in (result.reason or "") or result.reason


def test_segmentation_splits_a_handover_batch(policy: Policy) -> None:
    pages = [
        page(("汽车销售合同", 70), "甲方", "乙方"),
        page("第二条 车辆价款", "违约责任"),  # continuation, no title
        page(("交车检查表", 70), "交车日期"),
        page(("机动车销售统一发票", 70), "价税合计"),
        page(("汽车销售合同（续）", 70), "第2页"),  # repeated title of the same type, marked as continued
    ]
    assert segment(pages, policy) == [[0, 1], [2], [3], [4]]


def test_repeated_title_marked_continued_joins_the_same_document(policy: Policy) -> None:
    pages = [page(("汽车销售合同", 70), "甲方"), page(("汽车销售合同（续）", 70), "违约责任")]
    assert segment(pages, policy) == [[0, 1]]


def test_an_id_card_copy_without_title_starts_its_own_document_in_a_batch(policy: Policy) -> None:
    pages = [
        page(("汽车销售合同", 70), "甲方", "乙方"),
        page("姓名 张伟", "性别 男 民族 汉", "出生 1985年3月2日", "公民身份号码 110101198503020016"),
        page(("交车检查表", 70), "交车日期"),
    ]
    assert segment(pages, policy) == [[0], [1], [2]]


def test_a_contract_page_naming_a_company_is_not_an_id_copy(policy: Policy) -> None:
    contract_page = page("出卖人：某某汽车销售服务有限公司", "统一社会信用代码：91310000MA1FL0000X", "法定代表人：李强")
    assert segment([page(("汽车销售合同", 70), "甲方"), contract_page], policy) == [[0, 1]]


# --- titles the policy does not know: segmentation by layout --------------------------------------------

def test_pages_headed_by_titles_no_policy_knows_start_documents_of_their_own(policy: Policy) -> None:
    pages = [
        page(("车辆置换补贴确认函", 70), "置换车主：张伟", "原车号牌：沪A12345", "补贴金额：3000元"),
        page(("延保服务登记表", 70), "车架号：LSVAM4187C2184527", "延保期限：三年", "客户签名："),
        page(("精品加装明细单", 70), "脚垫 一套", "行车记录仪 一台", "合计：1280元"),
    ]
    assert segment(pages, policy) == [[0], [1], [2]]


def test_a_title_under_a_letterhead_and_its_english_rendering_starts_a_document(policy: Policy) -> None:
    # Two letterhead rows and the title's English over it: the title is still among the page's first rows
    # (a row with no Chinese is not one), so each form of the stack is a document of its own.
    head = [("某某物业服务中心", 50), ("某某物业管理有限公司", 50)]
    pages = [
        page(*head, ("MOVE-IN HANDOVER", 50), ("业户房屋交接确认书", 70), "房号：A座1201", "交付日期：2025年2月10日"),
        page(*head, ("LETTER", 50), ("装修竣工验收通知", 70), "贵司A座1201单元装修已竣工，请约定验收时间。", "特此函告"),
        page(*head, ("FIT-OUT PERMIT", 50), ("装修施工许可证", 70), "施工单位：某某装饰有限公司", "施工期：30天"),
    ]
    assert segment(pages, policy) == [[0], [1], [2]]


def test_a_later_page_of_an_unknown_form_stays_with_it(policy: Policy) -> None:
    """A letterhead repeated on every page, a signature block printed large with its labels, a page
    numbered as the second: none of these is a new document."""
    head = ("上海某某汽车销售服务有限公司", 70)
    pages = [
        page(head, ("车辆置换补贴确认函", 70), "置换车主：张伟", "原车号牌：沪A12345"),
        page(head, "三、补贴发放", "补贴以银行转账方式发放", "四、其他约定"),
        page(("甲方（盖章）：乙方：", 80), "销售顾问：买受人签字：", "签订日期：2025年10月19日", "第 2 页  共 2 页"),
        page(("交车后回访记录", 70), "回访日期：2025年11月2日", "客户满意度：满意", "回访人："),
    ]
    assert segment(pages, policy) == [[0, 1, 2], [3]]


def test_a_title_and_the_text_model_agreeing_file_a_document_below_the_threshold(policy: Policy) -> None:
    # 告知函 is no title of the policy's; it names correspondence weakly, and the body reads like a letter
    # to the text model too: two readings of different evidence agree, so the document is filed, not queued.
    agreed = classify([page(("告知函", 70), "关于本月停水安排，请各位业主提前储水。", "特此函告")], policy, 0.9)
    assert agreed.doc_type == "correspondence"
    assert agreed.confidence < 0.9
    # The same weak title with a body the model takes for something else (a repair's lines) waits for a clerk.
    alone = classify([page(("告知函", 70), "维修项目 工时费", "合计 280.00")], policy, 0.9)
    assert alone.doc_type is None
    assert alone.guesses[0][0] == "correspondence"


@pytest.mark.parametrize("title, body, pair", [
    ("客户资料卡", ["PDI", "检查项目", "胎压", "油液", "轮胎", "灯光", "电瓶"], {"customer_card", "pdi_checklist"}),
    ("汽车销售合同", ["维修类型", "维修项目", "工时", "預計交車"], {"sales_contract", "work_order"}),
])
def test_a_title_of_one_type_over_the_body_of_another_waits_with_both_guesses(
    policy: Policy, title: str, body: list[str], pair: set[str]
) -> None:
    # The title line says one type, the body (to the text model) another, each as sure as the other:
    # filing under the slightly higher score would be a coin toss (dossier/policies/tuning/doctype.yaml, margin
    # and title_names).
    result = classify([page((title, 70), *body)], policy, THRESHOLD)
    assert result.doc_type is None
    assert {code for code, _ in result.guesses[:2]} == pair


@pytest.mark.parametrize("title", ["车辆交接确认单", "精品加装确认表", "客户回访登记", "延保服务申请单"])
def test_a_short_unknown_form_with_places_to_sign_is_never_filed_as_a_photo(policy: Policy, title: str) -> None:
    # A title, a VIN line and two signature labels: a model that learnt from captions alone as short texts
    # read it as a handover photo's (0.9 and more), but a photo has no place to sign: no photo type among its
    # guesses. 车辆交接确认单 and 精品加装确认表 read as a delivery checklist (确认单/确认表; the second a
    # doubtful reading, 0.71), 延保服务申请单 as a unit's application (申请单): gaps noted in issue 18.
    form = [page((title, 70), "车架号：LFV5ARPM4P4929426", "客户签字：", "销售顾问签字：")]
    result = classify(form, policy, 0.65)
    assert not any(policy.doc_types[c].photo for c, _ in result.guesses)
    if title == "客户回访登记":
        assert result.doc_type is None
    # The same lines without the signature labels are a caption, and the model may still say so -- unless
    # the title line names a form (车辆交接确认单 reads like 交车确认单): a form's title is no photo either.
    caption_page = page((title, 70), "车架号：LFV5ARPM4P4929426")
    caption = classify([caption_page], policy, 0.65)
    photo_guess = any(policy.doc_types[c].photo for c, _ in caption.guesses)
    assert photo_guess != names_a_form(title_scores(caption_page, policy), policy)


PRICED_BODY = ["工单号：WO2025061201", "车架号：LFV5ARPM4P4929426", "车牌号：京A12345", "项目名称 类别 数量 金额（元）",
               "更换机油 工时 1 200.00", "机油滤清器 配件 1 80.00", "合计 280.00", "应收金额（大写）：贰佰捌拾元整",
               "客户签字：", "服务顾问签字："]


@pytest.mark.parametrize("title", ["维修估价单", "维修估价确认单", "费用估价单"])
def test_a_title_naming_an_estimate_over_a_settlements_priced_lines_is_never_a_settlement(
        policy: Policy, title: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # An estimate's priced lines read like a settlement's to the model (0.99 for a model of bodies alone; one
    # that also learnt each form's title with the lines under it, dossier/training.py head, reads the title
    # line too and may say estimate). The two readings disagreeing is no decision: review; never a settlement
    # filed -- at title_names 0.65, as a site that would rather check more than file wrongly sets it (0.75 by
    # default: policies/tuning/doctype.yaml).
    monkeypatch.setenv("DOSSIER_TUNE", "doctype.title_names=0.65")
    result = classify([page("某某汽车销售服务有限公司", (title, 70), *PRICED_BODY)], policy, 0.65)
    assert result.doc_type in (None, "estimate")
    assert "estimate" in {c for c, _ in result.guesses[:2]}


@pytest.mark.parametrize("title", ["增加作业项目通知单", "追加项目通知单"])
def test_a_priced_body_under_a_heading_that_reads_as_another_type_waits(policy: Policy, title: str) -> None:
    # Family e's add-on sheet (e20261230_0008) under a title no policy knows: its lines of work and parts with
    # prices read as a settlement to the model (0.99), which learnt such lines under settlements' titles
    # only, and it was filed as one. Its heading, read alone, is an add-on sheet's: review, with that guess.
    result = classify([page("某某汽车销售服务有限公司", (title, 70), *PRICED_BODY)], policy, 0.65)
    assert result.doc_type is None
    assert "addon_sheet" in {c for c, _ in result.guesses}


def test_the_heading_is_the_title_not_a_logo_or_a_checklist_row_printed_larger(policy: Policy) -> None:
    # Family g's add-on sheet (g20261250_048) as OCR read it: the brand's logo line boxed taller than the title,
    # the issuer's name and an English rendering between them. The logo names no paper; the title does.
    result = classify([page(("金轮金轮一汽丰田", 90), "成都金轮丰田汽车销售服务有限公司", "ADDITIONAL WORK APPROVAL",
                            "增加维修项目确认书", *PRICED_BODY)], policy, 0.65)
    assert result.doc_type is None
    assert "addon_sheet" in {c for c, _ in result.guesses}


@pytest.mark.parametrize("title", ["出厂结算凭证", "客户结算凭证", "汽车维修费用清单"])
def test_a_priced_body_under_an_unknown_heading_of_its_own_type_is_filed(policy: Policy, title: str) -> None:
    # Settlements under titles no policy knows (families d, e and b): the heading reads as a settlement or
    # as nothing else more, so the body's reading stands.
    result = classify([page("某某汽车销售服务有限公司", (title, 70), *PRICED_BODY)], policy, 0.65)
    assert result.doc_type == "settlement"


def test_the_same_body_under_its_own_title_is_filed(policy: Policy) -> None:
    result = classify([page("某某汽车销售服务有限公司", ("维修结算单", 70), *PRICED_BODY)], policy, 0.65)
    assert result.doc_type == "settlement"


def test_a_short_form_under_its_own_title_is_typed_and_not_read_as_a_photo(policy: Policy) -> None:
    # Five lines with a VIN read to a model that knew short texts only as captions like a photo's (it was
    # sure); learnt with each form's head (dossier/training.py) it reads the form. A page with places to
    # sign is no photo either way, so no photo's certainty can silence the form's own strong title.
    lines = ["车架号：LBVVV9R53R5856318", "交车日期：2026年3月12日", "客户签字：", "销售顾问签字："]
    model = default_model()
    assert model is not None
    probs = model.probabilities("\n".join(["交车检查表", *lines]))
    assert not policy.doc_types[max((c for c in probs if c in policy.doc_types), key=probs.__getitem__)].photo
    form = classify([page(("交车检查表", 70), *lines)], policy, 0.65)
    assert form.doc_type == "delivery_checklist"
    assert not any(policy.doc_types[c].photo for c, _ in form.guesses)


def _typed_with_keys(lines: list[str | tuple[str, int]], policy: Policy) -> str | None:
    """The type a document keeps once its keys are read, as the pipeline files it (worker/pipeline.py)."""
    pages = [page(*lines)]
    cls = classify(pages, policy, 0.65)
    return kind_checked(cls, extract_fields("\n".join(p.text for p in pages), policy), policy).doc_type


WARRANTY_APPLICATION: list[str | tuple[str, int]] = [
    ("延保服务申请单", 70), "车架号：LFV5ARPM4P4929426", "申请事项：延长保修", "申请人签字：", "经办人签字："]


def test_a_car_form_typed_as_a_units_application_waits(policy: Policy) -> None:
    # 申请单 is a unit's application title, and the model reads the form so; its VIN and no unit number say
    # it is a car's. Filed, it would tick a unit checklist item that belongs to no unit: review instead.
    assert classify([page(*WARRANTY_APPLICATION)], policy, 0.65).doc_type == "application"
    assert _typed_with_keys(WARRANTY_APPLICATION, policy) is None


def test_the_pipeline_holds_a_type_its_keys_deny_for_review(policy: Policy, tmp_path: Path) -> None:
    # Through segmentation, classification, field reading and the SQLite commit (worker/pipeline.py).
    settings = Settings(home=tmp_path / "home", database_url=None, redis_url=None, opensearch_url=None)
    store = open_sqlite(settings.db_path)
    try:
        job = SourceJob(given="a.pdf", path=tmp_path / "a.pdf", sha="0" * 64, fmt="pdf", archived=tmp_path / "a.pdf",
                        page_count=1, outcomes=[PageOutcome(page=PageResult(index=1, text=page(*WARRANTY_APPLICATION)))])
        [doc] = Pipeline(settings, store, policy).finish(job)
    finally:
        store.close()
    assert doc.doc_type is None and doc.status == "needs_review"
    assert doc.guesses[0][0] == "application" and doc.reason and "一车一档" in doc.reason


def test_a_unit_form_whose_heading_reads_like_a_car_form_is_filed_by_its_keys(policy: Policy, tmp_path: Path) -> None:
    # fj20261280-048 as RapidOCR read it: 入住交接單 (read 人住交接单) reads a little like 接车单 (0.61), so the car's
    # reception sheet stood as a close second to the model's move-in reading and the form waited. Its unit number
    # and no VIN or plate rule the car's types out: filed under move-in, through the pipeline.
    data = json.loads((Path(__file__).parent / "corpus" / "readings" / "move_in_handover_traditional.json").read_text(encoding="utf-8"))
    pages = [PageText.model_validate(p) for p in data["pages"]]
    held = classify(pages, policy, 0.65)
    assert held.doc_type is None and [c for c, _ in held.guesses[:2]] == ["move_in", "reception_sheet"]
    settings = Settings(home=tmp_path / "home", database_url=None, redis_url=None, opensearch_url=None)
    store = open_sqlite(settings.db_path)
    try:
        job = SourceJob(given="a.png", path=tmp_path / "a.png", sha="0" * 64, fmt="png", archived=tmp_path / "a.png",
                        page_count=1, outcomes=[PageOutcome(page=PageResult(index=1, text=pages[0]))])
        [doc] = Pipeline(settings, store, policy).finish(job)
    finally:
        store.close()
    assert doc.doc_type == "move_in" and doc.status == "filed"
    # A car form the model reads as a unit's type still waits (the test above): only a likeness to the other kind
    # beside the reading the keys allow is set aside.


def test_a_units_parking_application_with_a_plate_stays_the_units(policy: Policy) -> None:
    # A plate beside the unit number: the unit's own key is there, so the plate does not move it.
    form: list[str | tuple[str, int]] = [("车位申请单", 70), "房号：3-2-1101", "车牌号：京A12345",
                                         "申请事项：月租车位", "申请人签字：", "经办人签字："]
    assert _typed_with_keys(form, policy) == "application"


CONTRACT_BODY = ["甲方（出卖人）：某某汽车销售服务有限公司", "乙方（买受人）：王芳", "车架号：LFV5ARPM4P4929426",
                 "车辆价款：人民币壹拾伍万元整", "违约责任：任何一方违约应赔偿对方损失", "买受人签字：", "销售顾问签字："]


def test_a_title_like_a_type_of_another_dossier_kind_does_not_hold_back_the_model(policy: Policy) -> None:
    # 购车申请单 reads like a unit's 申请单 (0.8), the body is plainly a car's sales contract: a likeness to
    # a type the document cannot be (another dossier kind) is no disagreement, so the contract is filed.
    result = classify([page(("某某汽车购车申请单", 70), *CONTRACT_BODY)], policy, 0.65)
    assert result.doc_type == "sales_contract"


def test_a_title_naming_a_type_of_the_same_kind_over_another_types_body_waits(policy: Policy) -> None:
    # The default rule (tuning/doctype.yaml title_names): a title line naming an estimate strongly, the model
    # a settlement whose title the line does not name as well -- review, not a silently wrong checklist item.
    result = classify([page("某某汽车销售服务有限公司", ("维修估算单", 70), *PRICED_BODY)], policy, 0.65)
    assert result.doc_type is None
    assert result.guesses[0][0] == "settlement"


# Two forms of one visit whose titles share their line with the dealer's name (read as weak titles), so that
# segmentation joined them: each page alone reads plainly as its own form.
RECEPTION_PAGE = ["宏图汽车车辆进厂登记表宏图北京现代4S店", "委托书号：20250529808", "送修人：史亮 手机号码：18579781371",
                  "车牌号：鲁BXMZ26 底盘号：LVSNN4RKXLZ621347", "行驶里程：3379 km 到店时间：2025-05-08",
                  "客户描述：行驶中制动有异响，请检查。", "环车检查：外观 内饰 油量 贵重物品", "接待员签字：", "客户签字："]
SETTLEMENT_PAGE = ["宏图汽车出厂结算单宏图北京现代4S店", "维修单号：20250529808", "客户名称：史亮 车牌号：鲁BXMZ26",
                   "序号 项目/配件 数量 金额（元）", "1 底盘螺栓紧固 1 327.00", "2 更换机油机滤 1 318.00", "工时费合计 645.00",
                   "材料费合计 0.00", "结算金额合计：645.00", "收款员签字：", "客户签字："]


def test_pages_that_read_as_different_forms_wait_as_one_document(policy: Policy) -> None:
    # Filed under one type, the other form would silently be missing from its checklist: review, and say why.
    joined = classify([page(*RECEPTION_PAGE), page(*SETTLEMENT_PAGE)], policy, 0.65)
    assert joined.doc_type is None
    assert "页" in (joined.reason or "") and "page" in (joined.reason or "")
    # Each page alone is typed; a form's second page that reads as nothing much stays with it.
    assert classify([page(*SETTLEMENT_PAGE)], policy, 0.65).doc_type == "settlement"
    two = classify([page(("汽车销售合同", 70), *CONTRACT_BODY), page("第五条 争议解决", "本合同一式两份，双方各执一份。")],
                   policy, 0.65)
    assert two.doc_type == "sales_contract"


def test_a_page_headed_by_a_forms_title_is_never_typed_as_a_photo(policy: Policy) -> None:
    # A title over four lines: short as a photo's caption, and a caption's dealer name (某某汽车销售服务有限公司)
    # shares 汽车销售 with the title. A form's title line says it is no photo, for the model as for its batch.
    short = [page(("汽车销售合同", 70), "甲方", "乙方", "车辆价款", "日期：2026年3月5日")]
    result = classify(short, policy, 0.65)
    assert result.doc_type == "sales_contract"
    assert not any(policy.doc_types[c].photo for c, _ in result.guesses)


def test_a_known_title_after_the_issuers_name_on_the_heading_line_names_the_page(policy: Policy) -> None:
    # Sites print their own name before the title on one line: the title ends the heading, and the words
    # before it (the issuer) are no reason to doubt it. The same title inside a sentence names nothing.
    body = ["施工单位：某某装饰工程有限公司", "装修期限：2025年3月1日至3月30日", "装修押金：5000元", "业主签字："]
    headed = page(("华信物业管理有限公司装修申请表", 70), *body)
    assert title_scores(headed, policy)["renovation"] >= 0.85
    assert classify([headed], policy, THRESHOLD).doc_type == "renovation"
    mention = page("业主须于进场前三日内向管理处提交装修申请表", *body)
    assert title_scores(mention, policy).get("renovation", 0.0) < 0.6


WORK_ORDER_PAGE = ["委托书号：WO2025061201", "车牌号：京A12345 车架号：LFV5ARPM4P4929426", "维修类型：保养",
                   "维修项目 工时 预计交车：2025-06-12", "更换机油机滤 1.0", "服务顾问签字：", "客户签字："]
TERMS_PAGE = ["第一条 客户应如实告知车辆故障及维修历史，车内贵重物品请自行保管，遗失概不负责。",
              "第二条 维修中发现需增加项目或费用超出估算的，承修方须征得客户同意并签署增项单后方可施工。",
              "第三条 车辆修竣后客户应在接到通知后3日内提车，逾期按每日50元收取停车保管费。",
              "第四条 本委托书一式两份，双方各执一份，自双方签字之日起生效。", "客户已阅读并同意上述条款", "客户签名确认："]


def test_a_forms_printed_terms_on_a_later_page_stay_with_it(policy: Policy) -> None:
    # Clauses read like a contract's to the text model, but a page with no heading of its own is the form's
    # continuation: the work order is filed, not held as two documents joined.
    result = classify([page(("维修委托书", 70), *WORK_ORDER_PAGE), page(*TERMS_PAGE)], policy, 0.65)
    assert result.doc_type == "work_order", result.reason


def test_a_heading_ending_in_a_head_noun_only_one_types_titles_end_in_names_that_type(policy: Policy) -> None:
    # Every correspondence title ends in 函 and no other type's does: a site's own letter heading (关于…的函)
    # names a letter, weakly, and with a body read as a letter too the document is filed.
    letter = page(("关于地下车库照明改造施工安排的函", 70), "尊敬的业主：", "因照明改造，地下车库B区将于本周六暂停使用。",
                  "敬请谅解。", "某某物业管理处", "2025年5月6日")
    assert title_scores(letter, policy).get("correspondence", 0.0) >= 0.6
    assert classify([letter], policy, 0.65).doc_type == "correspondence"
    # The same words as a line of body size say nothing.
    aside = page("业主须知", "详见物业管理处发出的关于地下车库照明改造施工安排的函", "请各位业主留意")
    assert title_scores(aside, policy).get("correspondence", 0.0) < 0.6



def test_a_title_ending_a_row_of_field_values_is_no_heading(policy: Policy) -> None:
    # A table row's last value may read like a known title (服务类型 首次保养 ~ 首次保养凭证), and OCR boxes a
    # row as tall as a heading. An issuer's name before a title holds no figure; a row of fields does (a VIN,
    # a mileage), so the row names no first-service card and the settlement under it is filed.
    row = ("车辆识别代号 LFV5ARPM4P4929426 进厂里程 2618km 服务类型 首次保养", 56)
    settlement = page("某某汽车销售服务有限公司", ("结算单", 70), row, *PRICED_BODY[3:])
    assert title_scores(settlement, policy).get("first_service_card", 0.0) < 0.6
    card = page(("某某汽车销售服务有限公司首次保养凭证", 70), "首保里程：3000km", "经销商：某某汽车", "客户签字：")
    assert title_scores(card, policy)["first_service_card"] >= 0.85
    # A dealer's 4S店 is a name, not a value: its title still heads the page.
    order = page(("宏图北京现代4S店维修工单", 70), *WORK_ORDER_PAGE)
    assert title_scores(order, policy)["work_order"] >= 0.85


def test_a_document_a_checklist_row_lists_does_not_hold_back_the_form(policy: Policy) -> None:
    # A delivery checklist lists the papers handed over; a row near the top may end in one's title (使用说明书
    # 车辆合格证). Only a title printed as a heading disagrees with the model: the checklist is filed.
    rows = ["客户名称：王芳 联系电话：15880912816", "车辆识别代号：LFV5ARPM4P4929426 交车日期：2025-04-04",
            "请逐项确认", "购车发票 导航及蓝牙设置", "随车工具 保修手册 三包凭证", "使用说明书 车辆合格证",
            "首保时间告知 车辆外观确认", "外观 内饰 随车工具 交车日期", "客户签字：", "销售顾问签字："]
    checklist = page(("新车交付确认单", 44), *rows)  # its title hardly larger than the rows
    assert title_scores(checklist, policy).get("conformity_certificate", 0.0) >= 0.75
    assert classify([checklist], policy, 0.65).doc_type == "delivery_checklist"


ANNEX_PAGE = ["附件一：车辆配置及随车物品清单", "项目 内容", "车型 汉兰达2.0T四驱豪华版", "车身颜色 冰川蓝", "内饰颜色 棕色",
              "钥匙 智能钥匙2把", "随车工具 千斤顶、拖车钩、三角警示牌", "随车文件 合格证、用户手册、保修手册", "赠送项目 脚垫、贴膜"]


def test_a_contracts_annex_listing_what_is_handed_over_stays_with_the_contract(policy: Policy) -> None:
    # The annex reads like a delivery checklist to the text model, and a row of it mentions a document (合格证),
    # but it has no heading of its own -- its first line names no form, nothing is printed as a title: the
    # contract is filed, not held as forms joined.
    contract = [page(("汽车销售合同", 70), *CONTRACT_BODY), page(*ANNEX_PAGE)]
    assert classify(contract, policy, 0.65).doc_type == "sales_contract"
    # A later page headed by a title printed large that no policy knows is a form of its own all the same.
    checkin = page(("预检单 VEHICLE CHECK-IN", 70), *RECEPTION_PAGE[1:])
    assert classify([page(*SETTLEMENT_PAGE), checkin], policy, 0.65).doc_type is None


class _Reading:
    """A text model stand-in that reads every text the same way."""

    def __init__(self, probs: dict[str, float]) -> None:
        self.probs = probs

    def probabilities(self, text: str) -> dict[str, float]:
        return self.probs


def test_a_weak_title_and_a_model_spread_over_types_do_not_agree(policy: Policy) -> None:
    # 授权委托书 (a letter of authority) shares only 委托书 with a work order's titles: a title as weak as counts.
    # A model reading its body as a work order before a contract, unsure between them, does not agree with it
    # (two readings naming one type first by chance): below the threshold it waits rather than filling a
    # visit's work-order item. A model that names the type alone, discounted only for unfamiliar wording,
    # agrees, and the document is filed from the lower agreed threshold.
    letter = [page(("授权委托书", 70), "委托人王芳现委托李强为本人的合法代理人，代为办理车辆提车、上牌等相关手续。",
                   "委托人签名", "2025.4.4")]
    spread = _Reading({"work_order": 0.41, "sales_contract": 0.15, "other_proof": 0.05, "_none": 0.01})
    alone = _Reading({"work_order": 0.45, "_none": 0.01})
    assert classify(letter, policy, 0.65, model=spread).doc_type is None  # type: ignore[arg-type]
    assert classify(letter, policy, 0.65, model=alone).doc_type == "work_order"  # type: ignore[arg-type]


def test_a_sites_own_title_names_its_pages_beside_the_shipped_policy(policy: Policy) -> None:
    # Each policy's titles are indexed once (doctype.title_index): a site's policy with a title of its own
    # (as its overlay adds) reads it, and the shipped policy, used before and after, still does not.
    heading = page(("机动车买卖协议", 70), *CONTRACT_BODY)
    site = policy.model_copy(deep=True)
    site.kinds["car"].doc_types["sales_contract"].titles.append("机动车买卖协议")
    before = title_scores(heading, policy).get("sales_contract", 0.0)
    assert title_scores(heading, site)["sales_contract"] == 1.0
    assert title_scores(heading, policy).get("sales_contract", 0.0) == before < 1.0


def test_a_label_reading_a_little_like_a_title_before_its_value_names_nothing(policy: Policy) -> None:
    # 联系电话 shares two of three characters with 联系函 (a letter's title). Followed by the number it labels it
    # is a field, not a title misread: a move-in form is not also named a letter by its contact line.
    form = page(("入住登记表", 70), "单元：21F-03 入驻单位：某某餐饮管理有限公司", "Mobile/联系电话 17254948955",
                "入伙日期：2023-04-19", "业主签名：")
    assert "correspondence" not in title_scores(form, policy)
    # A title read a character wrong is still a title, alone or before its own number.
    letter = ["尊敬的业主：", "因设备检修，本周六停水。", "特此函告"]
    assert title_scores(page(("工作联系涵", 70), *letter), policy)["correspondence"] >= 0.75
    assert title_scores(page(("工作联系函 No.2025-031", 70), *letter), policy)["correspondence"] >= 0.75


def test_a_form_headed_by_a_title_no_policy_knows_and_read_alone_by_the_model_is_filed(policy: Policy) -> None:
    # A site's own title printed large over a fit-out application: no title rule names it, and the model reads it
    # as one type alone, discounted only for wording it never learnt (0.58). The page is a form and nothing says
    # it is another: filed from the agreed threshold, not queued.
    rows = ["单元号：5-4-1103 租户名称：某某物流有限公司", "联络人：叶文博 手机号码：158-3109-4222",
            "施工单位：某某装饰有限公司 施工期：2025.11.26-2026.01.11", "装修内容：墙面粉刷 吊顶", "租户签字："]
    alone = _Reading({"renovation": 0.58, "_none": 0.01})
    headed = [page(("装修施工审批表", 70), *rows)]
    assert classify(headed, policy, 0.65, model=alone).doc_type == "renovation"  # type: ignore[arg-type]
    # Without a heading, or with a heading that names another type, the model's discounted reading waits.
    plain = [page("装修施工审批表", *rows)]
    assert classify(plain, policy, 0.65, model=alone).doc_type is None  # type: ignore[arg-type]
    other = [page(("入住登记表", 70), *rows)]
    assert classify(other, policy, 0.65, model=alone).doc_type != "renovation"  # type: ignore[arg-type]


def test_a_heading_missing_a_titles_head_noun_does_not_hold_back_the_model(policy: Policy) -> None:
    # 维修工车记录 (a road-test record, 试 lost by OCR) shares 维修工 with 维修工单 but not its head noun 单: it
    # names no work order against a model that reads a road test. A heading holding the whole title does.
    body = ["工单号：20261179174", "车牌号：京A12345", "试车里程：12 km", "试车结果：正常", "试车员签字："]
    road_test = _Reading({"road_test": 0.92, "_none": 0.01})
    assert classify([page(("维修工车记录", 70), *body)], policy, 0.65,
                    model=road_test).doc_type == "road_test"  # type: ignore[arg-type]
    assert classify([page(("维修工单", 70), *body)], policy, 0.65,
                    model=road_test).doc_type is None  # type: ignore[arg-type]


# A loss assessment's price table as OCR read it on family g (g20261250_022, under 车辆损失确认书): rows of work and
# parts with their prices, the plate, VIN and owner above, no settlement wording of its own. The model learnt
# such rows under settlements' titles and reads the page as a settlement, with or without its heading.
LOSS_BODY = ["No.TD250923380", "车牌号码：浙AQ4665 车架号(VIN)：LSV8RC9R5R2380415", "里程数：105693 车主姓名：金春梅",
             "移动电话：180-5946-7792 定损日期：2025-09-23", "序号 项目名称 类别 数量 金额", "1 空调系统清洗 工时 1 220.00",
             "2 节气门清洗 工时 1 160.00", "3 发动机故障诊断 工时 1 100.00", "4 钣金喷漆（前保险杠） 工时 1 900.00",
             "5 前保险杠总成 配件 1 1650.00", "总计：￥3,150.00", "客户确认： 理赔专员：", "日期：年月日"]


def _headed(title: str, body: list[str]) -> PageText:
    return page("杭州通达汽车销售服务有限公司 服务热线0571-88213366", (title, 70), *body)


@pytest.mark.parametrize("title, code", [("增项单", "addon_sheet"), ("事故车定损单", "loss_assessment"),
                                         ("结算单", "settlement"), ("出厂结算凭证", "settlement")])
def test_the_same_price_table_under_a_title_of_its_own_is_typed_by_the_title(
        policy: Policy, title: str, code: str) -> None:
    # A known title printed as the heading names the paper over a body the model reads as a settlement for its
    # prices alone (g20261250_068b, 增项单); a heading with a settlement's own word (结算) is one of its wordings.
    result = classify([_headed(title, LOSS_BODY)], policy, 0.65)
    assert result.doc_type == code, result.reason


def test_a_notice_the_title_and_the_model_both_read_as_a_letter_is_filed(policy: Policy) -> None:
    # fj20261280-060 as RapidOCR read it: 關於電梯更新改造的通知 over a letter closing 特此函告. The model reads
    # nothing but a letter, discounted for wording it never learnt (0.39), the title line a little (通知函's 通知):
    # together 0.49. Such agreeing readings were right 4 of 4 from 0.35 to 0.5 on the development sets.
    data = json.loads((Path(__file__).parent / "corpus" / "readings" / "notice_traditional.json").read_text(encoding="utf-8"))
    result = classify([PageText.model_validate(p) for p in data["pages"]], policy, 0.65)
    assert result.doc_type == "correspondence" and 0.45 <= result.confidence < 0.5
