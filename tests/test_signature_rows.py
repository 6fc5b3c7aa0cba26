"""Signature fields whose label prints no signing word, found by where they stand (issue 18, session 24):
a post heading a field in a signing row, at the foot of a page or a tear-off slip, in a signing grid
whose row is headed 签字. Lines are drawn as the engine returns them (one Word per printed run), as in
test_signature_unseen.py; the shapes are those of family k's work orders and property requests."""

from __future__ import annotations

from dossier.classify.signature_labels import _lines, find_labels
from dossier.classify.signature_match import required_signatures
from dossier.models import SignatureField
from dossier.policy import default_policy
from tests.test_signature_unseen import found, row


def test_the_head_of_an_office_signs_as_the_firm_over_a_date_left_blank() -> None:
    # k 025: 管理处主任：____ over 日期：__年__月__日; 主任 is a post as 科长 is (seed: 办公室主任批准)
    words = row("管理处主任：", y=100) + row("日期：", "年", "月", "日", y=170)
    assert found(words) == [("管理处主任", "staff")]


def _slip(*foot: str, more: bool = False) -> list:
    """A tear-off slip: its title, a table of printed values, then `foot` as its last line (or, with `more`,
    a line of print under it)."""
    words = row("取车联", y=100) + row("委托书号", "RO-260430-318", "车牌号", "鄂FF92164", y=180)
    words += row(*foot, y=300)
    if more:
        words += row("本联交客户作取车凭证，遗失不补。", y=700)
    return words


def test_posts_before_their_blanks_closing_a_slip_are_its_signing_row() -> None:
    # k 016: 取车人：____ 放行：____ close the slip. 取车人 is the customer (who collects the car); 放行 (the
    # release) names no side: the row's other field.
    assert found(_slip("取车人：", "放行：")) == [("取车人", "customer"), ("放行", "unknown")]


def test_the_row_s_other_field_takes_the_side_the_row_lacks() -> None:
    # Matched to a work order: the customer's field is 取车人, the release the firm's.
    dt = default_policy().doc_types["work_order"]
    fields = [
        SignatureField(role=f.role, label=f.label, status="blank", box=(f.line.box[0], 300, f.line.box[2], 340), page=1,
                       party=f.party)
        for f in find_labels(_lines(_slip("取车人：", "放行：")))
    ]
    got = {(f.label, f.role) for f in required_signatures(dt, fields)}
    assert got == {("取车人", "customer"), ("放行", "staff")}


def test_posts_before_colons_mid_page_or_with_printed_values_are_no_signing_row() -> None:
    # Not closing the page, no signing line nor date near: a form's head (取车人：____ to fill in).
    assert found(_slip("取车人：", "放行：", more=True)) == []
    # Closing it with the values printed: name fields.
    assert found(_slip("取车人：张三", "电话：13812345678")) == []


def test_a_grid_with_a_row_headed_sign_is_signed_under_each_post() -> None:
    # k 076: 签署栏 | 申请人（业主）| 施工负责人 | 工程部审核 | 客服部审批 over a row headed 签字 and one headed 日期
    words = row("签署栏", "申请人（业主）", "施工负责人", "工程部审核", "客服部审批", y=100)
    words += row("签字", y=170) + row("日期", "年月日", "年月日", "年月日", "年月日", y=240)
    assert found(words) == [("申请人（业主）", "customer"), ("施工负责人", "unknown"), ("工程部审核", "staff"),
                            ("客服部审批", "staff")]


def test_a_row_headed_sign_under_one_column_s_name_is_no_grid() -> None:
    # 项目 | 说明 over 签字: no posts over the row, so 签字 stays a field of its own (its side unknown)
    words = row("项目", "检查说明", y=100) + row("签字", y=170)
    assert found(words) == [("签字", "unknown")]


def test_a_receipt_s_signer_with_its_date_set_lower_on_the_right_is_a_field() -> None:
    # k 081: 簽收人：____ at the slip's left, 日期：__年__月__日 a little lower at its right, read as a line of its own
    words = row("本人/本单位已收到整改通知。", y=100) + row("签收人：", y=200)
    words += [w.model_copy(update={"box": (w.box[0] + 1000, w.box[1] + 45, w.box[2] + 1000, w.box[3] + 45)})
              for w in row("日期：", "年月日", y=200)]
    assert found(words) == [("签收人", "customer")]
    # ... but not with the date far below it: another part of the form
    far = [w.model_copy(update={"box": (w.box[0], w.box[1] + 300, w.box[2], w.box[3] + 300)}) for w in words[-2:]]
    assert found(words[:-2] + far + row("以上内容请妥善保存。", y=900)) == []


def test_a_person_named_in_brackets_alone_on_its_line_captions_a_signature() -> None:
    # g 003a: （声明人） under a declaration, its company and date far below: one signs over the caption
    words = row("兹证明李宏伟现居住于成都市蜀汉路793号，情况属实。", y=100) + row("（声明人）", y=300)
    words += row("成都金轮丰田汽车销售服务有限公司", y=900) + row("2025年9月12日", y=960)
    assert found(words) == [("声明人", "customer")]
    # ... but not a heading in brackets, nor a person named in running text's brackets
    assert found(row("（一）车辆交接", y=300) + row("见下表。", y=900)) == []
    assert found(row("本合同由甲方（出卖人）与乙方（买受人）签订。", y=300) + row("见下表。", y=900)) == []
