"""The sites that print family h's forms: four car dealers and three property offices, each with its own
titles, labels, faces, paper, date and amount formats. Wording written for this family."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# Simplified -> Traditional for the characters this family prints (written for it; not complete).
_PAIRS = (
    "车車 单單 务務 维維 结結 检檢 项項 费費 号號 码碼 户戶 顾顧 问問 签簽 确確 认認 间間 时時 话話 电電 联聯 "
    "托託 书書 试試 价價 损損 备備 发發 养養 测測 报報 销銷 证證 驶駛 险險 档檔 业業 动動 机機 厂廠 额額 计計 "
    "总總 员員 质質 师師 负負 责責 经經 办辦 处處 门門 锁鎖 请請 装裝 饰飾 资資 来來 楼樓 层層 领領 钥鑰 设設 "
    "验驗 开開 关關 灯燈 压壓 刹剎 轮輪 却卻 传傳 带帶 滤濾 调調 盘盤 悬懸 挂掛 气氣 转轉 随隨 齐齊 说說 无無 "
    "异異 换換 应應 实實 际際 数數 附附 页頁 为為 与與 对對 后後 这這 个個 们們 会會 从從 并並 将將 给給 让讓 "
    "条條 约約 双雙 买買 卖賣 东東 区區 广廣 场場 国國 华華 贸貿 丰豐 达達 众眾 宝寶 马馬 奥奧 别別 盖蓋 录錄 "
    "记記 况況 状狀 态態 标標 准準 规規 现現 纸紙 续續 见見 环環 节節 观觀 内內 钮鈕 级級 点點 线線 网網 "
    "组組 织織 构構 营營 执執 贷貸 优優 赠贈 礼禮 垫墊 导導 长長 费費 税稅 减減 写寫 圆圓 万萬 贰貳 叁叄 陆陸 "
    "满滿 评評 诊診 断斷 论論 读讀 仪儀 编編 储儲 历歷 据據 辆輛 识識 颜顏 购購 订訂 贴貼 权權 产產 议議 协協 "
    "种種 强強 赔賠 偿償 预預 视視 镜鏡 钟鐘 题題 监監 纳納 宁寧 沪滬 粤粵 苏蘇 鲁魯 汉漢 厦廈 门門 兴興 昌昌 "
    "体體 库庫 图圖 阅閱 义義 务務 讯訊 邮郵 买買 乐樂 汇匯 韩韓 钱錢 银銀 币幣 扫掃 描描 复復 隶隸 属屬 写寫 "
    "细細 该該 须須 项項 离離 确確 认認 择擇 选選 适適 围圍 损損 坏壞 类類 别別 岁歲 龄齡 车車 辆輛 厢廂 灭滅 "
    "轴軸 齿齒 链鏈 钢鋼 铝鋁 胶膠 绝絕 缘緣 电電 池池 温溫 热熱 风風 扇扇 雾霧 刮刮 报報 警警 响響 声聲 "
    "亲親 爱愛 赁賃 续續 届屆 业業 临臨 时時 缴繳 纪紀 损損 毁毀 罚罰 处處 给給 侧側 缝縫 划劃 痕痕 凹凹 陷陷 "
    "涂塗 渍漬 灰灰 尘塵 阶階 梯梯 层層 单單 窗窗 围圍 墙牆 顶頂 浴浴 卫衛 厨廚 阳陽 台臺 欢歡 迎迎 惯慣 例例 "
    "专專 审審 批批 阅閱 复復 函函 致致 贵貴 敬敬 启啟 谢謝 须須 知知 称稱 码碼 户戶 头頭 园園 苑苑 庄莊 丽麗 "
    "寿壽 荣榮 军軍 伟偉 刚剛 华華 红紅 艳豔 丽麗 静靜 飞飛 鹏鵬 龙龍 凤鳳 杰傑 涛濤 晓曉 亮亮 浩浩 宇宇 "
    "运運 输輸 轿轎 乘乘 载載 剩剩 里里 燃燃 汽汽 柴柴 油油 档檔 钢鋼 产產 场場 厂廠 进進 坏壞 优優 惠惠 "
    "馈饋 赠贈 险險 续續 过過 户戶 牌牌 证證 费費 补補 贴貼 还還 旧舊 置置 换換 镀鍍 晶晶 膜膜 脚腳 垫墊 "
)
_PAIRS += ("杨楊 陈陳 刘劉 张張 赵趙 吴吳 孙孫 郑鄭 邓鄧 冯馮 萧蕭 叶葉 蒋蔣 吕呂 卢盧 钟鍾 谭譚 陆陸 贾賈 韦韋 邹鄒 阎閻 "
           "龙龍 贺賀 龚龔 钱錢 严嚴 艳艷 兰蘭 远遠 鸣鳴 晓曉 东東 国國 红紅 卫衛 涛濤 伟偉 静靜 丽麗 强強 军軍 杰傑 "
           "刚剛 华華 萧蕭 罗羅 许許 宋宋 唐唐 程程 ")
_PAIRS += "统統 于於 复複 钥鑰 码碼 态態 质質 单單 厦廈 门門 闽閩 湖湖 区區 顺順 险險 冲衝 级級 标標 规規 "
_HANT = {p[0]: p[1] for p in _PAIRS.split() if len(p) == 2}
_HANT_TABLE = str.maketrans(_HANT)
_PHRASES = {"规范": "規範", "修复": "修復", "恢复": "恢復", "回复": "回覆", "答复": "答覆", "干净": "乾淨"}


def hant(s: str) -> str:
    for a, b in _PHRASES.items():
        s = s.replace(a, b)
    return s.translate(_HANT_TABLE)


@dataclass(frozen=True)
class Site:
    key: str
    kind: str  # "car" | "unit"
    company: str
    short: str
    brand: str  # what stands before a title at some sites ("" none)
    city: str
    area: str  # telephone area code
    region: str  # six-digit ID-card region of most customers
    province: str
    plate_city: str
    wmi: tuple[str, ...]
    models: tuple[str, ...]
    body: str
    heading: str
    hant: bool
    bilingual: bool
    date_style: str  # iso | slash | cn | dot | dmy
    amount_style: str  # yen | yuan | rmb
    title_style: str  # plain | banner | boxed | logo | underline
    sig_style: str  # the site's favourite signature-field shape
    numbering: str
    order_style: str = "ro"
    unit_style: str = "tower"
    new_energy: float = 0.1
    ncr: bool = False  # carbon-copy forms on tinted paper


CAR_SITES = (
    Site("hutong", "car", "上海沪通汽车销售服务有限公司", "沪通汽车", "上汽大众", "上海", "021", "310104", "沪", "A",
         ("LSV",), ("朗逸 1.5L 自动舒适版", "帕萨特 330TSI 精英版", "途观L 330TSI 两驱智享版", "ID.4 X 纯净智享版"),
         "sans", "bold", False, False, "iso", "yen", "logo", "cells", "第{n}页 共{t}页", "ro", new_energy=0.15),
    Site("yuehua", "car", "广州粤华丰田汽车销售服务有限公司", "粤华丰田", "TOYOTA 丰田", "广州", "020", "440106", "粤", "A",
         ("LVG", "LFM"), ("凯美瑞 2.0G 豪华版", "卡罗拉 1.2T 先锋版", "汉兰达 2.0T 四驱豪华版", "bZ4X 长续航版"),
         "serif", "serifb", False, True, "slash", "rmb", "banner", "boxes", "Page {n} of {t}", "wx", new_energy=0.2),
    Site("hongchang", "car", "宏昌汽车服务股份有限公司（厦门）", "宏昌汽车", "", "厦门", "0592", "350203", "闽", "D",
         ("LVV", "LGB"), ("轩逸 1.6L XL 豪华版", "奇骏 2.0L CVT 舒适版", "天籁 2.0T 智领版"),
         "ming", "serifb", True, False, "cn", "yuan", "boxed", "vertical", "- {n} -", "num", new_energy=0.05, ncr=True),
    Site("rongcheng", "car", "成都蓉城新能源汽车销售服务有限公司", "蓉城新能源", "比亚迪 BYD", "成都", "028", "510107",
         "川", "A", ("LGX", "LC0"), ("秦PLUS DM-i 55KM 领先型", "汉 EV 605KM 尊贵型", "宋PLUS DM-i 110KM 旗舰型",
                                      "元PLUS 510KM 卓越型"),
         "zenhei", "bold", False, False, "dot", "yuan", "underline", "party", "{n}/{t}", "sc", new_energy=0.85),
)

UNIT_SITES = (
    Site("jinmao", "unit", "金茂物业服务有限公司", "金茂物业", "金茂大厦", "上海", "021", "310115", "沪", "A", (), (),
         "serif", "serifb", False, False, "cn", "yuan", "logo", "rule_below", "- {n} -", unit_style="tower"),
    Site("lvcheng", "unit", "杭州绿城物业管理有限公司", "绿城物业", "桂花城", "杭州", "0571", "330106", "浙", "A", (), (),
         "microhei", "bold", False, False, "iso", "yen", "boxed", "cells", "第 {n} 页", unit_style="dash"),
    Site("kowloon", "unit", "九龙置业物业管理（深圳）有限公司", "九龙置业", "Harbour Centre 海港中心", "深圳", "0755",
         "440304", "粤", "B", (), (), "ming", "serifb", True, True, "dmy", "rmb", "banner", "boxes",
         "Page {n}", unit_style="floor"),
)

WEEKDAY_CN = "一二三四五六日"
_CN_DIGITS = "〇一二三四五六七八九"


def cn_number(n: int) -> str:
    if n < 10:
        return _CN_DIGITS[n] if n else "〇"
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")


def fmt_date(d: date, style: str) -> str:
    if style == "slash":
        return f"{d:%Y/%m/%d}"
    if style == "cn":
        return f"{d.year}年{d.month:02d}月{d.day:02d}日"
    if style == "dot":
        return f"{d:%Y.%m.%d}"
    if style == "dmy":
        return f"{d:%d/%m/%Y}"
    if style == "upper":  # 二〇二六年十一月三日, the way contracts spell it out
        return "".join(_CN_DIGITS[int(c)] for c in str(d.year)) + f"年{cn_number(d.month)}月{cn_number(d.day)}日"
    return d.isoformat()


_UPPER = "零壹贰叁肆伍陆柒捌玖"
_UNITS = ("", "拾", "佰", "仟")


def upper_amount(cents: int) -> str:
    """人民币大写: 壹拾伍万玖仟捌佰元整."""
    yuan, frac = divmod(cents, 100)
    out = ""

    def four(n: int) -> str:
        s, zero = "", False
        for i in range(3, -1, -1):
            dgt = n // 10**i % 10
            if dgt:
                if zero and s:
                    s += "零"
                s += _UPPER[dgt] + _UNITS[i]
                zero = False
            else:
                zero = True
        return s

    hi, lo = divmod(yuan, 10000)
    if hi:
        out += four(hi) + "万"
        if lo and lo < 1000:
            out += "零"
    if lo:
        out += four(lo)
    out = (out or "零") + "元"
    jiao, fen = divmod(frac, 10)
    if not frac:
        return out + "整"
    return out + (_UPPER[jiao] + "角" if jiao else "零") + (_UPPER[fen] + "分" if fen else "")


def fmt_amount(cents: int, style: str) -> str:
    yuan, frac = divmod(cents, 100)
    if style == "yen":
        return f"¥{yuan:,}.{frac:02d}"
    if style == "rmb":
        return f"RMB {yuan:,}.{frac:02d}"
    return f"{yuan}.{frac:02d}元"


def plain_amount(cents: int) -> str:
    return f"{cents // 100}.{cents % 100:02d}"


def fmt_mobile(m: str, k: int) -> str:
    return (m, f"{m[:3]} {m[3:7]} {m[7:]}", f"{m[:3]}-{m[3:7]}-{m[7:]}")[k % 3]


def fmt_landline(t: str, k: int) -> str:
    area, num = t.split("-")
    return (t, f"({area}){num}", f"{area} {num[:4]} {num[4:]}")[k % 3]
