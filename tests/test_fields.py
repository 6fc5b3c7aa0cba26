"""Field extraction: key validators and repair (classify.keys) and extraction from OCR text (classify.fields)."""

from __future__ import annotations

import random
from datetime import date
from itertools import product
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from dossier.classify.fields import chinese_amount, extract_fields
from dossier.classify.keys import (
    credit_code_check_char,
    id_check_char,
    is_valid_credit_code,
    is_valid_id_number,
    is_valid_plate,
    is_valid_vin,
    make_id_number,
    make_plate,
    make_vin,
    normalize_org_code,
    normalize_plate,
    repair_credit_code,
    repair_id_number,
    repair_vin,
    vin_check_digit,
)
from dossier.models import PageText, Word
from dossier.policy import JobType, default_policy
from dossier.samples.handwriting import REAL_SAMPLES

VIN = "LSVAU2180N2183546"  # valid: check digit 0
VIN2 = "LFV2A21K5G3043817"  # valid: check digit 5
ID = "11010519491231002X"  # the GB 11643 example number

# --- VIN --------------------------------------------------------------------------------------------------


def test_vin_check_digit_and_validation():
    assert vin_check_digit("1HGCM82633A004352") == "3"
    assert is_valid_vin("1HGCM82633A004352")
    assert is_valid_vin(VIN) and is_valid_vin(VIN2)
    assert not is_valid_vin("1HGCM82643A004352")  # wrong check digit
    assert not is_valid_vin("1HGCM82633A00435")  # 16 characters
    assert not is_valid_vin("LSVAU2180N21835O6")  # O never occurs
    with pytest.raises(ValueError):
        vin_check_digit("SHORT")


def test_check_digit_ten_is_x():
    rng = random.Random(5)
    vins = [make_vin(rng) for _ in range(300)]
    assert any(v[8] == "X" for v in vins)
    assert all(is_valid_vin(v) for v in vins)


@pytest.mark.parametrize(
    "read",
    [
        "LSVAU218ON2183546",  # check digit 0 read as the letter O
        "LSVAU2180N2I83546",  # I cannot occur in a VIN
        "LSVAU2180N218354G",  # a letter in the serial number: G for 6
        "lsvau2180n2183546",  # lower case
        "LSVAU2180N2 183546",  # a stray space
    ],
)
def test_repair_vin_proved_by_check_digit(read):
    assert repair_vin(read) == VIN


def test_repair_vin_never_swaps_a_legal_character():
    # Z is legal there, and a mod-11 check cannot tell a Z/2 misread from any other single
    # misread (3/8, H/N ...), so it is not repaired.
    read = "LSVAUZ180N2183546"  # 2 read as Z in the descriptor section
    assert not is_valid_vin(read)
    assert repair_vin(read) is None


def test_repair_vin_ambiguous_is_refused():
    # Three serial digits read as B: B may be 8 or 3, and two of the readings pass the check.
    read = "LSV278MY02P12B2BB"
    readings = [r for a, b, c in product("83", repeat=3) if is_valid_vin(r := f"{read[:13]}{a}2{b}{c}")]
    assert readings == ["LSV278MY02P128233", "LSV278MY02P123288"]
    assert repair_vin(read) is None


def test_make_vin_validates_and_keeps_wmi():
    rng = random.Random(42)
    for _ in range(200):
        assert is_valid_vin(make_vin(rng))
    v = make_vin(rng, wmi="lhg")
    assert v.startswith("LHG") and is_valid_vin(v)
    assert v[13:].isdigit()  # Chinese VINs end in digits
    with pytest.raises(ValueError):
        make_vin(rng, wmi="IOQ")


# --- ID number ----------------------------------------------------------------------------------------


def test_id_number_validation():
    assert id_check_char("11010519491231002") == "X"
    assert is_valid_id_number(ID)
    assert is_valid_id_number(ID.lower())
    assert not is_valid_id_number("110105194912310021")  # wrong check character
    body = "11010519491331002"  # month 13
    assert not is_valid_id_number(body + id_check_char(body))
    body = "99010519491231002"  # no province 99
    assert not is_valid_id_number(body + id_check_char(body))
    future = "110105" + date(date.today().year + 1, 1, 1).strftime("%Y%m%d") + "002"
    assert not is_valid_id_number(future + id_check_char(future))


def test_repair_id_number():
    assert repair_id_number("11O1O519491231002x") == ID  # O for 0, lower-case x
    assert repair_id_number("1101 0519 4912 3100 2X") == ID
    assert repair_id_number("11010519491Z31002X") == ID  # Z for 2
    assert repair_id_number("110105194912310021") is None  # a wrong digit is not a lookalike
    # B may be 8 or 3; here both readings of two Bs pass the check, so nothing is proved.
    read = "11010119720B0154BX"
    readings = [r for a, b in product("83", repeat=2) if is_valid_id_number(r := f"11010119720{a}0154{b}X")]
    assert readings == ["11010119720801548X", "11010119720301543X"]
    assert repair_id_number(read) is None


def test_make_id_number():
    rng = random.Random(7)
    for _ in range(200):
        assert is_valid_id_number(make_id_number(rng))
    n = make_id_number(rng, birth=date(1988, 2, 29))
    assert n[6:14] == "19880229" and is_valid_id_number(n)


# --- unified social credit code ---------------------------------------------------------------------


def test_credit_code():
    # 91120222079642398Y is printed on a real e-invoice in ../shared/real-samples.
    assert credit_code_check_char("91120222079642398") == "Y"
    assert is_valid_credit_code("91120222079642398Y") and is_valid_credit_code("91350100M000100Y43")
    assert not is_valid_credit_code("91120222079642398X")
    assert repair_credit_code("9112O222079642398Y") == "91120222079642398Y"  # O never occurs
    assert repair_credit_code("91120222079642398X") is None


def test_org_code():
    # Digits 9-17 of a credit code are the organisation code: 91120222[079642398]Y.
    assert normalize_org_code("07964239-8") == "07964239-8"
    assert normalize_org_code("53877274x") == "53877274-X"
    assert normalize_org_code("07964239-7") is None


# --- plates -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "read, plate",
    [
        ("沪A12345", "沪A12345"),
        ("沪A·12345", "沪A12345"),
        ("沪a 12345", "沪A12345"),
        ("滬A12345", "沪A12345"),  # Traditional province
        ("粵B·D12345", "粤BD12345"),  # new energy, small car
        ("京A12345F", "京A12345F"),  # new energy, large vehicle
        ("苏E1O2B3", "苏E102B3"),  # O never occurs after the letter
        ("京K079258", "京KD79258"),  # a new-energy plate's D read as 0, where only D or F stands
        ("粤B123450", "粤B12345D"),  # ... at its end (large vehicle)
        ("沪A123456", None),  # 6 characters without D/F, and no 0 where a D could be
        ("沪A1234", None),
        ("ZZA12345", None),
    ],
)
def test_normalize_plate(read, plate):
    assert normalize_plate(read) == plate
    if plate:
        assert is_valid_plate(plate)


def test_make_plate():
    rng = random.Random(3)
    for _ in range(200):
        assert is_valid_plate(make_plate(rng))
        p = make_plate(rng, new_energy=True, province="粤")
        assert p.startswith("粤") and len(p) == 8 and is_valid_plate(p)


# --- extraction: whole documents ----------------------------------------------------------------------


def test_delivery_sheet():
    text = f"""新车交车确认单
客户姓名：张三    联系电话：138 0013 8000
车架号（VIN）：{VIN}
车牌号：沪A·12345
交车日期：2026年3月5日
销售顾问：李四     客户签字：
"""
    f = extract_fields(text)
    assert f["vin"] == VIN
    assert f["plate"] == "沪A12345"
    assert f["name"] == "张三"
    assert f["mobile"] == "13800138000"
    assert f["delivery_date"] == f["date"] == "2026-03-05"
    assert f["staff"] == "李四"


def test_traditional_labels_and_names_as_written():
    text = """交車檢查表
客戶姓名：陳大文 聯繫人：陳小明 手機：139-1234-5678
車架號：LSVAU218ON2183546
車牌號碼：滬A 12345
交車日期：2026 年 3 月 5 日
銷售顧問：黃志強
"""
    f = extract_fields(text)
    assert f["vin"] == VIN  # O at the check digit repaired
    assert f["plate"] == "沪A12345"
    assert f["name"] == "陳大文" and f["contact"] == "陳小明" and f["staff"] == "黃志強"
    assert f["mobile"] == "13912345678"
    assert f["delivery_date"] == "2026-03-05"


def test_traditional_labels_read_without_the_characters_the_engine_cannot_emit():
    # RapidOCR drops 繫, 檢 and 駛 (not in its dictionary): the labels are still found, so a name does
    # not run on into the next label and the contact, date and mileage keep their labels.
    text = """客戶姓名 夏云文聯電話 13166909840
聯人 余女士
查日期 2024-05-26
行里程 6989 km
"""
    f = extract_fields(text)
    assert f["name"] == "夏云文" and f["contact"] == "余女士"
    assert f["mobile"] == "13166909840"
    assert f["date"] == "2024-05-26"
    assert f["mileage"] == "6989"
    # ... or reads a look-alike in its place (繫 as 繁 or 聊)
    f = extract_fields("客戶姓名 曾麗聯繁電話 13166909840\n聯聊人 余女士\n")
    assert f["name"] == "曾麗" and f["contact"] == "余女士" and f["mobile"] == "13166909840"
    # ... or reads the pair 聯繫 as 聊 or 聊繁: none of it is the name's.
    for label in ("聊電話", "聊繁電話"):
        f = extract_fields(f"客戶姓名馬文{label}15836645143\n聊繁人 余女士\n")
        assert f["name"] == "馬文" and f["mobile"] == "15836645143" and f["contact"] == "余女士"


def test_name_labels_read_without_the_character_the_engine_cannot_emit():
    # RapidOCR cannot emit 稱: 業主名稱 comes back 業主名, 購買方名稱 購買方名. The label is still found,
    # so the value after it is the customer's.
    assert extract_fields("購買方名 馬文 身份證號碼 510104197008023630\n")["name"] == "馬文"
    assert extract_fields("單位名 武漢恒通貿易有限公司\n")["company"] == "武漢恒通貿易有限公司"


def test_the_sellers_name_is_never_taken_for_the_customers():
    # An invoice's seller: its label holds 单位名称, and with the buyer's label misread (購翼方名輛) it
    # would be the first company label on the page.
    text = "購翼方名輛 南京豐洋貿易有限公司\n銷貨單位名種 南京盛世汽車銷售服務有限公司\n"
    assert "company" not in extract_fields(text)
    for label in ("销售方名称", "销货单位名称", "銷貨單位名"):
        assert "company" not in extract_fields(f"{label} 南京盛世汽车销售服务有限公司\n")
    text = "购买方名称 南京丰洋贸易有限公司\n销售方名称 南京盛世汽车销售服务有限公司\n"
    assert extract_fields(text)["company"] == "南京丰洋贸易有限公司"


def test_the_maker_on_a_conformity_certificate_is_no_customer():
    # The national certificate names the car's maker under 车辆制造企业名称; taken for the buyer's company it
    # filed a certificate whose VIN was misread into the dossier of the first car of the same make.
    text = "机动车整车出厂合格证\n2.车辆制造企业名称 上汽大众汽车有限公司\n5.车辆识别代号/车架号 LWPEN2U9TU188090\n"
    assert "company" not in extract_fields(text)
    for label in ("生产企业名称", "製造企業名稱"):
        assert "company" not in extract_fields(f"{label}：一汽-大众汽车有限公司\n")
    assert extract_fields("企业名称：广州恒达贸易有限公司\n")["company"] == "广州恒达贸易有限公司"


def test_business_licence_holder_is_the_company():
    text = """营业执照
统一社会信用代码：91310104AAXDYFYG9H
名  称 上海远航丰信息技术有限公司
法定代表人 万思梦
"""
    f = extract_fields(text)
    assert f["company"] == "上海远航丰信息技术有限公司" and f["name"] == "万思梦"
    # 名称 of anything else is no company: a product is not taken for one, nor for a person
    f = extract_fields("商品名称 机油滤芯 数量 2\n客户名称 张三\n")
    assert "company" not in f and f["name"] == "张三"


def test_a_letter_to_a_tenant_names_the_company_as_its_addressee():
    text = """通知函
编号：滨江物函（2022）第083号
致：锦程信信息技术（上海）有限公司（8F-04）
关于管理费缴纳的函
贵司本季度物业管理费尚未缴纳，以致：影响 请于收到本函之日起十日内办理缴费手续。
此致
敬礼！
北京永信物业管理有限公司
"""
    f = extract_fields(text)
    assert f["company"] == "锦程信信息技术（上海）有限公司" and f["unit"] == "8F-04"
    # 致 in running text names nobody, and a letter to a person names no company.
    assert "company" not in extract_fields("导致：空调停运，北京永信物业管理有限公司\n")
    assert "company" not in extract_fields("致：张三先生\n关于停车位的函\n")


def test_a_label_misread_at_its_ends_is_not_guessed():
    # Any character in place of 簽 would also make 预约日期 a 签约日期: the appointment is not the contract date.
    f = extract_fields("预约日期 2024-05-20\n交车日期 2024-05-26\n")
    assert "sign_date" not in f and f["date"] == "2024-05-26"


def test_full_width_settlement():
    text = """维修结算单
工单号：ＷＯ２０２６０３０５００１
车辆识别代号：ＬＳＶＡＵ２１８０Ｎ２１８３５４６
进厂日期：２０２６－０３－０３　结算日期：２０２６－０３－０５
进厂里程：１２，３４５ km
维修类型：☑保养 □小修 □大修
合计：￥１，２８０．００
服务顾问：王五
"""
    f = extract_fields(text)
    assert f["vin"] == VIN
    assert f["order_number"] == "WO20260305001"
    assert f["reception_date"] == "2026-03-03"
    assert f["settlement_date"] == f["date"] == "2026-03-05"
    assert f["mileage"] == "12345"
    assert f["job_type"] == "maintenance"
    assert f["amount"] == "1280.00"
    assert f["staff"] == "王五"


def test_purchase_invoice():
    text = f"""机动车销售统一发票
发票代码：144001800111 发票号码：0012 3456
开票日期：2026年03月05日
购买方名称：上海某某科技有限公司
身份证号码/组织机构代码：{ID.lower()}
车架号码：{VIN2}
价税合计（大写）壹拾贰万叁仟元整（小写）¥123,000.00
"""
    f = extract_fields(text)
    assert f["invoice_code"] == "144001800111"
    assert f["invoice_number"] == "00123456"
    assert f["date"] == "2026-03-05"
    assert f["company"] == "上海某某科技有限公司"
    assert f["id_number"] == ID
    assert f["vin"] == VIN2
    assert f["amount"] == "123000.00"


def test_e_invoice_twenty_digit_number():
    text = """电子发票（普通发票）
发票号码：2631 2000 0001 2345 6789
开票日期：20260305
合计 ¥1,000.00 ¥130.00
价税合计（大写）壹仟壹佰叁拾圆整 （小写）¥1,130.00
"""
    f = extract_fields(text)
    assert f["invoice_number"] == "26312000000123456789"
    assert "invoice_code" not in f
    assert f["date"] == "2026-03-05"
    assert f["amount"] == "1130.00"  # the total with tax, not the first 合计
    assert "mobile" not in f and "vin" not in f


def test_unit_move_in():
    text = """入住登记表
业主：上海某某科技有限公司  联系人：赵六 手机：13912345678
单元号：Ａ座１２０３
固定电话：0755-8888 6666
紧急联系人：周九 紧急联系电话：13700001111
入住日期：2026.03.05
经办人：钱七
"""
    f = extract_fields(text)
    assert f["unit"] == "A座1203"
    assert f["company"] == "上海某某科技有限公司"
    assert "name" not in f
    assert f["contact"] == "赵六"
    assert f["mobile"] == "13912345678"
    assert f["landline"] == "0755-88886666"
    assert f["date"] == "2026-03-05"
    assert f["staff"] == "钱七"


def test_application_subject_ticked():
    text = """申请单
申请人：孙八   房号：3-2-501
申请事项：□房门锁 □电话 ☑车位 □水牌
申请日期：2026/3/5
"""
    f = extract_fields(text)
    assert f == {
        "name": "孙八",
        "unit": "3-2-501",
        "subject": "车位",
        "date": "2026-03-05",
        "dates": "2026-03-05",
    }


@pytest.mark.parametrize(
    "title, subject",
    [
        ("水牌申请单", "水牌"),
        ("房門鎖申請單", "房门锁"),
        ("客户加班申请表", "客户加班"),
        ("电话申请单", "电话"),
    ],
)
def test_application_subject_from_title(title, subject):
    assert extract_fields(f"{title}\n申请人：孙八 联系电话：13800138000")["subject"] == subject


# --- extraction: keys -------------------------------------------------------------------------------------


def test_labelled_vin_preferred():
    text = f"参考车辆 {VIN2}\n车架号：{VIN}\n"
    assert extract_fields(text)["vin"] == VIN


def test_seventeen_digit_run_is_not_a_vin():
    for text in ("流水号：12345678901234567", "编号 12345678901234567 备注", "账号 6222 0212 3456 7890 1"):
        f = extract_fields(text)
        assert "vin" not in f and "vin_unverified" not in f


def test_invalid_vin_is_unverified_only():
    bad = VIN[:4] + "V" + VIN[5:]  # U read as V: passes the alphabet, fails the check
    f = extract_fields(f"车架号：{bad}")
    assert "vin" not in f and f["vin_unverified"] == bad
    f = extract_fields(f"车架号：{VIN[:9]}Z{VIN[10:]}")  # a legal lookalike is not guessed
    assert "vin" not in f
    assert "vin" not in extract_fields("VIN: LSV278MY02P12B2BB")  # ambiguous repair


def test_ambiguous_or_invalid_id_not_reported():
    assert "id_number" not in extract_fields("公民身份号码 11010119720B0154BX")
    assert "id_number" not in extract_fields("身份证号：110105194912310021")
    assert extract_fields("公民身份号码 11O1O519491231002x")["id_number"] == ID
    # A unified social credit code has 18 characters too, but is no ID number.
    assert "id_number" not in extract_fields("统一社会信用代码：91120222079642398Y")


def test_id_number_lowercase_x_and_spaces():
    assert extract_fields("身份证号：1101 0519 4912 3100 2x")["id_number"] == ID
    assert extract_fields(f"公民身份號碼\n{ID.lower()}")["id_number"] == ID  # value on the next line


def test_plates_in_text():
    assert extract_fields("号牌号码 粤B·D12345 车辆类型 小型轿车")["plate"] == "粤BD12345"
    assert extract_fields("车牌：浙A 1B2C3")["plate"] == "浙A1B2C3"
    assert "plate" not in extract_fields("地址：北京市朝阳区京A座")


def test_sichuan_plate_with_a_stroke_of_its_province_read_twice():
    # RapidOCR reads 川 on a plate as 川 plus a stray I often enough to lose a Chengdu dealer's plates.
    assert extract_fields("车牌号川IA03894车型朗逸1.5L")["plate"] == "川A03894"
    assert extract_fields("车牌号 川| B2C345")["plate"] == "川B2C345"
    assert "plate" not in extract_fields("车牌号 京IA12345")  # only 川 has strokes to misread so


def test_keys_never_invalid_over_random_corruptions():
    rng = random.Random(11)
    for _ in range(300):
        vin, idn = make_vin(rng), make_id_number(rng)
        v, i = list(vin), list(idn)
        for _ in range(rng.randint(1, 2)):
            v[rng.randrange(17)] = rng.choice("0123456789ABOSGZQIXL")
            i[rng.randrange(18)] = rng.choice("0123456789OSBZIX")
        f = extract_fields(f"车架号：{''.join(v)}\n身份证号：{''.join(i)}\n车牌：{make_plate(rng)}")
        assert "vin" not in f or is_valid_vin(f["vin"])
        assert "id_number" not in f or is_valid_id_number(f["id_number"])
        assert is_valid_plate(f["plate"])


# --- extraction: dates, numbers, people ---------------------------------------------------------------


def test_multiple_labelled_dates():
    text = """任务委托书
接车日期：2026年3月3日  预计交车日期：2026年3月6日
出生日期：1990-03-07
结算日期：2026/3/5
"""
    f = extract_fields(text)
    assert f["reception_date"] == "2026-03-03"
    assert f["settlement_date"] == "2026-03-05"
    assert f["date"] == "2026-03-05"  # settlement before reception; a forecast is never the date
    assert "delivery_date" not in f
    assert f["dates"] == "2026-03-03,2026-03-06,1990-03-07,2026-03-05"  # all of them, in reading order


@pytest.mark.parametrize(
    "written",
    ["2026年3月5日", "2026 年 03 月 05 日", "2026-03-05", "2026/3/5", "2026.03.05", "2O26-O3-05", "20 26-03-05",
     "二〇二六年三月五日", "２０２６年３月５日", "20260305"],
)  # fmt: skip
def test_date_formats(written):
    assert extract_fields(f"日期：{written}")["date"] == "2026-03-05"


def test_unlabelled_and_impossible_dates():
    f = extract_fields("出生 1990年3月7日\n2026-02-30 作废\n本合同于2026年3月5日签署")
    assert f["date"] == "2026-03-05"  # not the birth date; 30 February is no date
    assert f["dates"] == "1990-03-07,2026-03-05"


@pytest.mark.parametrize(
    "line, amount",
    [
        ("合计：￥1,280.00", "1280.00"),
        ("总金额 123000元", "123000.00"),
        ("车辆价款：12.3万元", "123000.00"),
        ("合计 3 项  ¥ 500.50", "500.50"),
        ("价税合计(大写)伍拾贰圆柒角(小写)￥52.70", "52.70"),
        ("价税合计（大写）：壹拾贰万叁仟元整", "123000.00"),
        ("應收：¥88.00", "88.00"),
        ("税率 13%", None),
    ],
)
def test_amounts(line, amount):
    assert extract_fields(line).get("amount") == amount


def test_chinese_amount():
    assert chinese_amount("壹拾贰万叁仟元整") == 123000
    assert chinese_amount("贰仟陆佰壹拾圆整") == 2610
    assert chinese_amount("壹亿贰仟万元整") == 120_000_000
    assert chinese_amount("伍拾贰圆柒角伍分") == pytest.approx(52.75)
    assert chinese_amount("整") is None


@pytest.mark.parametrize(
    "line, mobile, landline",
    [
        ("手机：138-0013-8000", "13800138000", None),
        ("电话：(021)62345678", None, "021-62345678"),
        ("固定电话 0755 8888 6666 手机 139 1234 5678", "13912345678", "0755-88886666"),
        ("联系电话：010-6552 1234", None, "010-65521234"),
        ("发票代码 012001800311", None, None),  # not a phone, even though it starts with 0
    ],
)
def test_phones(line, mobile, landline):
    f = extract_fields(line)
    assert f.get("mobile") == mobile and f.get("landline") == landline


@pytest.mark.parametrize(
    "text, unit",
    [
        ("单元号：A座1203", "A座1203"),
        ("房号：3-2-501", "3-2-501"),
        ("單元：12F-03", "12F-03"),
        ("房號：１２Ｆ－０３", "12F-03"),
        ("单元 b座 0801", "B座0801"),
        ("兹有 3-2-501室 业主", "3-2-501"),
        ("日期 2026-03-05", None),
        ("房号 14-4.603", "14-4-603"),  # one hyphen read as a dot
        ("房号 3.2-501", "3-2-501"),
    ],
)
def test_units(text, unit):
    assert extract_fields(text).get("unit") == unit


@pytest.mark.parametrize(
    "text, expected",
    [
        ("姓    名：张  三", {"name": "张三"}),
        ("姓名张三性别男民族汉", {"name": "张三"}),
        ("买受人：欧阳娜娜 出卖人：上海某某汽车销售服务有限公司", {"name": "欧阳娜娜"}),
        (
            "客户名称：杭州某某物流有限公司 联系人：吴十",
            {"company": "杭州某某物流有限公司", "contact": "吴十"},
        ),
        ("客户：郑一", {"name": "郑一"}),
        ("客户签字：", {}),
        ("联系人电话：13800138000", {"mobile": "13800138000"}),
        ("紧急联系人：周九", {}),
        ("检查员：冯二 客户签字：", {"staff": "冯二"}),
        ("经办人签字：", {}),
    ],
)
def test_people(text, expected):
    f = extract_fields(text)
    got = {k: v for k, v in f.items() if k in ("name", "company", "contact", "staff", "mobile")}
    assert got == expected


def test_order_number_and_job_type():
    f = extract_fields("工單號：WO20260305001\n業務類型：保養")
    assert f["order_number"] == "WO20260305001" and f["job_type"] == "maintenance"
    f = extract_fields("订单号：94859303935\n维修类型：首次保养")
    assert "order_number" not in f  # a shop's order is not a work order
    assert f["job_type"] == "first_service"  # the longest word wins, not 保养 inside it
    assert extract_fields("维修类型：口保养 口小修 ■大修")["job_type"] == "major_repair"
    assert "job_type" not in extract_fields("维修类型：保养 小修")  # two named, none ticked


@pytest.mark.parametrize("text, expected", [
    # Family h's settlement (h20261260_013) prints 首次免费保养: read as 保养 inside it, a first service was a
    # maintenance visit and its checklist asked for no first-service card. No policy word changes for it (the
    # job words are what family a prints): a compound's halves with a modifier between them are the compound.
    ("维修性质首次免费保养Due/预计交车2026-04-25", "first_service"),
    ("維修性質：首次免費保養", "first_service"),
    ("维修类型：保修期内索赔", "warranty_claim"),
    ("维修类型：定期小保养", "maintenance"),
])
def test_a_compound_job_word_with_a_modifier_inside_is_read(text, expected):
    assert extract_fields(text)["job_type"] == expected


def test_a_job_type_label_with_its_first_character_misread_still_names_the_job():
    # Family h's bilevel, blurred stack (h20261260_070): 维修性质 read 潍修性质 and 雅修性质, the job type lost,
    # and the visit's checklist chosen by the papers present instead of its job.
    assert extract_fields("ul潍修性质定期保养Due. 预计 交车2026 109.23")["job_type"] == "maintenance"
    assert extract_fields("Odometer领电程171928 Job 雅修性质定期保养")["job_type"] == "maintenance"
    # The tail alone, with nothing before it, is no label; nor is a job word in a clause.
    assert "job_type" not in extract_fields("修性质定期保养")
    assert "job_type" not in extract_fields("本次维修项目自出厂之日起，小修及保养为二千公里")


def test_a_two_character_job_word_is_never_read_across_other_characters():
    # 大修 with characters between would read 大众维修 (a brand's repair) as a major repair.
    assert "job_type" not in extract_fields("维修类型：大众维修")
    # Nor across a tick box: the modifier is a word of the compound's, not another choice.
    assert extract_fields("维修类型：□首保 □首次 ■保养")["job_type"] == "maintenance"


# --- extraction from real OCR ---------------------------------------------------------------------------

REAL = REAL_SAMPLES / "invoices"


@pytest.fixture(scope="module")
def ocr():
    from rapidocr_onnxruntime import RapidOCR

    engine = RapidOCR()

    def read(image: Path) -> str:
        result, _ = engine(str(image))
        words = [
            Word(
                text=text,
                box=(
                    int(min(p[0] for p in box)),
                    int(min(p[1] for p in box)),
                    int(max(p[0] for p in box)),
                    int(max(p[1] for p in box)),
                ),
                conf=float(conf),
            )
            for box, text, conf in result or []
        ]
        return PageText(width=1, height=1, words=words).text

    return read


@pytest.mark.skipif(not REAL.exists(), reason="real samples not present")
@pytest.mark.parametrize(
    "image, expected",
    [
        (
            "电子发票.png",
            {
                "invoice_code": "012001800311",
                "invoice_number": "33207675",
                "date": "2019-05-08",
                "amount": "52.70",
            },
        ),
        # A screenshot of a paper VAT invoice beside an OCR service's JSON answer: the number after
        # 'No', the code after '"发票代码"：', and the 价税合计 line also carries the pre-tax ¥2432.91.
        pytest.param(
            "增值税普通发票-test.jpg",
            {
                "invoice_code": "4100084140",
                "invoice_number": "02995607",
                "date": "2012-10-15",
                "amount": "2610.00",
            },
            marks=pytest.mark.slow,
        ),
    ],
)
def test_real_invoices(ocr, image, expected):
    f = extract_fields(ocr(REAL / image))
    assert {k: f.get(k) for k in expected} == expected
    # Tax numbers (91120222079642398Y), bank accounts and the cipher block are no ID, VIN or landline.
    assert not {"id_number", "vin", "vin_unverified", "landline"} & f.keys()


FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


@pytest.mark.skipif(not FONT.exists(), reason="Noto Sans CJK not installed")
def test_rendered_delivery_sheet(ocr, tmp_path):
    vin, idn = make_vin(random.Random(2026)), make_id_number(random.Random(2026))
    lines = [
        "交车检查表",
        "客户姓名：张三        手机：138-0013-8000",
        f"车架号：{vin}",
        f"身份证号：{idn}",
        "车牌号：沪A·12345        交车日期：2026年3月5日",
        "销售顾问：李四        客户签字：",
    ]
    font = ImageFont.truetype(str(FONT), 34)
    img = Image.new("L", (1500, 60 + 70 * len(lines)), 255)
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(lines):
        draw.text((60, 30 + 70 * i), line, fill=0, font=font)
    img.save(tmp_path / "sheet.png")
    f = extract_fields(ocr(tmp_path / "sheet.png"))
    assert f["vin"] == vin and f["id_number"] == idn and f["plate"] == "沪A12345"
    assert f["name"] == "张三" and f["staff"] == "李四" and f["mobile"] == "13800138000"
    assert f["delivery_date"] == "2026-03-05"


def test_phone_pitfalls():
    f = extract_fields("紧急联系人：周九 13700001111\n联系人：张先生 手机：13800138000")
    assert f["mobile"] == "13800138000" and f["contact"] == "张先生"
    assert "mobile" not in extract_fields("开户行及账号：工商银行 6222 1381 2345 6789")


def test_date_beside_a_signature_still_counts():
    f = extract_fields("客户签字：张三 2026.3.5\n有效期限 2016.03.05-2036.03.05")
    assert f["date"] == "2026-03-05"
    assert f["dates"] == "2026-03-05,2016-03-05,2036-03-05"


def test_not_a_name():
    assert "name" not in extract_fields("业主委员会通知")
    assert "name" not in extract_fields("客户信息卡")
    assert "name" not in extract_fields("购买方名称：个人")


@pytest.mark.parametrize(
    "traditional, field, value",
    [
        ("車輛識別代號：" + VIN, "vin", VIN),
        ("證件號碼：" + ID, "id_number", ID),
        ("結算日期：2026-03-05", "settlement_date", "2026-03-05"),
        ("進廠日期：2026-03-05", "reception_date", "2026-03-05"),
        ("交付日期：2026-03-05", "delivery_date", "2026-03-05"),
        ("簽訂日期：2026-03-05", "date", "2026-03-05"),
        ("發票代碼：144001800111", "invoice_code", "144001800111"),
        ("發票號碼：00123456", "invoice_number", "00123456"),
        ("價稅合計：¥1,130.00", "amount", "1130.00"),
        ("委託書號：WO2026001", "order_number", "WO2026001"),
        ("經辦人：錢七", "staff", "錢七"),
        ("檢查員：馮二", "staff", "馮二"),
        ("買受人：劉德華", "name", "劉德華"),
        ("申請人：林一 申請事項：☑水牌", "subject", "水牌"),
        ("作業類型：索賠", "job_type", "warranty_claim"),
        ("進廠里程：8,800公里", "mileage", "8800"),
        ("固定電話：021-62345678", "landline", "021-62345678"),
    ],
)
def test_traditional_labels(traditional, field, value):
    assert extract_fields(traditional).get(field) == value


def test_job_types_come_from_the_policy():
    policy = default_policy().model_copy(deep=True)
    policy.kinds["car"].job_types["tyre_change"] = JobType(
        zh="换胎", en="Tyre change", words=["换胎", "換胎"]
    )
    assert extract_fields("维修类型：換胎", policy)["job_type"] == "tyre_change"
    assert "job_type" not in extract_fields("维修类型：換胎")


def test_name_with_a_misread_label_glued_on():
    # RapidOCR read 聯繫人 as 人 and joined the cells: the name's end is unknown, so no name.
    f = extract_fields("客户姓名：陳大文人：陳小明手機：13912345678")
    assert "name" not in f and f["mobile"] == "13912345678"
    assert extract_fields("客户姓名：陳大文聯繫人：陳小明")["name"] == "陳大文"


def test_credit_code_in_text():
    f = extract_fields("统一社会信用代码：91350100M000100Y43\n纳税人识别号：91120222079642398X")
    assert f["credit_code"] == "91350100M000100Y43"
    assert "credit_code" not in extract_fields("纳税人识别号：91120222079642398X")  # check fails


def test_address_of_the_customer():
    text = """汽车销售合同
出卖人（甲方）武汉永信汽车销售服务有限公司
地址武汉市洪山区珞喻路7弄12号电话027-66792908
买受人（乙方）龙豪杰
住址武汉市武昌区解放大道886号
10栋2单元202
"""
    f = extract_fields(text)
    assert f["name"] == "龙豪杰"
    assert f["address"] == "武汉市武昌区解放大道886号10栋2单元202"  # the buyer's, wrapped line joined
    assert "unit" not in f  # 2单元202 is part of an address, not a unit label


def test_an_address_wrapped_after_its_entrance_number_names_no_unit():
    # An ID-card copy (family g): the address wraps between the entrance number and 单元; the unit word at
    # the start of the next line is still the address's, not a label (it had filed a car's ID copy to unit 603).
    f = extract_fields("公民身份号码 510104199012298943\n住址 成都市天府大道北段795号20幢2\n单元603室\n")
    assert "unit" not in f and f["address"] == "成都市天府大道北段795号20幢2单元603室"
    # A unit label under a line ending in a number that is no building's (a phone) stays a label.
    assert extract_fields("电话 13800000000\n单元 603\n")["unit"] == "603"


def test_label_words_inside_other_words():
    f = extract_fields("需要保养提醒是否参加车主活动是否\n保险单号：PEAA20247417496035566")
    assert "name" not in f  # 车主 inside 车主活动
    assert "order_number" not in f  # an insurance policy number is no work order
    assert "job_type" not in f  # 保养 named in passing, not ticked
    f = extract_fields("重要提示：请详细阅读条款，特别是投保人、被保险人义务。")
    assert "name" not in f


def test_specific_date_label_beats_generic():
    f = extract_fields("1.发证日期2024年1月16日\n17.车辆制造日期2024年01月14日")
    assert f["date"] == "2024-01-16"
    f = extract_fields("购车日期2024-02-05首保日期2024年10月22日")
    assert f["date"] == "2024-10-22"


def test_more_names():
    assert extract_fields("兹证明龙豪杰（身份证号码：420106200107161823）现居住于")["name"] == "龙豪杰"
    assert extract_fields("購買方名稱邵東洋納稅人識別號")["name"] == "邵東洋"
    assert extract_fields("所有人：龙豪杰\n住址：武汉市")["name"] == "龙豪杰"
    # Company names keep their brackets as printed.
    assert (
        extract_fields("租户名称：嘉禾丰文化传媒（广州）有限公司")["company"]
        == "嘉禾丰文化传媒（广州）有限公司"
    )


def test_landline_split_anyhow():
    assert extract_fields("固定电话：0755-6959 606")["landline"] == "0755-6959606"
    assert extract_fields("电话 (0755)6959606")["landline"] == "0755-6959606"


@pytest.mark.parametrize(
    "read, number",
    [
        ("WO241022597", "WO241022597"),
        ("W0241022597", "WO241022597"),  # O of the prefix read as 0
        ("WO24I022597", "WO241022597"),  # 1 among the digits read as I
        ("W000123", "W000123"),  # a zero-padded number keeps its zeros
        ("GD240717017", "GD240717017"),
        ("HCR0240703019", "HCRO240703019"),  # the O ending a longer prefix read as 0 before the date
        ("AB0241322019", "AB0241322019"),  # no date after the 0 (month 13): the 0 is a digit
        ("RO0240703019", "RO0240703019"),  # a prefix ending in O takes no second one
        ("R0-20250403-975", "RO-20250403-975"),  # the prefix's O read as 0 before a hyphen
        ("RO-2025O403-975", "RO-20250403-975"),
        ("A1-20250403-975", "A1-20250403-975"),  # a digit other than 0 is the prefix's own
    ],
)
def test_order_number_one_spelling(read, number):
    assert extract_fields(f"工单号：{read}")["order_number"] == number


def test_an_unlabelled_number_of_a_work_orders_grammar_is_the_order_number():
    """A site that heads its forms "No." (or RO:) names no label of ours; a letter prefix, the date the
    order was opened and a serial still make it the work-order number. Two such numbers, or a number
    with no date in it (an invoice's, a phone's), tell nothing."""
    sheet = "出厂结算单\nNo. RF250217442\n车架号 LGBGFMA06K5435252\n日期 20250217\n发票号码 54730815"
    assert extract_fields(sheet)["order_number"] == "RF250217442"
    assert extract_fields("专检工具读数记录\nRO: JNR0250925797\nODO: 1200 km")["order_number"] == "JNRO250925797"
    assert extract_fields("结算单\nNo. RO-20250403-975")["order_number"] == "RO-20250403-975"
    assert "order_number" not in extract_fields("结算单\nNo. RF250217442\n附 No. RF250301118")
    assert "order_number" not in extract_fields("结算单\nNo. AB12345678\n电话 13699866185")
    # An insurer's claim number under its own label is no work order's.
    assert "order_number" not in extract_fields("定损单\n报案号：R202510204324058定损日期：2025/10/20")


def test_organisation_code_certificate():
    text = """組織機構代碼證
代碼：53877274-X
名      稱    嘉禾達商務服務（武漢）有限公司
法定代表人    姚剛
住      所    武漢市洪山區解放大道556號
"""
    f = extract_fields(text)
    assert f["org_code"] == "53877274-X"
    assert f["name"] == "姚剛" and f["address"] == "武漢市洪山區解放大道556號"
    assert "org_code" not in extract_fields("识别代码（车架号）LFVYAGGB4R7666193")


def test_values_on_their_own_line_above_a_row_of_labels():
    # Handwritten values sit a little higher than their printed labels, and OCR puts them on a line
    # of their own above the row: the name comes from there, without the gender beside it.
    text = """客戶信息卡
蘇文艷女
客戶姓名性別
梁先生固定电话010-64895660
联系人
"""
    f = extract_fields(text)
    assert f["name"] == "蘇文艷" and f["contact"] == "梁先生" and f["landline"] == "010-64895660"
    # A title above a row of labels is no value; the row below is.
    f = extract_fields("接车单\n客户姓名 联系电话\n张三 13800138000")
    assert f["name"] == "张三" and f["mobile"] == "13800138000"
    assert extract_fields("茲證明蘇文艷（身份證號碼：320115196610298740）")["name"] == "蘇文艷"


def test_an_amount_read_with_its_commas_as_full_stops_or_叁_as_参():
    # The cents give the full stops away as thousands; 参 is 叁's other written form (and RapidOCR's reading).
    f = extract_fields("车辆总价款为人民币（大写）参拾贰万柒仟玖佰元整（小写：Y327.900.00），该价款包含增值税")
    assert f["amount"] == "327900.00"
    assert extract_fields("保险费合计（人民币大写）柒仟贰佰陆拾参元整")["amount"] == "7263.00"
    # A figure with one full stop stays a decimal, and one without cents proves nothing.
    assert extract_fields("合计金额 ¥1.5 元\n")["amount"] == "1.50"
    assert "amount" not in extract_fields("总价 1.234 元")
    # A digit lost or misread before 仟 or 佰 leaves no amount in words, rather than a wrong one
    # (陵仟柒佰肆拾 is 陸仟: 1740 was taken); the figure, where there is one, still counts.
    assert chinese_amount("陵仟柒佰肆拾元整") is None and chinese_amount("玖仟佰捌拾元整") is None
    assert chinese_amount("拾万元整") == 100000 and chinese_amount("壹佰零伍元") == 105
    assert extract_fields("保险费合计（人民币大写）陵仟柒佰肆拾元整（¥）6,740.00")["amount"] == "6740.00"


def test_a_date_with_its_time_glued_on():
    # A diagnostic printout's 检测时间 with the space before the time lost: day 14, not 1409.
    assert extract_fields("检测时间：2025/05/1409:29\n")["date"] == "2025-05-14"
    assert extract_fields("检测时间：2025/05/14 09:29\n")["date"] == "2025-05-14"
    assert "date" not in extract_fields("日期 2025/05/149\n")  # three digits and no time: no day


def test_a_speck_read_as_a_full_stop_inside_a_vin_is_no_break():
    # A black-and-white scan's specks come back as full stops inside a code (seed 20261214: 3 of 168
    # VINs). The check digit proves the reading without it; unproved, a dotted run is no VIN at all.
    assert extract_fields("车架号 LE4ATLMXORT9.46349\n")["vin"] == "LE4ATLMX0RT946349"
    assert extract_fields("车架号 LE4ATLMX0R.T946349\n")["vin"] == "LE4ATLMX0RT946349"
    f = extract_fields("车架号 LE4ATLMX0RT9.46348\n")  # the check digit fails: not offered even to a clerk
    assert "vin" not in f and "vin_unverified" not in f
    assert extract_fields("合计 1234.56 元\n").get("amount") == "1234.56"


def test_a_cells_rule_read_before_a_block_letter_is_no_part_of_the_unit():
    # Family j (a move-in handover sheet, OCR as read): the rule between 所在单元 and D座1403 was read as 1.
    assert extract_fields("所在单元1D座1403公司名称福州汇丰源餐饮管理有限公司\n")["unit"] == "D座1403"
    assert extract_fields("所在单元|D座1403\n")["unit"] == "D座1403"
    # A digit before 座 itself is the building's number (11座1403), kept as printed.
    assert extract_fields("单元 11座1403\n")["unit"] == "11座1403"


def test_a_floor_units_f_read_as_a_look_alike_after_an_english_gloss():
    # Family h (a bilingual move-in form, OCR as read): 單元 Unit 15F-08 read with P for F.
    assert extract_fields("單元Unit 15P-08 Building/項目海港中心\n")["unit"] == "15F-08"
    assert extract_fields("单元 8E-05\n")["unit"] == "8F-05"
    # Where a letter may stand (before the building number) it is kept as printed.
    assert extract_fields("单元 A12-203\n")["unit"] == "A12-203"
    assert extract_fields("单元 ROOM 15F-08\n")["unit"] == "15F-08"
