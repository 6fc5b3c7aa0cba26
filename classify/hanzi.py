"""Simplified <-> Traditional Chinese, character by character, for the vocabulary of our forms (no converter library is a dependency).

The table covers the characters the templates, names and policy titles use; a test renders every
template in Traditional and checks no mapped Simplified character is left. Phrases come first where
one Simplified character has two Traditional forms (制造/制动, 复印/恢复).
"""

from __future__ import annotations

_PAIRS = """
与與 专專 业業 丛叢 东東 丢丟 两兩 严嚴 个個 丰豐 临臨 为為 丽麗 举舉 义義 乐樂 书書 买買 乱亂 争爭 于於 亏虧
亚亞 产產 亩畝 亲親 亿億 仅僅 从從 仓倉 仪儀 们們 价價 众眾 优優 会會 伞傘 伟偉 传傳 伤傷 伦倫 伪偽 体體
侠俠 侣侶 侧側 侨僑 俭儉 债債 倾傾 偿償 储儲 儿兒 兑兌 党黨 兰蘭 关關 兴興 养養 兽獸 内內 册冊 写寫 军軍
农農 冯馮 冲衝 决決 况況 冻凍 净淨 准準 凉涼 减減 凑湊 凤鳳 凭憑 凯凱 击擊 划劃 刘劉 则則 刚剛 创創 删刪
别別 刹剎 剂劑 剑劍 办辦 务務 动動 劳勞 势勢 勋勳 区區 医醫 华華 协協 单單 卖賣 卢盧 卫衛 却卻 厂廠 厅廳
历歷 压壓 厦廈 县縣 参參 双雙 发發 变變 叠疊 叶葉 号號 叹嘆 吕呂 吗嗎 吨噸 启啟 吴吳 员員 呜嗚 响響 哑啞
团團 园園 围圍 国國 图圖 圆圓 场場 坏壞 块塊 坚堅 坛壇 垫墊 执執 报報 墙牆 壮壯 声聲 处處 备備 复複 头頭
夹夾 夺奪 奋奮 奖獎 妆妝 妇婦 娱娛 孙孫 学學 宁寧 宝寶 实實 审審 宪憲 宫宮 宽寬 宾賓 对對 导導 寿壽 将將
尔爾 尘塵 尝嘗 尽盡 层層 属屬 岁歲 岛島 岭嶺 币幣 师師 帐帳 帜幟 带帶 帮幫 并並 广廣 庆慶 库庫 应應 废廢
开開 异異 弃棄 张張 弹彈 强強 归歸 当當 录錄 彻徹 征徵 径徑 忆憶 怀懷 态態 总總 恋戀 恶惡 悬懸 惊驚 惯慣
愤憤 愿願 戏戲 战戰 户戶 扑撲 执執 扩擴 扫掃 扬揚 抢搶 护護 报報 担擔 拟擬 拥擁 择擇 挂掛 挡擋 挥揮 损損
换換 据據 掷擲 搜搜 携攜 摄攝 摆擺 敌敵 数數 斋齋 断斷 无無 旧舊 时時 旷曠 昼晝 显顯 晓曉 晋晉 暂暫 术術
机機 杀殺 杂雜 权權 条條 来來 杨楊 杰傑 极極 构構 枪槍 标標 栏欄 树樹 样樣 档檔 桥橋 梦夢 检檢 楼樓 欢歡
欧歐 毁毀 毂轂 毕畢 气氣 汇匯 汉漢 汤湯 沟溝 沪滬 泪淚 泽澤 洁潔 浅淺 测測 济濟 浓濃 涂塗 润潤 涨漲 渐漸
温溫 湾灣 满滿 滤濾 滨濱 灭滅 灯燈 灵靈 灾災 点點 炼煉 热熱 烟煙 爱愛 状狀 犹猶 狮獅 献獻 环環 现現 画畫
畅暢 疗療 监監 盖蓋 盘盤 码碼 础礎 确確 礼禮 离離 种種 积積 称稱 税稅 稳穩 穷窮 窃竊 竞競 笔筆 筑築 签簽
简簡 类類 粤粵 紧緊 红紅 约約 级級 纪紀 纯純 纳納 纸紙 纹紋 线線 组組 细細 织織 终終 绍紹 经經 结結 络絡
给給 统統 续續 维維 绿綠 编編 缝縫 缤繽 缴繳 网網 罗羅 职職 联聯 肃肅 胁脅 脑腦 脚腳 腾騰 舱艙 艺藝 节節
苏蘇 荐薦 药藥 营營 萨薩 蒋蔣 蓝藍 虽雖 补補 装裝 观觀 见見 规規 视視 览覽 计計 订訂 认認 让讓 议議 记記
讲講 许許 论論 讼訟 设設 访訪 证證 识識 诉訴 诊診 试試 诚誠 话話 询詢 该該 详詳 误誤 说說 请請 读讀 调調
谢謝 谭譚 负負 财財 责責 账賬 货貨 质質 购購 贰貳 贴貼 贵貴 贷貸 贸貿 费費 贺賀 贾賈 赁賃 资資 赔賠 赵趙
赶趕 趋趨 跃躍 践踐 车車 轩軒 转轉 轮輪 轴軸 载載 轿轎 辅輔 辆輛 辉輝 达達 迁遷 过過 迈邁 运運 还還 这這
进進 远遠 违違 连連 迟遲 选選 递遞 逻邏 遗遺 遥遙 邓鄧 邮郵 邻鄰 邹鄒 邺鄴 郑鄭 释釋 鉴鑑 钟鍾 钢鋼 钥鑰
钱錢 铁鐵 银銀 铺鋪 链鏈 销銷 锁鎖 错錯 锦錦 键鍵 镜鏡 长長 门門 闭閉 问問 间間 闵閔 阁閣 阅閱 阈閾 队隊
阳陽 阶階 际際 陆陸 陈陳 险險 随隨 隐隱 难難 静靜 韦韋 韩韓 页頁 顶頂 项項 顺順 须須 顾顧 预預 领領 频頻
题題 颜顏 额額 风風 飞飛 饰飾 馆館 马馬 驰馳 驶駛 驾駕 验驗 骏駿 鱼魚 鸟鳥 鸣鳴 鹏鵬 麦麥 黄黃 齐齊 龙龍
龚龔 凹凹 厘釐 坝壩 纲綱 绩績 绪緒 缘緣 缩縮 罚罰 锈鏽 钮鈕 挤擠 拨撥 梁梁 浏瀏 琼瓊 蕴蘊 扰擾 捡撿 凿鑿
蚀蝕 锅鍋 钳鉗 钻鑽 闸閘 晕暈 烧燒 熏燻 灿燦 炉爐 粮糧 紊紊 绕繞 绝絕 绘繪 绳繩 缆纜 肤膚 胆膽 胶膠 脏髒
袄襖 裤褲 讯訊 证證 评評 识識 译譯 诺諾 读讀 课課 谈談 谓謂 谱譜 贝貝 贡貢 贯貫 贸貿 赠贈 赞贊 迹跡 适適
逊遜 递遞 邮郵 酝醞 酱醬 针針 钉釘 钓釣 钙鈣 钠鈉 钩鉤 铃鈴 铅鉛 铜銅 铝鋁 铭銘 锐銳 锡錫 锤錘 镇鎮 闪閃
兹茲 叁參 届屆 栋棟 涛濤 电電 艳艷 闲閒 闹鬧 闻聞 阀閥 阵陣 陕陝 隶隸 雏雛 饭飯 饮飲 驱驅 骗騙 鸡雞 齿齒 龄齡 垒壘 确確 础礎 硕碩 碍礙 矫矯
"""
_PHRASES = {"制造": "製造", "制作": "製作", "系我": "係我", "联系": "聯繫", "余款": "餘款", "其余": "其餘",
            "委托": "委託", "恢复": "恢復", "复查": "複查", "干净": "乾淨", "范围": "範圍", "后": "後", "里面": "裡面",
            "台湾": "臺灣", "只有": "只有", "资讯": "資訊", "发型": "髮型", "面条": "麵條"}

S2T: dict[str, str] = {}
for _pair in _PAIRS.split():
    if _pair[0] != _pair[1]:
        S2T[_pair[0]] = _pair[1]
T2S = {t: s for s, t in S2T.items()}
_HANS = set(S2T) - set(T2S)
_HANT = set(T2S) - set(S2T)


def to_hant(text: str) -> str:
    for s, t in _PHRASES.items():
        text = text.replace(s, t)
    return "".join(S2T.get(ch, ch) for ch in text)


def to_hans(text: str) -> str:
    for s, t in _PHRASES.items():
        text = text.replace(t, s)
    return "".join(T2S.get(ch, ch) for ch in text)


def is_hanzi(ch: str) -> bool:
    """A Chinese character (the unified block and extension A), not a kana, a full-width Latin letter or a
    symbol: what a label, a title or a name is written in."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def script_of(text: str) -> str:
    """'hans', 'hant', 'neutral' (no script-specific character) or 'mixed'."""
    hans = any(ch in _HANS for ch in text)
    hant = any(ch in _HANT or ch in ("後", "係", "餘", "範", "複", "製") for ch in text)
    return "mixed" if hans and hant else "hans" if hans else "hant" if hant else "neutral"


# Characters of our forms' vocabulary (titles, keywords, signature labels of dossier/policies, and the
# field labels of classify/fields.py, in both scripts) that RapidOCR's recogniser (PP-OCRv4 rec, its
# dictionary in the model's metadata) cannot emit: it reads them as the Simplified form, a look-alike,
# or drops them (行駛證 -> 行證, 保險單 -> 保單, 業主名稱 -> 業主名). tests/test_classify.py checks this
# list against the installed model.
RAPIDOCR_MISSING = frozenset("冊別壞憑斷檢稅稱範簽綠緊編繫茲託註認責輛違遞險項預額駛")
# What RapidOCR reads in place of a pair that holds one of them, where it is not the pair with that
# character dropped: 聯繫電話 comes back 聊電話 or 聊繁電話 (on the tuning sets 13 of 44 wrong names
# were a name with 聊 or 聊繁 glued on, the rest of the phone label beside it).
RAPIDOCR_PAIRS = {"聯繫": ("聊", "聊繁")}
