"""Customers, companies, staff and addresses: who appears on the forms."""

from __future__ import annotations

import random
from dataclasses import dataclass

from . import ids

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰",
         "霞", "平", "刚", "桂英", "建华", "文博", "子涵", "欣怡", "浩然", "雨轩", "宇航", "嘉怡", "志强", "海燕", "晓东", "春梅",
         "国庆", "立新", "思远", "梓萱", "一鸣", "俊杰", "红梅", "卫东", "丹", "鹏", "辉", "琳", "晨", "亮", "婷婷"]
CITY_WORDS = {"110105": "北京", "310115": "上海", "440305": "深圳", "320102": "南京", "330106": "杭州", "510107": "成都",
              "420106": "武汉", "370202": "青岛", "350203": "厦门", "610113": "西安"}
TRADE = ["瑞丰", "恒通", "鼎盛", "华信", "博远", "金桥", "宏图", "启明", "嘉禾", "天泽", "万和", "中联", "德润", "安达",
         "远航", "新元", "卓越", "正泰", "永安", "汇智", "星河", "明达", "锦程", "东方", "铭洋"]
BUSINESS = ["科技", "贸易", "物流", "建筑工程", "信息技术", "餐饮管理", "文化传媒", "医疗器械", "电子", "咨询服务", "实业"]
STREETS = ["人民路", "解放路", "建设大道", "中山路", "和平街", "长江路", "新华路", "滨江大道", "科技园路", "学府路",
           "光明街", "青年路", "金融街", "世纪大道", "文化路"]
ESTATES = ["翠湖花园", "阳光小区", "锦绣华庭", "东方明珠苑", "枫林雅居", "金色家园", "绿城公寓", "海棠湾", "紫荆苑", "丽水佳园"]


def name(rng: random.Random) -> str:
    s = rng.choice(SURNAMES)
    return s + rng.choice(GIVEN) + (rng.choice(GIVEN)[:1] if rng.random() < 0.15 else "")


def company(rng: random.Random, region: str) -> str:
    return f"{CITY_WORDS[region]}{rng.choice(TRADE)}{rng.choice(BUSINESS)}有限公司"


def address(rng: random.Random, region: str) -> str:
    city = ids.REGIONS[region]
    if rng.random() < 0.5:
        return f"{city}{rng.choice(STREETS)}{rng.randrange(1, 999)}号{rng.choice(ESTATES)}{rng.randrange(1, 30)}栋{rng.randrange(1, 33)}0{rng.randrange(1, 6)}室"
    return f"{city}{rng.choice(STREETS)}{rng.randrange(1, 999)}号"


@dataclass
class Customer:
    region: str
    name: str  # the person (or the company's contact)
    company: str | None  # a company customer
    contact: str
    mobile: str
    landline: str
    address: str
    id_number: str
    credit: str | None


def customer(rng: random.Random, region: str) -> Customer:
    n = name(rng)
    co = company(rng, region) if rng.random() < 0.25 else None
    return Customer(region=region, name=n, company=co, contact=name(rng) if co or rng.random() < 0.3 else n,
                    mobile=ids.mobile(rng), landline=ids.landline(rng, region), address=address(rng, region),
                    id_number=ids.id_number(rng, region if rng.random() < 0.7 else None),
                    credit=ids.credit_code(rng, region) if co else None)
