"""Pairing in mixed bulletins where the sentence rules alone go wrong.

Each bulletin is made of a few consecutive WMT17/WMT18 lines (Chinese, then its human
English, as the benchmark bulletins are built), and the test asserts every pair.
"""

from __future__ import annotations

import bitext

from .conftest import pair_texts


def test_headline_translation_is_cut_from_the_sentence_it_runs_into() -> None:
    # WMT17 lines 660-661: the headline and its translation have no full stop.
    text = (
        "中国的火星计划来了 China's Mars program is coming China Mars exploration mission aims "
        "to achieve surrounding, landing and patrolling at one time, which has never occurred "
        "in foreign countries."
    )
    assert pair_texts(text) == [("中国的火星计划来了", "China's Mars program is coming")]


def test_latin_phrase_that_translates_the_chinese_before_it_ends_the_run() -> None:
    # WMT18 lines 2018-2020: a list of names, each followed by its translation.
    text = (
        "约旦国王阿卜杜拉二世 King Abdullah of Jordan 黎巴嫩总统奥恩 President Aoun of Lebanon "
        "阿尔巴尼亚总统梅塔 President Meta of Albania"
    )
    assert pair_texts(text) == [
        ("约旦国王阿卜杜拉二世", "King Abdullah of Jordan"),
        ("黎巴嫩总统奥恩", "President Aoun of Lebanon"),
        ("阿尔巴尼亚总统梅塔", "President Meta of Albania"),
    ]


def test_a_latin_name_inside_chinese_stays_in_the_run() -> None:
    text = "旧金山电台 KGO 报道,加利西亚 Frank Galicia 表示同意。 KGO reported that Frank Galicia agreed."
    assert pair_texts(text) == [
        (
            "旧金山电台 KGO 报道,加利西亚 Frank Galicia 表示同意。",
            "KGO reported that Frank Galicia agreed.",
        )
    ]


def test_an_unpunctuated_quote_end_is_split_at_the_next_sentence_opener() -> None:
    # WMT17 lines 108-109: the first English line has no full stop.
    text = (
        "我很激动，因为我的家人也在现场 I'm very emotional because my family are here as well "
        "I'm very pleased for it to have happened at Newmarket because this is where I landed "
        "30 years ago. 我对自己在纽马基特取得的成绩感到高兴，因为30年前我就是从这里起步的。"
    )
    assert pair_texts(text) == [
        ("我很激动，因为我的家人也在现场", "I'm very emotional because my family are here as well"),
        (
            "我对自己在纽马基特取得的成绩感到高兴，因为30年前我就是从这里起步的。",
            "I'm very pleased for it to have happened at Newmarket because this is where I "
            "landed 30 years ago.",
        ),
    ]


def test_a_translation_left_after_the_head_of_a_cut_fragment_joins_its_pair() -> None:
    # bench wmt18-b027 (WMT18 news): the Chinese lost its head ("今天，…学院遭到袭击。"),
    # so its English starts with the head's translation; the sentence that translates
    # the Chinese must not be left on its own.
    text = (
        "本轮和谈是极端组织在叙利亚境内主要力量被歼灭的新形势下召开的。 This round of peace "
        "talk is held under new conditions, given that extremist groups have been annihilated "
        "from their main forces in Syria. 多名袭击者伪装后潜入学院,并与赶到的巴基斯坦安全人员"
        "发生交火。 Today , an agricultural training institute in Peshawar , a city in "
        "northwestern Pakistan, was attacked. Several attackers camouflaged themselves and "
        "entered the institute and exchanged fire with Pakistani security personnel when they "
        "arrived . Four attackers were killed."
    )
    assert [(zh[:6], en[:20], en[-20:]) for zh, en in pair_texts(text)] == [
        ("本轮和谈是极", "This round of peace ", "ain forces in Syria."),
        ("多名袭击者伪", "Today , an agricultu", " when they arrived ."),
    ]


def test_a_clause_is_cut_from_the_sentence_it_translates_part_of() -> None:
    # WMT18: the Chinese is one clause (no full stop); the English sentence goes on.
    text = (
        "中加关系要持续健康稳定发展,必须顺应时代潮流 To maintain the sound and stable "
        "development of Sino-Canadian relations, we must comply with the trend of the times, "
        "uphold mutual respect, treat each other equally, seek mutual benefits and win-win "
        "cooperation, and constantly expand common interests."
    )
    assert pair_texts(text) == [
        (
            "中加关系要持续健康稳定发展,必须顺应时代潮流",
            "To maintain the sound and stable development of Sino-Canadian relations, we must "
            "comply with the trend of the times,",
        )
    ]


def test_a_repeated_english_word_is_no_further_evidence() -> None:
    from bitext.align.lexicon import load_lexicon
    from bitext.align.signals import read_features, word_hits

    lexicon = load_lexicon()
    zh = [read_features("兴奋剂丑闻", "zh", lexicon)]
    once = word_hits(zh, [read_features("doping scandal", "en", lexicon)])
    twice = word_hits(zh, [read_features("doping scandal, doping scandal", "en", lexicon)])
    assert once.en_hit > 0
    assert twice == once  # neither a hit nor a miss the second time
    other = word_hits(zh, [read_features("doping scandal, athletics boss", "en", lexicon)])
    assert other.en_hit == once.en_hit and other.en_total > once.en_total


def test_a_byline_header_translated_whole_is_its_own_pair() -> None:
    # WMT21: a news page's header and its translation, then the headline. The English
    # header has no sentence end and no lower-case words; the dictionary (来源 Source,
    # 作者 Author, 编辑 Editor) and the names' pinyin say it translates the header.
    text = (
        "2020-07-26 15:18:27 来源：央视网 作者：朱延静 责任编辑：朱延静 "
        "2020-07-26 15:18:27 Source: cctv.com Author: Zhu Yanjing Editor: Zhu Yanjing "
        "启动App违法违规收集使用个人信息治理工作。 "
        "Corrective work on illegal and violating collection and use of personal information by apps."
    )
    assert pair_texts(text) == [
        (
            "2020-07-26 15:18:27 来源：央视网 作者：朱延静 责任编辑：朱延静",
            "2020-07-26 15:18:27 Source: cctv.com Author: Zhu Yanjing Editor: Zhu Yanjing",
        ),
        (
            "启动App违法违规收集使用个人信息治理工作。",
            "Corrective work on illegal and violating collection and use of personal information by apps.",
        ),
    ]
    assert [f.rule for f in bitext.check_text(text).findings if f.rule.startswith("figure")] == []


def test_a_number_between_headlines_goes_with_the_side_it_opens() -> None:
    # WMT21 headlines: "58" opens the English ("58 Apps"); "2000" opens the next Chinese
    # line (2000 架, a classifier follows); a percentage that a Chinese clause goes on from
    # opens the Chinese ("89 %，每日…").
    text = (
        "58 款侵害用户权益行为的APP遭曝光-中新网 58 Apps that violate user rights are exposed "
        "- Ecns.cn 2000 架波音客机作紧急检查。 An urgent inspection of 2,000 Boeing airliners."
    )
    assert pair_texts(text) == [
        (
            "58 款侵害用户权益行为的APP遭曝光-中新网",
            "58 Apps that violate user rights are exposed - Ecns.cn",
        ),
        ("2000 架波音客机作紧急检查。", "An urgent inspection of 2,000 Boeing airliners."),
    ]
    cut = "no one is now immune. 89 %，每日平均2.9人死于新冠病毒感染。 Cases rose 89%, 2.9 people died every day."
    assert pair_texts(cut)[0] == (
        "89 %，每日平均2.9人死于新冠病毒感染。",
        "Cases rose 89%, 2.9 people died every day.",
    )


def test_latin_in_brackets_after_a_quote_glosses_the_chinese() -> None:
    # WMT17: "(Final Five)" after a closing quote, "(Taylor Ruck)" before a figure.
    text = (
        "她们是“终极五人组”(Final Five)，因为下届奥运体操队将由四名体操运动员组成。 "
        'They are the "Final Five" because the next team will only have four gymnasts.'
    )
    assert len(pair_texts(text)) == 1
    race = "落后加拿大的泰勒·拉克 (Taylor Ruck) 1.61 秒。 She was 1.61 seconds slower than Taylor Ruck."
    assert pair_texts(race) == [
        (
            "落后加拿大的泰勒·拉克 (Taylor Ruck) 1.61 秒。",
            "She was 1.61 seconds slower than Taylor Ruck.",
        )
    ]


def test_list_item_numbers_open_their_item_on_both_sides() -> None:
    # WMT22 shop listings: "4." opens the English item after the Chinese one, and "1."
    # after "No quote yet" opens the next item instead of ending the sentence before it.
    text = (
        "4.重物产品一般发物流，另行联系。 4 . Heavy products are sent by express companies. "
        "暂无报价 No quote yet 1. OMEGA De Ville couples watches 1、瑞士欧米茄碟飞系列情侣对表 "
        "1. OMEGA Switzerland De Ville couples watches"
    )
    assert pair_texts(text) == [
        ("4.重物产品一般发物流，另行联系。", "4 . Heavy products are sent by express companies."),
        ("暂无报价", "No quote yet"),
        ("1、瑞士欧米茄碟飞系列情侣对表", "1. OMEGA Switzerland De Ville couples watches"),
    ]
    assert [f.rule for f in bitext.check_text(text).findings if f.rule.startswith("figure")] == []
    # A number that ends a sentence stays in it.
    assert pair_texts(
        "从 8 月 1 日开始办理。 It began on August 10. 目前老年卡分为两种。 There are two kinds."
    )[0] == (
        "从 8 月 1 日开始办理。",
        "It began on August 10.",
    )


def test_a_derived_english_word_matches_the_dictionary_translation_of_its_base() -> None:
    # WMT22 zh-en lines 529-530 (the English of 我不会去 stands before it): 送 is "deliver"
    # in the dictionary, and Snowball stems "delivery" to deliveri but "deliver" to deliv.
    text = "I won’t go. 我是按送单 I placed a delivery order."
    assert pair_texts(text) == [("我是按送单", "I placed a delivery order.")]


def test_an_everyday_sense_the_dictionary_lacks_comes_from_the_glossary() -> None:
    # WMT22 zh-en lines 1191-1193, the Chinese of line 1192 left out (a bulletin that lost
    # a line): 同时 is "meanwhile" and 测 "test" (tester) in everyday speech; CC-CEDICT has
    # only "at the same time" and "to survey; to measure".
    text = (
        "因此在在购买的时候选择分体式的足浴盆。 Therefore, choose split type feet bath basin. "
        "There is no safety risk when water and electricity are separated. "
        "同时你可以随便拿电笔测。 Meanwhile, you can use a tester to test it."
    )
    assert pair_texts(text) == [
        ("因此在在购买的时候选择分体式的足浴盆。", "Therefore, choose split type feet bath basin."),
        ("同时你可以随便拿电笔测。", "Meanwhile, you can use a tester to test it."),
    ]


def test_a_word_the_dictionary_lacks_is_read_by_its_longest_known_pieces() -> None:
    # WMT22 zh-en lines 1044-1045, the Chinese of line 1044 left out: jieba keeps 想像中 as
    # one word, which CC-CEDICT lacks; its pieces 想像 "imagine" + 中 find "imagined" where
    # the characters (think, image, middle) did not, and the English before, which shares
    # "accept", "reason" and "exchange" with the Chinese, no longer wins.
    text = (
        "Photos were taken for all the products in the store, and there may be color "
        "differences due to factors such as differences of displayer and light; buyers who "
        "can’t accept any color differences please read this part and carefully think about "
        "it before placing an order, and the problem of color difference is not a reason for "
        "medium or negative review, or exchanging or refunding of products. "
        "本店不接受与想像中的不一样，款式风格不合为理作为退换和中差评的理由， We do not accept "
        "exchange or refunding or medium or negative reviews due to the product received being "
        "different from what you imagined or the style is not suitable for you,"
    )
    assert pair_texts(text) == [
        (
            "本店不接受与想像中的不一样，款式风格不合为理作为退换和中差评的理由，",
            "We do not accept exchange or refunding or medium or negative reviews due to the "
            "product received being different from what you imagined or the style is not "
            "suitable for you,",
        )
    ]
