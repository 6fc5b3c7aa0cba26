"""Benchmark the OCR engines on rendered Chinese form pages: seconds per page and character error rate.

Not a test. Renders N A4 pages (titles, label/value rows, a checklist table, a paragraph and small print,
in several CJK fonts, slightly skewed, speckled and greyed like a photocopy), reads each with every engine
at one thread, and prints seconds/page and CER against the rendered text. With --rotate, each page is
also turned 90/180/270 degrees and read through classify.ocr.orient.read_upright, reporting how often the
rotation is found and how many engine calls it took.

Reproduce:
    .venv/bin/python bench/ocr_engines.py 12 --dpi 200 --rotate
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from rapidfuzz.distance import Levenshtein

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

FONTS = [
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
]
BOLD = ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2)

TITLES = [
    "交车检查表",
    "客户信息卡",
    "汽车销售合同",
    "接车单",
    "任务委托书",
    "结算单",
    "12项免费检查表",
    "新车PDI检查表",
    "衍生服务清单",
    "估算单",
    "试车表",
    "入住资料登记表",
    "二次装修申请表",
    "车位申请表",
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱覃武戴孔汤庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍申尤毕聂柴焦向柳邢岳齐沿梅莫庄辛管祝左涂谷祁时舒耿牟卜路詹关苗凌费纪靳盛童欧甄项曲成游阳裴席卫查屈鲍位覃霍翁隋植甘景薄单包司柏宁柯阮桂闵欧阳解强丛华车冉房边辜吉饶刁瞿戚丘古米池滕晋苑邬臧畅宫来嵺苟全褚廉简娄盖符奚木穆党燕郎邸冀谈姬屠连郜晏栾郁商蒙计喻揭窦迟宇敖糜鄢冷卓花艾蓝都巩稽井练仲乐虞卞封竺冼原官衣楚佟栗匡宗应台巫鞠僧桑荆谌银扬明沙薄伏岑习胥保和蔺"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志强海燕文博子涵欣怡宇轩浩然梓萱一鸣晓东"
CITIES = [
    "上海市浦东新区",
    "北京市朝阳区",
    "广州市天河区",
    "深圳市南山区",
    "杭州市西湖区",
    "成都市武侯区",
    "南京市鼓楼区",
]
STREETS = ["世纪大道", "建国路", "天河路", "科技园南路", "文三路", "人民南路", "中山北路"]
CHECK_ITEMS = [
    "外观漆面",
    "内饰清洁",
    "随车工具",
    "备胎",
    "三角警示牌",
    "灯光",
    "雨刮",
    "轮胎气压",
    "机油液位",
    "制动液",
    "空调系统",
    "音响导航",
    "车窗升降",
    "中控锁",
    "发动机舱",
    "底盘",
]
PARAGRAPH = (
    "本人已确认上述车辆外观、内饰及随车物品完好无损，并已了解车辆的使用方法、保养周期及质量保证条款。"
    "如有异议，请于交车当日提出，逾期视为认可。本表一式两份，双方各执一份，具有同等效力。"
)
SMALL = "注：请妥善保管本单据，凭此单办理后续保养及索赔业务。服务热线：400-820-8820"
VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
PLATE_PROV = "沪京粤浙苏川鲁豫"


@dataclass
class Page:
    image: np.ndarray  # RGB uint8, upright
    lines: list[str]  # the rendered text, in reading order
    title_box: tuple[int, int, int, int]  # where the title was drawn (before skew)
    skew: float = 0.0  # degrees counter-clockwise the page was turned after drawing


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))


def _fields(rng: random.Random) -> list[tuple[str, str]]:
    return [
        ("客户姓名", _name(rng)),
        ("联系电话", "1" + "".join(rng.choice("3456789") + "".join(rng.choices("0123456789", k=9)))),
        ("车架号", "L" + "".join(rng.choices(VIN_CHARS, k=16))),
        (
            "车牌号",
            rng.choice(PLATE_PROV) + rng.choice("ABCDE") + "".join(rng.choices("0123456789ABCDEFGH", k=5)),
        ),
        ("日期", f"{rng.randint(2019, 2026)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"),
        ("地址", rng.choice(CITIES) + rng.choice(STREETS) + f"{rng.randint(1, 999)}号"),
        ("行驶里程", f"{rng.randint(5, 99999)}公里"),
        ("服务顾问", _name(rng)),
    ]


def render_page(seed: int, dpi: int = 200, degrade: bool = True, body_pt: float | None = None) -> Page:
    rng = random.Random(seed)
    w, h = round(8.27 * dpi), round(11.69 * dpi)
    img = Image.new("L", (w, h), 255)
    d = ImageDraw.Draw(img)

    def px(pt: float) -> int:
        return round(pt * dpi / 72)

    face = rng.choice(FONTS)
    body_pt = body_pt or rng.choice([10, 10.5, 11, 12])
    fb = ImageFont.truetype(face[0], px(body_pt), index=face[1])
    fs = ImageFont.truetype(face[0], px(8), index=face[1])
    ft = ImageFont.truetype(BOLD[0], px(rng.choice([18, 20, 22])), index=BOLD[1])
    lines: list[str] = []
    margin = px(54)

    title = rng.choice(TITLES)
    tw = d.textlength(title, font=ft)
    y = px(50)
    title_box = d.textbbox(((w - tw) / 2, y), title, font=ft)
    d.text(((w - tw) / 2, y), title, font=ft, fill=0)
    lines.append(title)
    y = int(title_box[3]) + px(24)
    step = round(px(body_pt) * 2.0)

    fields = _fields(rng)
    for i in range(0, len(fields), 2):  # two label:value pairs per row
        row = []
        for j, (label, value) in enumerate(fields[i : i + 2]):
            text = f"{label}：{value}"
            d.text((margin + j * (w - 2 * margin) // 2, y), text, font=fb, fill=0)
            row.append(text)
        lines.extend(row)
        y += step

    y += step // 2  # a checklist table with a grid
    items = rng.sample(CHECK_ITEMS, 8)
    col = [margin, margin + (w - 2 * margin) * 2 // 5, margin + (w - 2 * margin) * 3 // 5, w - margin]
    head = ["检查项目", "结果", "备注"]
    rows = [head] + [
        [it, rng.choice(["正常", "合格", "已检查", "异常"]), rng.choice(["", "", "已处理", "建议更换"])]
        for it in items
    ]
    for r, cells in enumerate(rows):
        top = y + r * step
        d.line((col[0], top, col[-1], top), fill=0, width=2)
        for c, cell in enumerate(cells):
            if cell:
                d.text((col[c] + px(6), top + (step - px(body_pt)) // 2 - px(2)), cell, font=fb, fill=0)
                lines.append(cell)
    bottom = y + len(rows) * step
    d.line((col[0], bottom, col[-1], bottom), fill=0, width=2)
    for x in col:
        d.line((x, y, x, bottom), fill=0, width=2)
    y = bottom + step

    # a paragraph, wrapped to the text width
    chars, cur = PARAGRAPH, ""
    for ch in chars:
        if d.textlength(cur + ch, font=fb) > w - 2 * margin:
            d.text((margin, y), cur, font=fb, fill=0)
            lines.append(cur)
            y += step
            cur = ""
        cur += ch
    d.text((margin, y), cur, font=fb, fill=0)
    lines.append(cur)
    y += step * 2

    for j, label in enumerate(["客户签字：", "销售顾问签字："]):
        d.text((margin + j * (w - 2 * margin) // 2, y), label, font=fb, fill=0)
        lines.append(label)
    y += step * 2
    d.text((margin, y), SMALL, font=fs, fill=0)
    lines.append(SMALL)

    angle = 0.0
    if degrade:
        angle = rng.uniform(-2.0, 2.0)
        img = img.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
        img = img.filter(ImageFilter.GaussianBlur(0.6))
        nrng = np.random.default_rng(seed)
        # photocopy grey: lower contrast, lighter black
        arr = np.asarray(img).astype(np.float64) * rng.uniform(0.75, 0.95) + rng.uniform(10, 40)
        arr += nrng.normal(0, 6, arr.shape)
        speck = nrng.random(arr.shape) < 0.0008
        arr[speck] = 40
        img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    rgb = np.asarray(img.convert("RGB"))
    return Page(image=rgb, lines=lines, title_box=tuple(int(v) for v in title_box), skew=angle)  # type: ignore[arg-type]


def _norm(text: str) -> str:
    # Spacing and full/half-width punctuation differ between engines and say nothing about reading.
    return "".join(unicodedata.normalize("NFKC", text).split())


def cer(reference: str, hypothesis: str) -> float:
    ref, hyp = _norm(reference), _norm(hypothesis)
    return Levenshtein.distance(ref, hyp) / max(1, len(ref))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, nargs="?", default=8, help="pages to render")
    ap.add_argument("--dpi", type=int, default=200)
    ap.add_argument(
        "--engines",
        default="rapidocr,tesseract",
        help="comma-separated; 'rapidocr:1600' sets the detector's longest side, "
        "'tesseract:chi_sim+chi_tra+eng' Tesseract's languages",
    )
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--rotate", action="store_true", help="also measure orientation detection")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--body-pt", type=float, default=None, help="body text size in points (default: 10-12)")
    args = ap.parse_args()

    from dossier.classify.ocr.base import OcrEngine
    from dossier.classify.ocr.orient import read_upright
    from dossier.classify.ocr.registry import get_engine
    from dossier.models import PageText

    pages = [render_page(args.seed + i, args.dpi, body_pt=args.body_pt) for i in range(args.n)]
    print(
        f"{args.n} pages at {args.dpi} dpi ({pages[0].image.shape[1]}x{pages[0].image.shape[0]}), "
        f"{args.threads} thread(s)"
    )
    for name in args.engines.split(","):
        if name.startswith("rapidocr:"):
            from dossier.classify.ocr.rapid import RapidOcrEngine

            engine: OcrEngine = RapidOcrEngine(threads=args.threads, det_max_side=int(name.split(":")[1]))
        elif name.startswith("tesseract:"):
            from dossier.classify.ocr.tess import TesseractEngine

            engine = TesseractEngine(langs=name.split(":")[1], threads=args.threads)
        else:
            engine = get_engine(name, threads=args.threads)
        engine.read(pages[0].image[:64])  # load models outside the timing
        secs, cers, cpu = [], [], 0.0
        for p in pages:
            c0, t0 = _cpu(), time.perf_counter()
            words = engine.read(p.image)
            secs.append(time.perf_counter() - t0)
            cpu += _cpu() - c0
            text = PageText(width=1, height=1, words=words).text
            cers.append(cer("".join(p.lines), text))
        print(
            f"{name:10s} bare engine:  {statistics.mean(secs):5.2f} s/page (CPU/wall {cpu / sum(secs):.2f})  "
            f"CER {statistics.mean(cers):6.1%} (worst page {max(cers):.1%})"
        )
        # the same pages through read_upright (deskew + orientation), upright as scanned
        secs, cers = [], []
        for p in pages:
            t0 = time.perf_counter()
            page_text, _ = read_upright(engine, p.image)
            secs.append(time.perf_counter() - t0)
            cers.append(cer("".join(p.lines), page_text.text))
        print(
            f"{name:10s} read_upright: {statistics.mean(secs):5.2f} s/page                  "
            f"CER {statistics.mean(cers):6.1%} (worst page {max(cers):.1%})"
        )
        if not args.rotate:
            continue
        counting = _Counting(engine)
        right, calls, secs_by_rot = 0, {0: 0, 90: 0, 180: 0, 270: 0}, {0: 0.0, 90: 0.0, 180: 0.0, 270: 0.0}
        wrong = []
        for i, p in enumerate(pages):
            for rot in (0, 90, 180, 270):
                # the page as scanned: turned `rot` degrees counter-clockwise, so `rot` clockwise makes it upright
                scanned = np.ascontiguousarray(np.rot90(p.image, k=rot // 90))
                counting.calls = 0
                t0 = time.perf_counter()
                page_text, _ = read_upright(counting, scanned)
                secs_by_rot[rot] += time.perf_counter() - t0
                calls[rot] += counting.calls
                if page_text.rotation == rot:
                    right += 1
                else:
                    wrong.append(f"page {i} rot {rot} -> {page_text.rotation}")
        n = len(pages)
        print(
            f"{name:10s} rotation right {right}/{4 * n}; engine calls/page by rotation "
            + ", ".join(f"{r}: {c / n:.2f}" for r, c in calls.items())
            + "; s/page by rotation "
            + ", ".join(f"{r}: {s / n:.2f}" for r, s in secs_by_rot.items())
        )
        for line in wrong:
            print("   wrong:", line)
    print("reproduce: .venv/bin/python bench/ocr_engines.py " + " ".join(sys.argv[1:]))


def _cpu() -> float:
    """CPU seconds of this process and its finished children (Tesseract runs as a subprocess)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


class _Counting:
    """Wraps an engine to count its calls."""

    def __init__(self, engine: object) -> None:
        self.engine = engine
        self.name = engine.name  # type: ignore[attr-defined]
        self.calls = 0

    def read(self, image: np.ndarray) -> list:
        self.calls += 1
        return self.engine.read(image)  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
