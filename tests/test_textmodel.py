"""The learned text model beside the title rules: unseen titles, 机动车 contracts, no-document pages,
a reproducible model file, and a site's title aliases as policy data (policy.d)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.classify.doctype import classify
from dossier.classify.textmodel import MODEL_PATH, load_model
from dossier.policy import Policy, load_policy
from tests.conftest import page

THRESHOLD = 0.72

CONTRACT_BODY = [
    "甲方（出卖人）：上海远航汽车销售服务有限公司",
    "乙方（买受人）：张伟 身份证号码：310101198503020016",
    "第一条 车辆品牌型号 大众SVW71820BJ 车架号 LSVAM4187C2184527",
    "第二条 车辆价款 人民币壹拾伍万玖仟捌佰元整（¥159,800.00）",
    "第三条 交车时间和地点",
    "第四条 违约责任",
    "买受人签字：",
    "销售顾问签字：",
    "日期：2026年3月5日",
]


@pytest.mark.parametrize("title", ["汽车买卖协议书", "购车协议", "新车订购确认书"])
def test_a_title_the_vocabulary_lacks_is_recognised_by_the_body(policy: Policy, title: str) -> None:
    doc = page((title, 70), *CONTRACT_BODY)
    assert classify([doc], policy, THRESHOLD, model=None).doc_type is None  # the title rules alone: review
    result = classify([doc], policy, THRESHOLD)
    assert result.doc_type == "sales_contract", result.reason
    assert result.confidence >= THRESHOLD


def test_a_motor_vehicle_sales_contract_is_never_filed_as_a_vehicle_licence(policy: Policy) -> None:
    # Both begin with 机动车: the title rules read 机动车买卖合同 as like the vehicle licence (机动车行驶证) too,
    # though its head noun 合同 (only contracts' titles end in 同) names a contract first.
    doc = page(("机动车买卖合同", 70), *CONTRACT_BODY)
    rules = [code for code, _ in classify([doc], policy, THRESHOLD, model=None).guesses]
    assert rules[0] == "sales_contract" and "vehicle_license" in rules
    result = classify([doc], policy, THRESHOLD)
    assert result.doc_type in ("sales_contract", None)
    assert result.doc_type == "sales_contract"
    licence = page(("机动车行驶证", 70), "号牌号码 沪A12345", "车辆类型 小型轿车", "所有人 张伟", "使用性质 非营运",
                   "车辆识别代号 LSVAM4187C2184527", "发动机号码 2YF258615", "注册日期 2024-09-21", "发证日期 2024-09-21")
    assert classify([licence], policy, THRESHOLD).doc_type == "vehicle_license"


def test_a_photo_or_chat_screenshot_goes_to_review(policy: Policy) -> None:
    chat = page(("张经理（服务顾问）", 40), "您好，我的车想预约这周六上午保养，可以吗？",
                "可以的，周六上午九点给您安排，请带好保养手册。", "发票已经收到了，谢谢！", "不客气，有问题随时联系我。")
    result = classify([chat], policy, THRESHOLD)
    assert result.doc_type is None and result.reason
    photo = page("16:42")  # a phone photo with a clock in it and nothing else
    assert classify([photo], policy, THRESHOLD).doc_type is None
    assert classify([page()], policy, THRESHOLD).doc_type is None


def test_the_shipped_model_is_small_and_loads() -> None:
    assert MODEL_PATH.stat().st_size < 1_000_000
    model = load_model(MODEL_PATH)
    p = model.probabilities("\n".join(["汽车销售合同", *CONTRACT_BODY]))
    assert max(p, key=lambda k: p[k]) == "sales_contract"
    assert abs(sum(p.values()) - 1) < 1e-6


def test_the_shipped_model_was_built_with_the_shipped_policy() -> None:
    """Policy titles, keywords, labels and job words are both training text and what family a prints: an
    edit to them leaves the shipped model stale. Said here, in the fast suite, rather than only by the slow
    rebuild below."""
    from dossier.classify.textmodel import ModelFile
    from dossier.policy import base_policy
    from dossier.training import policy_digest

    shipped = ModelFile.model_validate_json(MODEL_PATH.read_text(encoding="utf-8"))
    assert shipped.policy == policy_digest(base_policy()), (
        "dossier/policies/*.kind.yaml changed since the text model was built: rebuild it with "
        "`python -m dossier.training --family a,b,d,e` (a few minutes) and commit the model with the policy")


@pytest.mark.slow  # about a minute on a shared machine
def test_the_model_file_is_built_the_same_byte_for_byte(tmp_path: Path) -> None:
    from dossier.training import build, write

    for name in ("a.json", "b.json"):
        write(build(seeds=[7], count=12, calibration_seed=8), tmp_path / name)
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


@pytest.mark.slow  # families b, d and e write and degrade real scans: ten minutes and more on a shared machine
def test_the_shipped_model_is_what_the_documented_command_builds(tmp_path: Path) -> None:
    from dossier.training import main

    main(["--family", "a,b,d,e", "--out", str(tmp_path / "model.json")])
    assert (tmp_path / "model.json").read_bytes() == MODEL_PATH.read_bytes()


def test_a_site_adds_title_aliases_as_policy_data(tmp_path: Path) -> None:
    doc = page(("车辆买卖契约", 70), "成交价 人民币壹拾伍万元", "日期：2026年3月5日")
    before = load_policy(home=tmp_path)
    assert classify([doc], before, THRESHOLD, model=None).doc_type is None
    (tmp_path / "policy.d").mkdir()
    (tmp_path / "policy.d" / "site.yaml").write_text(
        "doc_types:\n  sales_contract:\n    titles: [车辆买卖契约]\n    keywords: [成交价]\n", encoding="utf-8")
    site = load_policy(home=tmp_path)
    assert "车辆买卖契约" in site.doc_types["sales_contract"].titles
    assert classify([doc], site, THRESHOLD, model=None).doc_type == "sales_contract"
    assert "车辆买卖契约" not in load_policy(home=tmp_path, site=False).doc_types["sales_contract"].titles


def test_an_overlay_naming_an_unknown_type_is_a_clear_error(tmp_path: Path) -> None:
    from dossier.errors import ConfigError

    (tmp_path / "policy.d").mkdir()
    (tmp_path / "policy.d" / "x.yaml").write_text("doc_types:\n  no_such_type:\n    titles: [某某单]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="no_such_type"):
        load_policy(home=tmp_path)
