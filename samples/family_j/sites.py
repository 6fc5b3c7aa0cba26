"""The sites that print family j's papers (four dealers, two property offices), their house styles, and the
family's own Simplified->Traditional table, dates and amounts."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

# Written for this family: Simplified character, then its Traditional form, for the characters its own
# forms, names and addresses use.
_PAIRS = ("车車门門们們业業户戶页頁准準着著于於后後台臺处處办辦写寫约約级級纸紙红紅绿綠蓝藍须須区區县縣楼樓层層栋棟厅廳园園广廣场場贸貿际際厦廈湾灣汇匯丰豐宁寧兴興荣榮庆慶乐樂岛島鹭鷺闽閩陈陳张張刘劉"
          "杨楊赵趙吴吳郑鄭许許邓鄧冯馮叶葉苏蘇卢盧蒋蔣韩韓罗羅钟鍾谢謝萧蕭龚龔宾賓应應当當从從众眾价價优優储儲备備传傳伤傷体體养養减減则則划劃创創别別刹剎剂劑务務动動劳勞势勢单單卖賣卫衛历歷压壓厂廠发發"
          "变變号號吗嗎听聽启啟员員响響团團国國图圖圆圓块塊坏壞垫墊声聲复復头頭夹夾实實宝寶审審宽寬对對导導尽盡属屬岁歲币幣帐帳带帶帮幫并並库庫废廢开開异異弹彈录錄总總恼惱态態惯慣扫掃护護报報担擔拟擬"
          "择擇换換据據损損摄攝数數无無旧舊时時显顯术術机機杂雜权權条條来來标標检檢样樣档檔桥橋梦夢气氣没沒沪滬温溫测測润潤滤濾灯燈热熱点點烟煙状狀现現环環电電画畫疗療盘盤确確码碼礼禮离離种種积積称稱签簽"
          "简簡类類紧緊线線练練组組细細终終经經结結给給统統维維综綜编編缴繳网網联聯胶膠脑腦舱艙节節范範获獲营營装裝规規视視览覽订訂认認议議记記讯訊设設证證评評识識词詞试試话話询詢该該详詳说說请請读讀调調"
          "谈談负負责責质質购購费費资資赔賠转轉轮輪软軟轴軸载載较較辆輛输輸边邊达達过過运運还還这這进進远遠违違连連选選递遞遗遺邮郵钥鑰钢鋼钱錢铁鐵链鏈销銷锁鎖锈鏽长長问問间間闭閉阀閥队隊阶階险險随隨预預"
          "领領频頻题題额額风風驶駛驾駕验驗齐齊龄齡龙龍书書买買仪儀侧側内內凭憑击擊厘釐双雙够夠奖獎妆妝岗崗庄莊归歸彻徹悬懸挂掛摆擺敛斂断斷晓曉汤湯泼潑浅淺济濟涂塗渐漸滚滾满滿灭滅炉爐烦煩烧燒爱愛犹猶"
          "独獨盖蓋监監矫矯硕碩稳穩笔筆筑築粮糧纪紀纹紋纳納织織绕繞缓緩缝縫罚罰职職肃肅胁脅脏髒艺藝药藥补補观觀触觸计計让讓讲講论論诉訴诚誠误誤财財账賬货貨贴貼赁賃轨軌迁遷遥遙钉釘钻鑽铭銘银銀锐銳错錯镜鏡"
          "闸閘陆陸隐隱雾霧静靜顶頂项項顾顧饰飾馈饋骤驟鸿鴻黄黃齿齒与與专專东東两兩严嚴个個为為举舉义義乌烏习習乡鄉亚亞产產亲親亿億仅僅伟偉佣傭侠俠俭儉债債倾傾偿償儿兒关關兹茲军軍冲衝决決况況净淨凉涼几幾"
          "刚剛剑劍勋勳匀勻华華协協卤滷却卻参參叹嘆吨噸呜嗚咨諮坛壇坝壩垄壟墙牆壮壯夺奪妇婦娱娛婴嬰孙孫宠寵宪憲宫宮寻尋将將尔爾尝嘗届屆岂豈岭嶺峡峽师師帅帥庙廟弯彎强強征徵径徑忆憶怀懷恋戀恳懇悦悅惊驚惧懼"
          "惩懲战戰扑撲执執扩擴扬揚拥擁挡擋挤擠挥揮捞撈捡撿掳擄搁擱摊攤撑撐敌敵斗鬥晒曬暂暫杀殺杰傑极極构構枪槍柜櫃栏欄树樹桩樁欢歡欧歐歼殲残殘毁毀毕畢汉漢沟溝沣灃泽澤洁潔浊濁浏瀏涌湧涛濤渊淵渔漁湿濕溃潰"
          "滞滯滨濱灵靈灾災炼煉烛燭爷爺牵牽犊犢猎獵琼瓊瓯甌畅暢疮瘡皑皚盏盞盐鹽眯瞇础礎碍礙祸禍秃禿秆稈稣穌穷窮窍竅竞競笼籠筛篩粤粵纠糾纯純纲綱纷紛绅紳绑綁绒絨绘繪络絡绝絕绢絹绣繡继繼绩績绪緒续續绳繩绵綿"
          "缆纜缘緣缩縮罢罷聋聾聪聰肠腸肤膚肾腎肿腫胀脹胜勝脉脈脚腳脸臉腊臘舰艦艰艱芦蘆苍蒼苹蘋荐薦荡蕩莹瑩虑慮虫蟲虾蝦蚁蟻蜡蠟衔銜衬襯袜襪觅覓觉覺讨討训訓访訪诊診译譯诗詩诞誕语語诸諸诺諾课課谁誰谅諒谊誼"
          "谋謀谓謂谨謹贝貝贞貞贡貢贤賢败敗贩販贪貪贫貧贯貫贵貴贷貸贺賀赋賦赏賞赖賴赚賺赛賽赠贈趋趨跃躍践踐轩軒轰轟轻輕辅輔辈輩辉輝辖轄辞辭辩辯辽遼迈邁迟遲适適逊遜逻邏邻鄰酱醬释釋鉴鑒针針钓釣钙鈣钦欽"
          "钩鉤钮鈕铃鈴铅鉛铜銅铝鋁铺鋪锅鍋锋鋒锦錦键鍵镇鎮镑鎊闪閃闯闖闲閒闷悶闹鬧闻聞阁閣阅閱阔闊阳陽阴陰阵陣陕陝隶隸难難雏雛雳靂韦韋顺順顽頑顿頓颁頒颂頌颇頗颗顆颜顏飘飄飞飛饥飢饭飯饮飲饱飽馆館马馬驱驅"
          "驳駁驻駐骑騎骗騙鱼魚鲁魯鲜鮮鸟鳥鸡雞鸣鳴鸭鴨鹏鵬麦麥筹籌")
_TABLE = {ord(_PAIRS[i]): _PAIRS[i + 1] for i in range(0, len(_PAIRS), 2)}


def hant(text: str) -> str:
    """Traditional script, by this family's own character table."""
    return text.translate(_TABLE)


@dataclass(frozen=True)
class Site:
    key: str
    kind: str  # "dealer" or "property"
    company: str
    short: str
    brand: str
    city: str
    area: str  # telephone area code
    id_area: str  # first six digits of local resident IDs
    province: str  # plate province (Simplified)
    plate_letter: str
    wmi: str
    address: str
    hotline: str
    face: str  # body font
    title_face: str
    header: str  # logo / redhead / rule / bilingual / letter
    date_style: str
    amount_style: str
    page_style: str
    sig_shape: str  # this site's favourite signature shape
    hant_share: float  # share of its forms printed in Traditional script
    bilingual: bool
    ne_share: float  # share of new-energy plates
    unit_style: str = "tower"
    red_qr: bool = False


SITES = [
    Site("jinmen", "dealer", "天津津门瑞通汽车销售服务有限公司", "津门瑞通", "别克", "天津", "022", "120104", "津", "A",
         "LSG", "天津市河西区友谊南路218号", "022-58812288", "sans", "bold", "logo", "ymd_cn", "yuan_sign",
         "di_gong", "sign_table", 0.0, False, 0.1, red_qr=True),
    Site("ludao", "dealer", "厦门鹭岛东裕汽车有限公司", "鹭岛东裕", "东风日产", "厦门", "0592", "350203", "闽", "D",
         "LGB", "厦门市湖里区嘉禾路1066号", "0592-5736688", "zenhei", "serifb", "bilingual", "dot", "rmb",
         "page_of", "declaration", 0.35, True, 0.25),
    Site("shancheng", "dealer", "重庆山城长安汽车服务有限公司", "山城长安", "长安", "重庆", "023", "500103", "渝", "B",
         "LS5", "重庆市渝北区金开大道88号", "023-67908800", "microhei", "bold", "redhead", "slash", "yuan_suffix",
         "slash", "chain", 0.0, False, 0.3),
    Site("rongcheng", "dealer", "福州榕城智行新能源汽车销售有限公司", "榕城智行", "吉利银河", "福州", "0591",
         "350102", "闽", "A", "L6T", "福州市仓山区南江滨西大道199号", "0591-83306677", "sans", "serifb", "rule",
         "dash", "yuan_sign", "dash", "esign", 0.0, False, 0.8),
    Site("haixia", "property", "福州海峡物业服务有限公司", "海峡物业", "海峡金融中心", "福州", "0591", "350102", "闽",
         "A", "", "福州市鼓楼区五四路158号海峡金融中心", "0591-87110099", "serif", "serifb", "redhead", "ymd_cn",
         "yuan_suffix", "di_gong", "confirm", 0.0, False, 0.0, unit_style="tower"),
    Site("jiahe", "property", "嘉禾國際大廈物業管理處", "嘉禾國際大廈", "嘉禾国际大厦", "厦门", "0592", "350203", "闽",
         "D", "", "厦门市思明区嘉禾路23号嘉禾国际大厦", "0592-2209988", "ming", "serifb", "bilingual", "dot",
         "hkd_style", "page_of", "sign_table", 0.7, True, 0.0, unit_style="floor"),
]
DEALERS = [s for s in SITES if s.kind == "dealer"]
OFFICES = [s for s in SITES if s.kind == "property"]

CN_DIGIT = "〇一二三四五六七八九"


def fmt_date(d: dt.date, style: str) -> str:
    if style == "ymd_cn":
        return f"{d.year}年{d.month}月{d.day}日"
    if style == "dot":
        return f"{d.year}.{d.month:02d}.{d.day:02d}"
    if style == "slash":
        return f"{d.year}/{d.month}/{d.day}"
    if style == "dash":
        return d.isoformat()
    if style == "cn_full":
        y = "".join(CN_DIGIT[int(c)] for c in str(d.year))
        return f"{y}年{_cn_small(d.month)}月{_cn_small(d.day)}日"
    return f"{d.day:02d}-{d.month:02d}-{d.year}"


def _cn_small(n: int) -> str:
    if n < 10:
        return CN_DIGIT[n]
    if n < 20:
        return "十" + (CN_DIGIT[n % 10] if n % 10 else "")
    return CN_DIGIT[n // 10] + "十" + (CN_DIGIT[n % 10] if n % 10 else "")


_UP = "零壹贰叁肆伍陆柒捌玖"


def capital(amount: float) -> str:
    """The amount in capital numerals (大写), as invoices and contracts print it beside the figures."""
    fen = round(amount * 100)
    yuan, jiao, f = fen // 100, fen // 10 % 10, fen % 10
    units = ["", "拾", "佰", "仟"]
    out = ""
    for big, name in ((yuan // 10000, "万"), (yuan % 10000, "")):
        if not big and name:
            continue
        s, zero = "", False
        for i, ch in enumerate(f"{big:04d}"):
            v = int(ch)
            if v == 0:
                zero = bool(s)
            else:
                s += ("零" if zero else "") + _UP[v] + units[3 - i]
                zero = False
        if not name and big and big < 1000 and out:
            s = "零" + s
        out += s + name
    out = (out or "零") + "元"
    if jiao == 0 and f == 0:
        return out + "整"
    return out + (_UP[jiao] + "角" if jiao else "零") + (_UP[f] + "分" if f else "")


def fmt_amount(amount: float, style: str) -> str:
    s = f"{amount:,.2f}"
    if style == "yuan_sign":
        return "¥" + s
    if style == "rmb":
        return "RMB " + s
    if style == "yuan_suffix":
        return f"{amount:.2f}元"
    return "人民币" + s + "元"


SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余杜叶程魏苏吕丁沈任姚卢钟"
GIVEN = ["建国", "晓东", "丽华", "志强", "雅婷", "文涛", "海燕", "俊杰", "秀英", "明辉", "佳怡", "国栋", "思远", "艳红",
         "子轩", "春梅", "伟", "敏", "静", "磊", "芳", "超", "婷婷", "鹏飞", "玉兰", "家豪", "美玲", "振宇", "淑芬"]
FIRMS = ["鼎盛贸易有限公司", "恒达物流有限公司", "海润科技有限公司", "嘉信会计师事务所", "福瑞医疗器械有限公司",
         "远航国际货运代理有限公司", "宏图建筑设计有限公司", "汇丰源餐饮管理有限公司", "新纪元教育咨询有限公司"]
STREETS = ["长乐路", "湖滨南路", "解放碑步行街", "鼓屏路", "南京路", "五一北路", "嘉陵江路", "滨海大道", "金山大道"]


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def when(rng: random.Random) -> dt.date:
    return dt.date(2026, 1, 1) + dt.timedelta(days=rng.randint(0, 330))
