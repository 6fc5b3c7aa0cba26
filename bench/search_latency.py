"""Benchmark the embedded search backend (search/fts.py): indexing rate, size and query latency.

Not a test. Generates N synthetic documents (Chinese form text of 300-600 characters drawn from the
car and unit dossiers in samples/content.py, one in ten in Traditional script, with VINs, plates, ID
and invoice numbers as extracted fields), indexes them into a fresh SQLite file (committing every 500
documents, as a batch ingest would), then runs a mixed query set through FtsIndex.search() (snippets
included) and prints p50/p95 latency per query class and overall.

Reproduce:
    .venv/bin/python bench/search_latency.py 10000
    .venv/bin/python bench/search_latency.py 100000 --queries 60
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dossier.samples import content as c  # noqa: E402
from dossier.search.base import IndexDoc  # noqa: E402
from dossier.search.fts import FtsIndex  # noqa: E402

# Simplified -> Traditional for the characters these templates use most; enough to make real
# Traditional documents, not a converter.
_S2T = str.maketrans(
    "车检发票险单户签货务买卖责约费证号码码驶动机厂质种类别轮胎灯调维修换资联系电话时间项目认销顾问员处办"
    "经营执统营业门锁请装饰赔档录质价税额种个为与变凭车辆内饰随条则应对该视试验报钥匙备气压油滤阀产权",
    "車檢發票險單戶簽貨務買賣責約費證號碼碼駛動機廠質種類別輪胎燈調維修換資聯繫電話時間項目認銷顧問員處辦"
    "經營執統營業門鎖請裝飾賠檔錄質價稅額種個為與變憑車輛內飾隨條則應對該視試驗報鑰匙備氣壓油濾閥產權",
)

CLAUSES = [
    "本人已确认上述车辆外观、内饰及随车物品完好无损，并已了解车辆的使用方法、保养周期及质量保证条款。",
    "如有异议，请于交车当日提出，逾期视为认可。本表一式两份，双方各执一份，具有同等效力。",
    "出卖人应按约定时间交付车辆及随车文件，买受人应按约定支付车辆价款，任何一方违约应承担违约责任。",
    "车辆在质量保证期内出现质量问题的，由出卖人负责免费修理、更换或者退货。",
    "本合同自双方签字盖章之日起生效，未尽事宜双方协商解决，协商不成的可向出卖人所在地人民法院起诉。",
    "请妥善保管本单据，凭此单办理后续保养及索赔业务。服务热线：400-820-8820。",
    "维修过程中如发现其他故障需增加维修项目，服务顾问将及时与客户联系，经客户同意后方可施工。",
    "更换下来的旧件客户如不带走，由本店统一回收处理。车内贵重物品请客户自行保管。",
    "装修期间应遵守物业管理规定，施工时间为工作日八时至十八时，不得损坏公共设施和消防设备。",
    "业主或租户应按时缴纳物业管理费，入住时请核对房屋设施并签字确认，钥匙交接后由租户负责保管。",
    "特此函告，请贵司于收到本函之日起五个工作日内予以书面回复。此致敬礼。",
    "保险期间内，被保险人或其允许的合法驾驶人在使用被保险机动车过程中发生意外事故，保险人依照本合同约定负责赔偿。",
]
CHECK_ITEMS = ["外观漆面", "内饰清洁", "随车工具", "备胎", "三角警示牌", "灯光", "雨刮", "轮胎气压", "机油液位",
               "制动液", "空调系统", "音响导航", "车窗升降", "中控锁", "发动机舱", "底盘"]


def _fill(rng: random.Random, lines: list[str], lo: int = 300, hi: int = 600) -> str:
    target = rng.randint(lo, hi)
    text = "\n".join(lines)
    while len(text) < target:
        text += "\n" + (rng.choice(CLAUSES) if rng.random() < 0.6 else
                        "  ".join(f"{i}{rng.choice(('√', '合格', '正常'))}" for i in rng.sample(CHECK_ITEMS, 4)))
    return text[:hi]


def car_docs(rng: random.Random) -> Iterator[tuple[str, str, dict[str, str]]]:
    """(doc_type, text, fields) for one car: the new-car file and some workshop visits."""
    f = c.make_car_file(rng)
    car, o, d = f.car, f.owner, f.dealer
    delivered = c.fmt_date(rng, f.delivered)
    keys = {"vin": car.vin, "plate": car.plate}
    yield "customer_card", _fill(rng, [
        "客户信息卡", f"客户姓名：{o.name}  性别：{o.gender}", f"联系人：{o.name}  手机：{c.fmt_mobile(rng, o.mobile)}",
        f"固定电话：{c.fmt_landline(rng, o.phone)}", f"住址：{o.address}", f"车型：{car.make.brand}{car.model}",
        f"车架号：{car.vin}", f"销售顾问：{f.consultant}", "客户签字："]), keys
    code, number = f"{rng.randint(10**11, 10**12 - 1)}", f"{rng.randint(10**7, 10**8 - 1)}"
    yield "purchase_invoice", _fill(rng, [
        "机动车销售统一发票", f"发票代码 {code}  发票号码 {number}", f"开票日期 {delivered}",
        f"购买方名称 {f.company or o.name}  身份证号码/组织机构代码 {f.company_id or o.id_number}",
        f"车辆类型 轿车  厂牌型号 {car.type_code}  产地 中国", f"合格证号 {car.cert_no}  发动机号码 {car.engine_no}",
        f"车辆识别代号/车架号码 {car.vin}", f"价税合计 {c.yuan_upper(car.price)}  小写 {c.money(car.price)}",
        f"销货单位名称 {d.name}  纳税人识别号 {d.tax_id}", f"地址 {d.address}  电话 {d.phone}", f"开户银行 {d.bank}"]
    ), {**keys, "invoice_code": code, "invoice_number": number}
    yield "sales_contract", _fill(rng, [
        "汽车销售合同", f"出卖人（甲方）：{d.name}", f"买受人（乙方）：{f.company or o.name}",
        f"车辆品牌型号：{car.make.brand} {car.model}  颜色：{car.colour}", f"车辆价款：{c.money(car.price)}",
        f"交车日期：{delivered}", *rng.sample(CLAUSES, 3), "买受人签字：", f"销售顾问：{f.consultant}"], 400, 600), keys
    yield "id_copy", _fill(rng, [
        "中华人民共和国居民身份证", f"姓名 {o.name}", f"性别 {o.gender}  民族 {o.ethnic}",
        f"出生 {o.birth.year}年{o.birth.month}月{o.birth.day}日", f"住址 {o.address}", f"公民身份号码 {o.id_number}",
        "签发机关 公安局", "有效期限 2020.01.01-2040.01.01"]), {"id_number": o.id_number}
    yield "delivery_checklist", _fill(rng, [
        "交车检查表", f"车架号：{car.vin}  车牌号：{car.plate}", f"交车日期：{delivered}",
        *(f"{i}  {rng.choice(('√', '合格', '正常'))}" for i in CHECK_ITEMS), "客户签字：",
        f"销售顾问签字：{f.consultant}"]), keys
    yield "insurance_policy", _fill(rng, [
        "机动车交通事故责任强制保险单", f"被保险人：{f.company or o.name}", f"号牌号码：{car.plate}",
        f"车辆识别代号：{car.vin}", f"保险期间：自{delivered}零时起", f"保险人：{f.insurer}", CLAUSES[-1]]), keys
    yield "vehicle_license", _fill(rng, [
        "中华人民共和国机动车行驶证", f"号牌号码 {car.plate}  车辆类型 小型轿车", f"所有人 {f.company or o.name}",
        f"住址 {o.address}", f"品牌型号 {car.make.brand}{car.type_code}", f"车辆识别代号 {car.vin}",
        f"发动机号码 {car.engine_no}", f"注册日期 {delivered}"], 300, 420), keys
    after = f.delivered
    for _ in range(rng.choice((0, 1, 1, 2, 3))):
        job = rng.choice(list(c.SERVICE_ITEMS))
        v = c.make_visit(rng, f, job, after)
        after = v.date_out
        vkeys = {**keys, "order_number": v.order_number}
        head = [f"车牌号：{car.plate}  车架号：{car.vin}", f"工单号：{v.order_number}  进厂日期：{c.fmt_date(rng, v.date_in)}",
                f"行驶里程：{v.mileage}公里  客户：{o.name}  电话：{c.fmt_mobile(rng, o.mobile)}"]
        yield "reception_sheet", _fill(rng, ["接车单", *head, f"客户描述：{v.complaint}", "贵重物品：无",
                                             f"服务顾问：{v.advisor}", "客户签字："]), vkeys
        yield "work_order", _fill(rng, ["任务委托书", *head, *(f"维修项目：{n}  工时费：{c.money(p)}" for n, p in v.items),
                                        f"维修技师：{v.technician}"]), vkeys
        yield "settlement", _fill(rng, ["结算单", *head, *(f"{n} × {q}  {c.money(p)}" for n, q, p in v.parts),
                                        f"工时费合计：{c.money(v.labour)}  材料费合计：{c.money(v.material)}",
                                        f"总计：{c.money(v.total)}  大写：{c.yuan_upper(v.total)}"]), vkeys
        yield "free_inspection_12", _fill(rng, ["12项免费检查表", *head, *(f"{i}：正常" for i in CHECK_ITEMS[:12]),
                                                "客户签字：", f"检查员：{v.technician}"]), vkeys


def unit_docs(rng: random.Random) -> Iterator[tuple[str, str, dict[str, str]]]:
    u = c.make_unit_file(rng)
    p = u.contact
    keys = {"unit": u.unit}
    head = [f"单元号：{u.unit}  {u.building}", f"租户：{u.tenant}", f"联系人：{p.name}  电话：{c.fmt_mobile(rng, p.mobile)}"]
    yield "move_in", _fill(rng, ["入住登记表", *head, f"入住日期：{c.fmt_date(rng, u.moved_in)}",
                                 f"紧急联系人：{c.person_name(rng)}", "业主签字：", f"经办人：{u.staff[0]}"]), keys
    yield "renovation", _fill(rng, ["二次装修申请表", *head, "施工单位：装饰工程有限公司", "装修期限：三十天",
                                    "装修押金：¥10,000.00", "申请人签字：", f"经办人：{u.staff[1]}"]), keys
    yield "correspondence", _fill(rng, ["工作联系函", f"致：{u.tenant}", f"发函单位：{u.manager}", *head]), keys
    for subject in rng.sample(("房门锁", "电话", "车位", "水牌", "客户加班"), 2):
        yield "application", _fill(rng, [f"{subject}申请单", *head, f"申请事项：{subject}", "申请人签字："]), keys


def generate(n: int, seed: int = 7) -> Iterator[IndexDoc]:
    rng = random.Random(seed)
    i = 0
    while True:
        unit = rng.random() < 0.2
        kind, docs = ("unit", unit_docs(rng)) if unit else ("car", car_docs(rng))
        traditional = rng.random() < 0.1
        for doc_type, text, fields in docs:
            i += 1
            key = fields.get("unit" if unit else "vin")
            yield IndexDoc(id=i, source=f"scan/{i:07d}.pdf", doc_type=doc_type, dossier_kind=kind,
                           dossier_key=key, text=text.translate(_S2T) if traditional else text, fields=fields)
            if i >= n:
                return


class QueryKeys:
    """The VINs, plates and dossier keys of the corpus, kept as strings only while it is indexed: 100k
    documents held in memory would make Python's garbage collector, not the search, dominate timings."""

    def __init__(self) -> None:
        self.vins: list[str] = []
        self.plates: list[str] = []
        self.dossiers: list[str] = []

    def note(self, doc: IndexDoc) -> None:
        if "vin" in doc.fields:
            self.vins.append(doc.fields["vin"])
            self.plates.append(doc.fields["plate"])
        if doc.dossier_key:
            self.dossiers.append(doc.dossier_key)


def queries(vins: list[str], plates: list[str], dossiers: list[str], rng: random.Random,
            per_class: int) -> dict[str, list[tuple[str, dict]]]:
    pick = lambda pool: [rng.choice(pool) for _ in range(per_class)]  # noqa: E731
    vins = pick(vins)
    return {
        "1-char": [(q, {}) for q in pick(list("车保户签检鑫琥帕车單"))],
        "2-char": [(q, {}) for q in pick(["交车", "保险", "发票", "签字", "刹车", "空调", "首保", "租户", "車輛", "异响"])],
        "4-char": [(q, {}) for q in pick(["交车检查", "违约责任", "随车工具", "发动机号", "更换机油", "客户签字",
                                          "质量保证", "装修押金", "檢查員簽", "车辆价款"])],
        "vin": [(v.lower() if k % 3 == 0 else v, {}) for k, v in enumerate(vins)],
        "vin-prefix": [(v[:8], {}) for v in vins],
        "plate": [(p, {}) for p in pick(plates)],
        "phrase": [(q, {}) for q in pick(['"机动车销售统一发票"', '"销售顾问签字"', '"请妥善保管本单据"', '"交车 日期"',
                                          '"服务热线：400-820-8820"', "保险 被保险人", "刹车 异响"])],
        "filtered": [(q, {"doc_type": t}) for q, t in pick([("车", "settlement"), ("交车", "delivery_checklist"),
                                                            ("保险", "insurance_policy"), ("违约责任", "sales_contract")])]
        + [("车", {"dossier": k}) for k in pick(dossiers)],
    }


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, nargs="?", default=10000, help="documents to index (default 10000)")
    ap.add_argument("--queries", type=int, default=40, help="queries per class (default 40)")
    ap.add_argument("--db", type=Path, help="SQLite file to use (default: a temporary file, removed); "
                    "one already holding the N documents is reused, to time queries again")
    args = ap.parse_args()

    tmp = tempfile.TemporaryDirectory()
    path = args.db or Path(tmp.name) / "search.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    index = FtsIndex(conn)
    index.ensure_schema()
    conn.commit()

    reuse = index.count() == args.n
    if not reuse:
        index.clear()
    keys = QueryKeys()
    n = chars = 0
    t0 = time.perf_counter()
    for doc in generate(args.n):
        if not reuse:
            index.index(doc)
        n, chars = n + 1, chars + len(doc.text)
        keys.note(doc)
        if n % 500 == 0:
            conn.commit()
    conn.commit()
    elapsed = time.perf_counter() - t0
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = os.path.getsize(path)
    if reuse:
        print(f"reused {path} with {n} documents")
    else:
        print(f"indexed {n} documents (mean {chars / n:.0f} characters) in {elapsed:.1f} s: "
              f"{n / elapsed:.0f} docs/s; database {size / 2**20:.1f} MiB, {size / n:.0f} bytes/document")

    rng = random.Random(11)
    classes = queries(keys.vins, keys.plates, keys.dossiers, rng, args.queries)
    for qs in classes.values():  # warm the page cache once, as a running server would be
        for q, kw in qs[:3]:
            index.search(q, **kw)
    all_ms: list[float] = []
    print(f"{'class':<11} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'mean hits':>10}")
    for name, qs in classes.items():
        ms, hits = [], []
        for q, kw in qs:
            t = time.perf_counter()
            found = index.search(q, **kw)
            ms.append((time.perf_counter() - t) * 1000)
            hits.append(len(found))
        all_ms += ms
        print(f"{name:<11} {len(ms):>4} {pct(ms, 50):>8.1f} {pct(ms, 95):>8.1f} {max(ms):>8.1f} "
              f"{statistics.mean(hits):>10.1f}")
    print(f"{'overall':<11} {len(all_ms):>4} {pct(all_ms, 50):>8.1f} {pct(all_ms, 95):>8.1f} {max(all_ms):>8.1f}")
    print(f"reproduce: .venv/bin/python bench/search_latency.py {args.n} --queries {args.queries}")
    conn.close()
    tmp.cleanup()


if __name__ == "__main__":
    main()
