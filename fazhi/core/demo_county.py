"""The demo county, modelled on 确山县 as its 2022 report names it.

The units the seed report names (县委, 县政府, 县司法局, 县市场监督管理局, the towns and
streets) are here under their real names; the other departments are the usual set of a
county government. Villages are a small sample per township.
"""

from __future__ import annotations

PROVINCE = ("河南省人民政府", "HN")
CITY = ("驻马店市人民政府", "ZMD")
COUNTY = ("确山县人民政府", "QS", "确山县")

# (full name, short code)
DEPARTMENTS = [
    ("确山县人民政府办公室", "QS-ZFB"),
    ("确山县司法局", "QS-SFJ"),
    ("确山县市场监督管理局", "QS-SCJ"),
    ("确山县发展和改革委员会", "QS-FGW"),
    ("确山县教育局", "QS-JYJ"),
    ("确山县公安局", "QS-GAJ"),
    ("确山县民政局", "QS-MZJ"),
    ("确山县财政局", "QS-CZJ"),
    ("确山县人力资源和社会保障局", "QS-RSJ"),
    ("确山县自然资源局", "QS-ZRZYJ"),
    ("确山县住房和城乡建设局", "QS-ZJJ"),
    ("确山县交通运输局", "QS-JTJ"),
    ("确山县水利局", "QS-SLJ"),
    ("确山县农业农村局", "QS-NYJ"),
    ("确山县商务局", "QS-SWJ"),
    ("确山县文化广电和旅游局", "QS-WLJ"),
    ("确山县卫生健康委员会", "QS-WJW"),
    ("确山县应急管理局", "QS-YJJ"),
    ("确山县审计局", "QS-SJJ"),
    ("确山县统计局", "QS-TJJ"),
    ("确山县医疗保障局", "QS-YBJ"),
    ("确山县城市管理局", "QS-CGJ"),
    ("确山县林业局", "QS-LYJ"),
    ("确山县退役军人事务局", "QS-TYJ"),
    ("驻马店市生态环境局确山分局", "QS-HBJ"),
]

# Towns and streets of 确山县.
TOWNSHIPS = [
    ("盘龙街道办事处", "QS-PL"),
    ("三里河街道办事处", "QS-SLH"),
    ("朗陵街道办事处", "QS-LL"),
    ("竹沟镇人民政府", "QS-ZG"),
    ("任店镇人民政府", "QS-RD"),
    ("新安店镇人民政府", "QS-XAD"),
    ("留庄镇人民政府", "QS-LZ"),
    ("刘店镇人民政府", "QS-LD"),
    ("李新店镇人民政府", "QS-LXD"),
    ("双河镇人民政府", "QS-SH"),
    ("石滚河镇人民政府", "QS-SGH"),
    ("瓦岗镇人民政府", "QS-WG"),
    ("普会寺镇人民政府", "QS-PHS"),
]

VILLAGES_PER_TOWNSHIP = 4
VILLAGE_STEMS = ["东", "西", "南", "北", "李庄", "王庄", "张湾", "新村", "河口", "山前", "杨楼", "郭店"]

# Units whose acts the reconsideration and litigation demos most often see challenged
# (after the few each register puts first).
OFTEN_CHALLENGED = [
    "确山县住房和城乡建设局",
    "确山县城市管理局",
    "确山县交通运输局",
    "确山县农业农村局",
    "竹沟镇人民政府",
    "盘龙街道办事处",
    "三里河街道办事处",
    "任店镇人民政府",
]

# Bodies outside the government that the report counts (县委's legal advisers).
OTHER = [("中共确山县委员会", "QS-XW")]
