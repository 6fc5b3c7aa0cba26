"""Files a clerk drops in the scanner folder that are no document type: chat screenshots, stray photos."""

from __future__ import annotations

import random

from PIL import Image, ImageDraw

from dossier.models import Word, line_texts
from dossier.samples.content import person_name
from dossier.samples.render import fake_photo, font

CHATS = [
    ("您好，我的车想预约这周六上午保养，可以吗？", "可以的，周六上午九点给您安排，请带好保养手册。"),
    ("请问我的车什么时候可以提？", "正在做最后的清洗，预计下午三点可以交车。"),
    ("发票已经收到了，谢谢！", "不客气，有问题随时联系我。"),
    ("空调滤芯需要换吗？", "建议更换，上次更换已经一年了。", "好的，那就一起换吧。"),
    ("车位的事情物业那边回复了吗？", "已经在走申请流程了，这两天有结果。"),
]


def screenshot(rng: random.Random) -> tuple[Image.Image, str]:
    """A phone screenshot of a chat: 1080 px wide, status bar, bubbles left and right."""
    w, h = 1080, rng.choice((1920, 2340))
    bg = (237, 237, 237)
    im = Image.new("RGB", (w, h), bg)
    d = ImageDraw.Draw(im)
    words: list[Word] = []

    def text(x: int, y: int, s: str, px: int, fill: tuple[int, int, int] = (20, 20, 20)) -> None:
        f = font("sans", px)
        d.text((x, y), s, font=f, fill=fill)
        words.append(Word(text=s, box=d.textbbox((x, y), s, font=f), conf=1.0))

    text(40, 20, f"{rng.randint(8, 21)}:{rng.randint(0, 59):02d}", 34)
    d.rectangle((0, 90, w, 200), fill=(247, 247, 247))
    peer = person_name(rng) + rng.choice(("", "（服务顾问）", "（物业客服）"))
    text(w // 2 - int(font("sans", 40).getlength(peer)) // 2, 120, peer, 40)
    y = 260
    first, second = rng.sample(CHATS, 2)
    for k, msg in enumerate(first + ("",) * (len(first) % 2) + second):
        if not msg:  # keep turns alternating between the two people
            continue
        right = k % 2 == 1
        f = font("sans", 40)
        lines = [msg[i:i + 16] for i in range(0, len(msg), 16)]
        bw = int(max(f.getlength(s) for s in lines)) + 60
        bh = 58 * len(lines) + 40
        x = w - 160 - bw if right else 160
        d.rounded_rectangle((x, y, x + bw, y + bh), radius=14, fill=(149, 236, 105) if right else (255, 255, 255))
        d.rounded_rectangle((w - 130 if right else 30, y, w - 30 if right else 130, y + 100), radius=12,
                            fill=tuple(rng.randint(80, 200) for _ in range(3)))
        for i, s in enumerate(lines):
            text(x + 30, y + 20 + 58 * i, s, 40)
        y += bh + 60
        if y > h - 400:
            break
    d.rectangle((0, h - 160, w, h), fill=(247, 247, 247))
    d.rounded_rectangle((120, h - 130, w - 240, h - 40), radius=10, fill=(255, 255, 255))
    return im, "\n".join(line_texts(words))


def scene(rng: random.Random) -> tuple[Image.Image, str]:
    """A photo of nothing in particular (a showroom, a car park), as phones produce by mistake."""
    size = rng.choice(((1600, 1200), (1200, 1600)))
    return fake_photo(rng, rng.choice(("scene", "car")), size), ""
