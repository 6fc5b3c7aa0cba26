"""Traditional script for the tower's forms: its managing agent is a Hong Kong firm and prints in 繁體.
A character table written for this family (only the characters its papers use); others stay as they are."""

from __future__ import annotations

_PAIRS = (
    "长長 业業 务務 单單 确確 认認 书書 户戶 进進 场場 钥鑰 设設 门門 锁鎖 换換 装裝 请請 电電 话話 宽寬 带帶 开開 车車 "
    "楼樓 层層 办辦 时時 间間 调調 编編 号號 称稱 联聯 读讀 数數 备備 项項 张張 见見 经經 审審 签簽 负負 责責 许許 须須 为為 "
    "动動 体體 结結 构構 员員 证證 缴繳 贵貴 费費 纳納 于於 问問 发發 检檢 储儲 筑築 运運 损損 坏壞 赶趕 购購 辆輛 资資 "
    "齐齊 规規 东東 区區 劳勞 万萬 丽麗 栋棟 华華 顺順 贸貿 传傳 众眾 机機 润潤 饮飲 远遠 术術 张張 刘劉 陈陳 杨楊 赵趙 吴吳 "
    "孙孫 马馬 罗羅 郑鄭 谢謝 韩韓 冯馮 邓鄧 蒋蔣 叶葉 苏蘇 吕呂 卢盧 谭譚 伟偉 静靜 强強 军軍 艳艷 杰傑 涛濤 刚剛 国國 红紅 "
    "辉輝 鹏鵬 轩軒 饰飾 计計 设設 申申 馆館 处處 态態 条條 议議 务務 级級 邮郵 图圖 这這 们們 对對 应應 写寫 现現 与與 "
    "气氣 门門 际際 页頁 类類 预預 约約 营營 务務 灯燈 线線 报報 压壓 维維 护護 变變 样樣 关關 闭閉 节節 约約 热熱 "
    "钟鐘 给給 让讓 请請 该該 还還 过過 实實 际際 说說 记記 录錄 总總 额額 状狀 况況 无無 误誤 续續 时時 点點 钱錢 币幣 "
    "养養 疗療 卫衛 冲衝 达達 湾灣 岭嶺 侨僑 绿綠 岗崗 馀餘 链鏈 锦錦 苑苑 梅梅 溪溪 递遞 环環 绍紹 阳陽 纸紙 统統 岛島"
)
TABLE = {p[0]: p[1] for p in _PAIRS.split()}
# Where one Simplified character stands for two Traditional ones, the word decides.
WORDS = {"联系": "聯繫", "准备": "準備", "复核": "複核", "之后": "之後", "以后": "以後"}


def hant(s: str) -> str:
    for a, b in WORDS.items():
        s = s.replace(a, b)
    return "".join(TABLE.get(ch, ch) for ch in s)
