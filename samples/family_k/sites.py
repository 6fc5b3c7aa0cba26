"""The six sites family k prints for, each with its own house style, and the people, cars and units they
serve. Everything here was written for this family from the domain description and the seed policies."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from dossier.samples.family_k import ids

# Simplified -> Traditional, only for the characters this family prints on its Traditional pages.
_T = dict(zip(
    "业东丝两严个临为丽举义乐书买争亏云产亲亿仅从仓们价众优会伞伟传伤侧储儿党关兴养册写军农冲决况净凭击划"
    "则刚创别制剂剧办务动劳势区医华单卖卫历压厅厦县发变叶号叹后吓吗启员听响哑围园国图圆场坏块坚坛垫执扩扫"
    "扬报扰抢护担拥择挂挡损换据掷摄摆数斋断无旧时显晋书朴机杂权条来杨极构枪柜标栏树样桥检楼橱欢气汇汉汤沟"
    "泽洁浅测济浏涂润涨渐温湾湿满滤灭灯灵炉点炼烟热爱牵状独狭献环现玛电画畅疗监盖盘睁码确礼种积称窗笔笼筑"
    "签简类粮紧纠红约级纪纳纸纹线练组细织终经绑结绕给络统继续绿维综网罗罚职联肃胁脑脸舱艺节苏范荐药莱获营"
    "萨蓝虑补装计订认讨让议讯记讲许论设访证评识诉词译试诚话询该详语误说请读课谁调谈谢谨负贡财责货质贩购贯"
    "费贴贵贷贸资赔赖赛赵车轨转轮软轴载较辆辅辑输辖边达迁过还这进远违连迟适选递逻遗邮邻郑钟钢钥钩钱铁铃铅"
    "银铺链销锁锈错锦键镜长门闭问闲间闸闻阀阅队阳阶际陆陈险随隐难雇静项顺须顾预领频题额风饭馆驶驾验骤鲜黄"
    "齐龙龟万处页执虚缴复续张厂岁态弃开协运营编谈层梯饰浆录户头宁荐宝剪",
    "業東絲兩嚴個臨為麗舉義樂書買爭虧雲產親億僅從倉們價眾優會傘偉傳傷側儲兒黨關興養冊寫軍農衝決況淨憑擊劃"
    "則剛創別製劑劇辦務動勞勢區醫華單賣衛歷壓廳廈縣發變葉號嘆後嚇嗎啟員聽響啞圍園國圖圓場壞塊堅壇墊執擴掃"
    "揚報擾搶護擔擁擇掛擋損換據擲攝擺數齋斷無舊時顯晉書樸機雜權條來楊極構槍櫃標欄樹樣橋檢樓櫥歡氣匯漢湯溝"
    "澤潔淺測濟瀏塗潤漲漸溫灣濕滿濾滅燈靈爐點煉煙熱愛牽狀獨狹獻環現瑪電畫暢療監蓋盤睜碼確禮種積稱窗筆籠築"
    "簽簡類糧緊糾紅約級紀納紙紋線練組細織終經綁結繞給絡統繼續綠維綜網羅罰職聯肅脅腦臉艙藝節蘇範薦藥萊獲營"
    "薩藍慮補裝計訂認討讓議訊記講許論設訪證評識訴詞譯試誠話詢該詳語誤說請讀課誰調談謝謹負貢財責貨質販購貫"
    "費貼貴貸貿資賠賴賽趙車軌轉輪軟軸載較輛輔輯輸轄邊達遷過還這進遠違連遲適選遞邏遺郵鄰鄭鐘鋼鑰鉤錢鐵鈴鉛"
    "銀鋪鏈銷鎖鏽錯錦鍵鏡長門閉問閒間閘聞閥閱隊陽階際陸陳險隨隱難僱靜項順須顧預領頻題額風飯館駛駕驗驟鮮黃"
    "齊龍龜萬處頁執虛繳複續張廠歲態棄開協運營編談層梯飾漿錄戶頭寧薦寶剪",
    strict=True))
_T.update(zip("审议员须", "審議員須", strict=True))


# Words whose Traditional form is not the characters' one-to-one forms.
_WORDS = {"联系": "聯繫", "关于": "關於", "于": "於"}


def trad(s: str) -> str:
    for simp, tr in _WORDS.items():
        s = s.replace(simp, tr)
    return "".join(_T.get(c, c) for c in s)


CN_DIGITS = "〇一二三四五六七八九"
UPPER = "零壹贰叁肆伍陆柒捌玖"


def yuan_upper(v: float) -> str:
    """159800.50 -> 壹拾伍万玖仟捌佰元伍角 (the capital-figure amount of Chinese receipts)."""
    fen_total = round(v * 100)
    yuan, jiao, fen = fen_total // 100, fen_total // 10 % 10, fen_total % 10
    units = ["", "拾", "佰", "仟"]

    def four(n: int) -> str:
        out, zero = "", False
        for k in range(3, -1, -1):
            d = n // 10**k % 10
            if d:
                if zero and out:
                    out += "零"
                out += UPPER[d] + units[k]
                zero = False
            else:
                zero = True
        return out

    parts = []
    if yuan >= 10000:
        parts.append(four(yuan // 10000) + "万")
        rest = yuan % 10000
        if rest and rest < 1000:
            parts.append("零")
        parts.append(four(rest))
    else:
        parts.append(four(yuan) or "零")
    s = "".join(parts) + "元"
    if not jiao and not fen:
        return s + "整"
    if jiao:
        s += UPPER[jiao] + "角"
    elif yuan:
        s += "零"
    if fen:
        s += UPPER[fen] + "分"
    return s


@dataclass
class Site:
    key: str
    kind: str  # "car" or "unit"
    company: str
    short: str
    brand: str
    city: str
    area: str  # phone area code
    region: str  # six-digit region of resident IDs and credit codes
    plate_letter: str
    hant: bool
    title_font: str
    body_font: str
    header: str  # how its letterhead looks
    date_style: str
    amount_style: str
    page_style: str
    sign_styles: tuple[str, ...]
    visit_style: str
    english: bool = False
    ne_share: float = 0.1  # new-energy plates
    wmi: tuple[str, ...] = ("LFV",)
    unit_style: str = ""
    red_header: bool = False
    address: str = ""
    words: dict[str, str] = field(default_factory=dict)


SITES = [
    Site("cth", "car", "武汉楚天汇通汽车销售服务有限公司", "楚天汇通", "一汽-大众", "武汉", "027", "420106", "A",
         False, "serifb", "sans", "logo_qr", "cn", "yen", "di_gong", ("grid", "colon", "bracket"), "wo",
         wmi=("LFV",), address="武汉市汉阳区龙阳大道188号", ne_share=0.08),
    Site("xc", "car", "襄阳鑫驰汽车贸易有限公司", "鑫驰", "东风日产", "襄阳", "0710", "420606", "F",
         False, "bold", "mono", "band_en", "slash", "rmb", "of_en", ("chain", "colon", "grid"), "ro",
         english=True, wmi=("LGB",), address="襄阳市高新区长虹北路66号", ne_share=0.1),
    Site("jc", "car", "湖北荆楚新能源汽车销售服务有限公司", "荆楚新能源", "比亚迪", "武汉", "027", "420111", "A",
         False, "sans", "microhei", "red_top", "dash_time", "yuan", "slash_num", ("esign", "box", "grid"), "fw",
         red_header=True, wmi=("LGX", "LC0"), address="武汉市洪山区雄楚大道1020号", ne_share=0.75),
    Site("hjw", "unit", "武汉汉江湾物业服务有限公司", "汉江湾物业", "汉江湾", "武汉", "027", "420103", "",
         False, "serif", "serif", "letterhead", "dot", "yuan", "dash_n", ("colon", "box", "chain"), "",
         unit_style="dash", address="武汉市江汉区汉江湾大道9号汉江湾花园管理处"),
    Site("gd", "unit", "冠德物業管理（武漢）有限公司", "冠德物業", "冠德國際廣場", "武漢", "027", "420102", "",
         True, "ming", "ming", "double_rule", "cn", "hkd", "di_gong", ("grid", "colon", "bracket"), "",
         english=True, unit_style="tower", address="武漢市江岸區解放大道688號冠德國際廣場"),
]


def pick_site(rng: random.Random, kind: str) -> Site:
    return rng.choice([s for s in SITES if s.kind == kind])


def fmt_date(site: Site, d: date, rng: random.Random | None = None) -> str:
    st = site.date_style
    if st == "cn":
        return f"{d.year}年{d.month}月{d.day}日"
    if st == "slash":
        return f"{d.year}/{d.month:02d}/{d.day:02d}"
    if st == "dash_time":
        h = (rng.randint(8, 17) if rng else 9)
        return f"{d.isoformat()} {h:02d}:{(rng.randint(0, 59) if rng else 30):02d}"
    if st == "dot":
        return f"{d.year}.{d.month:02d}.{d.day:02d}"
    return d.isoformat()


def cn_date(d: date) -> str:
    """二〇二六年十一月三日: how letters and certificates date themselves."""
    def num(n: int) -> str:
        if n < 10:
            return CN_DIGITS[n]
        return ("" if n < 20 else CN_DIGITS[n // 10]) + "十" + (CN_DIGITS[n % 10] if n % 10 else "")
    return "".join(CN_DIGITS[int(c)] for c in str(d.year)) + "年" + num(d.month) + "月" + num(d.day) + "日"


def fmt_amount(site: Site, v: float) -> str:
    st = site.amount_style
    if st == "yen":
        return f"¥{v:,.2f}"
    if st == "rmb":
        return f"RMB {v:.2f}"
    if st == "hkd":
        return f"人民幣 {v:,.2f} 元"
    return f"{v:,.2f}元"


def page_no(site: Site, k: int, n: int) -> str:
    st = site.page_style
    if st == "di_gong":
        return f"第{k}页 共{n}页"
    if st == "of_en":
        return f"Page {k} of {n}"
    if st == "slash_num":
        return f"{k}/{n}"
    return f"- {k} -"


SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢熊"
GIVEN = "志华建国军明文杰敏静丽强磊洋艳勇娟涛斌超霞平刚桂英辉鹏飞红玲婷雪琳浩宇晨欣怡子涵梓轩思远佳慧俊凯"
COMPANY_HEAD = ("武汉", "湖北", "襄阳", "宜昌", "荆州")
COMPANY_MID = ("长江", "华信", "锦程", "恒达", "博远", "九州", "瑞丰", "楚鑫", "天成", "汇智")
COMPANY_TAIL = ("物流有限公司", "建筑工程有限公司", "商贸有限公司", "科技有限公司", "餐饮管理有限公司", "电子有限公司",
                "会计师事务所（普通合伙）", "律师事务所")
STREETS = ("中山大道", "解放大道", "武珞路", "珞喻路", "建设大道", "长虹路", "民族大道", "沿江大道", "光谷大道")
DISTRICTS = ("江汉区", "武昌区", "洪山区", "江岸区", "硚口区", "汉阳区", "东西湖区")


def person_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


@dataclass
class Customer:
    name: str | None
    company: str | None
    contact: str | None
    mobile: str
    landline: str | None
    address: str
    id_number: str | None
    credit_code: str | None

    @property
    def party(self) -> str:
        return self.company or self.name or ""


def customer(rng: random.Random, site: Site, company_p: float = 0.2) -> Customer:
    addr = f"{site.city}市{rng.choice(DISTRICTS)}{rng.choice(STREETS)}{rng.randint(1, 899)}号"
    if rng.random() < company_p:
        comp = rng.choice(COMPANY_HEAD) + rng.choice(COMPANY_MID) + rng.choice(COMPANY_TAIL)
        return Customer(None, comp, person_name(rng), ids.mobile(rng),
                        ids.landline(rng, site.area), addr, None, ids.credit_code(rng, site.region))
    return Customer(person_name(rng), None, None, ids.mobile(rng),
                    ids.landline(rng, site.area) if rng.random() < 0.35 else None, addr,
                    ids.id_number(rng, site.region), None)


MODELS = {
    "一汽-大众": ("迈腾 330TSI", "速腾 280TSI", "探岳 380TSI", "宝来 1.5L", "ID.4 CROZZ"),
    "东风日产": ("轩逸 1.6L CVT", "天籁 2.0T", "奇骏 VC-Turbo", "逍客 2.0L", "艾睿泽e"),
    "比亚迪": ("汉 EV", "秦PLUS DM-i", "宋PLUS DM-i", "海豹 07", "元PLUS"),
}
COLOURS = ("珍珠白", "星空灰", "极夜黑", "宝石蓝", "曜石黑", "冰川银", "熔岩红")


@dataclass
class Car:
    vin: str
    plate: str | None
    model: str
    colour: str
    engine: str
    km: int


def car(rng: random.Random, site: Site, new: bool = False) -> Car:
    ne = rng.random() < site.ne_share
    province = "鄂"
    plate = None if new and rng.random() < 0.7 else ids.plate(rng, province, site.plate_letter, ne)
    model = rng.choice(MODELS[site.brand])
    eng = ("TZ" if ne else "EA") + "".join(rng.choice("0123456789ABCDEF") for _ in range(8))
    return Car(ids.vin(rng, rng.choice(site.wmi)), plate, model, rng.choice(COLOURS), eng,
               rng.randint(5, 60) if new else rng.randint(800, 96000))


def unit_no(rng: random.Random, site: Site) -> str:
    if site.unit_style == "dash":
        return f"{rng.randint(1, 12)}-{rng.randint(1, 4)}-{rng.randint(2, 32)}{rng.randint(1, 4):02d}"
    if rng.random() < 0.5:
        return f"{rng.choice('ABC')}座{rng.randint(3, 42)}{rng.randint(1, 12):02d}"
    return f"{rng.randint(3, 42)}F-{rng.randint(1, 16):02d}"


def visit_no(rng: random.Random, site: Site, d: date) -> str:
    n = rng.randint(1, 480)
    if site.visit_style == "wo":
        return f"WO{d:%y%m%d}{n:04d}"
    if site.visit_style == "ro":
        return f"RO-XY-{d:%y%m%d}-{n:03d}"
    return f"FW{d:%Y%m}{rng.randint(1, 9)}{n:04d}"


def some_day(rng: random.Random) -> date:
    return date(2026, 1, 5) + timedelta(days=rng.randint(0, 330))
