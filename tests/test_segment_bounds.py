"""Where Latin text beside or inside a Chinese line goes: to the Chinese run or to the
English translation after it.

Each bulletin is a real line of a WMT corpus (its source given) followed by its human
English, as the benchmark bulletins are built, or a small bulletin in a shape the
pairing issue names; each test asserts every pair.
"""

from __future__ import annotations

import pytest

import bitext

from .conftest import pair_texts


def test_a_bracketed_gloss_after_a_spaced_closing_quote_stays_in_the_chinese() -> None:
    # WMT22 zh-en line 319: the quote closes apart from the bracket.
    zh = "有全球110个国家的领导人出席的线上“民主峰会 ” ( Summit for Democracy)星期五（12月10日）落幕。"
    en = "The online “Summit for Democracy” came to a close on Friday (December 10)."
    assert pair_texts(f"{zh} {en}") == [(zh, en)]


def test_a_placeholder_the_english_ends_with_ends_the_chinese() -> None:
    # WMT22 zh-en lines 33 and 1520: anonymized text is no translation on its own.
    again = "请取消订单并退回现金，不要积分，以后不会再用 #PRS_ORG#！"
    again_en = "Please cancel the order and return the cash, and I will not use it again #PRS_ORG#!"
    phone = "好的，电话是 #PHONENUMBER#"
    phone_en = "Okay, the phone number is #PHONENUMBER#."
    assert pair_texts(f"{again} {again_en} {phone} {phone_en}") == [
        (again, again_en),
        (phone, phone_en),
    ]


def test_a_placeholder_the_english_opens_with_stays_english() -> None:
    # WMT22 zh-en line 1309: the English repeats the placeholder, but not at its end.
    zh = "有 #PRS_ORG# 作证，做好没人去拿，#PRS_ORG# 冤枉我变自取"
    en = "#PRS_ORG# can testify for me, and #PRS_ORG# wronged me saying I took it myself."
    assert pair_texts(f"{zh} {en}") == [(zh, en)]


def test_latin_written_against_the_chinese_that_the_english_repeats_is_chinese() -> None:
    # WMT22 zh-en lines 1251 and 1262: a URL after a closed bracket, a brand after a label.
    photo = "（苹果日报图：天安門母親網站由陶業負責打理。）pic.twitter.com/UxID9ZGjzm"
    photo_en = "(Apple Daily photo: Tiananmen Mother website is managed by Tao Ye. ) pic.twitter.com/UxID9ZGjzm"
    brand, brand_en = "品牌：mesobiosystem", "Brand: mesobiosystem"
    assert pair_texts(f"{photo} {photo_en}\n{brand} {brand_en}") == [
        (photo, photo_en),
        (brand, brand_en),
    ]


def test_a_social_post_keeps_its_handle_hashtag_and_emoji() -> None:
    post = "今天去了新开的书店 @beijing_books #weekend 😄"
    post_en = "Went to the new bookshop today @beijing_books #weekend 😄"
    reply = "好的，我明天也去看看"
    reply_en = "OK, I will go and have a look tomorrow too."
    assert pair_texts(f"{post} {post_en}\n{reply} {reply_en}") == [
        (post, post_en),
        (reply, reply_en),
    ]


def test_a_labelled_byline_translated_right_after_it_ends_the_chinese() -> None:
    # WMT21 zh-en lines 513-514 and 555-556: the English label translates the Chinese
    # one, the name is the pinyin of the Chinese name.
    author, headline = "作者：林奥", "可可西里藏羚羊进入回迁季-新华网"
    headline_en = "Tibetan antelope migration season arrives in Hoh Xil"
    reporter, story = "（记者李俐）", "当天早上，现年65岁的博索纳罗在推特上发了一张照片。"
    story_en = "In the morning, 65-year-old Jair Messias Bolsonaro tweeted a picture."
    text = (
        f"{author} Author: Lin Ao {headline} {headline_en}\n"
        f"{reporter} (Journalist: Li Li) {story} {story_en}"
    )
    assert pair_texts(text) == [
        (author, "Author: Lin Ao"),
        (headline, headline_en),
        (reporter, "(Journalist: Li Li)"),
        (story, story_en),
    ]


def test_a_name_glossed_in_brackets_stays_in_the_chinese() -> None:
    zh = "落后加拿大的泰勒·拉克 (Taylor Ruck) 1.61 秒。"
    en = "She was 1.61 seconds slower than Taylor Ruck."
    assert pair_texts(f"{zh} {en}") == [(zh, en)]


def test_a_headline_translated_with_its_site_name_ends_the_chinese() -> None:
    # WMT21 zh-en lines 1249-1250: the site name is glued to the last word by a hyphen.
    headline = "各部门积极落实防汛措施确保运输安全-中新网"
    headline_en = (
        "Sectors Actively Implementing Flood Control Measures to Assure Transportation "
        "Safety-ChinaNews.com"
    )
    story = "新华社北京 7 月 26 日电(记者樊曦)入夏以来，我国多地遭受强降雨侵袭。"
    story_en = (
        "Xinhua News Agency, Bejing, July 26 (reported by Fan Xi) Since the start of "
        "summer, multiple regions in China have been suffering from heavy rainfall."
    )
    assert pair_texts(f"{headline} {headline_en} {story} {story_en}") == [
        (headline, headline_en),
        (story, story_en),
    ]


def test_a_unit_inside_a_chinese_sentence_stays_in_it() -> None:
    # WMT22 zh-en line 563: the h of km/h is no pinyin of 就是 (jiushi).
    zh = "大概就是小编的myvi才要到30km/h的时候人家就到100km/h了，嗯。"
    en = "When my myvi just reaches 30km/h, it is already at 100km/h, hum."
    assert pair_texts(f"{zh} {en}") == [(zh, en)]


def test_the_english_copy_of_a_chinese_tail_does_not_lead_into_the_next_chinese() -> None:
    # WMT22 zh-en lines 1251-1252: the link the Chinese caption ends with, repeated after
    # the English caption, is no name opening the next Chinese sentence.
    caption = "（苹果日报图:天安門母親網站由陶業負責打理。）pic.twitter.com/UxID9ZGjzm"
    caption_en = (
        "(Apple Daily photo: Tiananmen Mother website is managed by Tao Ye. ) "
        "pic.twitter.com/UxID9ZGjzm"
    )
    zh = "救助款常常不能顺利送达难属手中。"
    en = "The relief funds often fail to reach the families successfully."
    assert pair_texts(f"{caption} {caption_en} {zh} {en}") == [(caption, caption_en), (zh, en)]


def test_a_place_named_in_pinyin_with_its_kind_translated_ends_the_chinese() -> None:
    # WMT22 zh-en line 788: the name in pinyin (Richang, Wudaokou), its kind
    # (餐馆 Restaurant) translated, the bracketed branch with it.
    name, name_en = "日昌餐馆(五道口店)", "Richang Restaurant (Wudaokou)"
    review, review_en = "[薄荷]环境： 中规中矩", "Emoji mint, environment is average."
    assert pair_texts(f"{name} {name_en} {review} {review_en}") == [
        (name, name_en),
        (review, review_en),
    ]


def test_a_person_named_in_pinyin_stays_in_the_chinese() -> None:
    zh = "农业农村部部长韩长赋 Han Changfu 表示，今年粮食丰收。"
    en = "Han Changfu, Minister of Agriculture, said the grain harvest was good this year."
    assert pair_texts(f"{zh} {en}") == [(zh, en)]


def test_a_headline_with_its_site_name_in_pinyin_ends_the_chinese() -> None:
    # WMT21 zh-en line 1704: Xinhuanet is the pinyin of 新华网 with its 网 translated.
    headline, headline_en = (
        "北京消费季重启-新华网",
        "“Beijing Consumption Season” resumes - Xinhuanet",
    )
    zh = "北京市重启北京消费季各项活动。"
    en = "The various activities of the “Beijing Consumption Season” have been resumed."
    assert pair_texts(f"{headline} {headline_en} {zh} {en}") == [(headline, headline_en), (zh, en)]


def test_list_marks_open_the_chinese_item_they_number() -> None:
    """A policy document's items: （二） and ① number the Chinese item after them; the
    English copy of the mark stays with its English item."""
    text = (
        "（二）加强监管。 (2) Strengthen supervision. ①完善制度。 ① Improve the system. "
        "②加强考核。 ② Strengthen assessment.\n"
    )
    assert pair_texts(text) == [
        ("（二）加强监管。", "(2) Strengthen supervision."),
        ("①完善制度。", "① Improve the system."),
        ("②加强考核。", "② Strengthen assessment."),
    ]


def test_a_timestamp_header_goes_with_its_byline_on_each_side() -> None:
    """News with a timestamp header: the stamp is part of each side's byline, so its figures
    pair instead of five figure-missing warnings."""
    zh_head = "记者 王明 2024-05-06 09:12:33 来源：新华网"
    en_head = "Reporter Wang Ming 2024-05-06 09:12:33 Source: Xinhuanet"
    zh = "今年一季度，全市新增就业岗位3.2万个。"
    en = "In the first quarter of this year, the city added 32,000 new jobs."
    report = bitext.check_text(f"{zh_head} {en_head} {zh} {en}\n")
    assert pair_texts(f"{zh_head} {en_head} {zh} {en}\n") == [(zh_head, en_head), (zh, en)]
    assert [f.rule for f in report.findings if f.severity.value != "info"] == []


def test_ocr_noise_in_the_english_is_still_english() -> None:
    """A scanned manual: OCR'd English ('Tbe', 'wi11', 'fu11y') is still the translation."""
    zh = "本设备2小时即可充满电。"
    en = "Tbe device wi11 charge fu11y in 2 hours."
    zh2 = "电池容量为5000毫安时。"
    en2 = "The battery capacity is 5000mAh."
    assert pair_texts(f"{zh} {en} {zh2} {en2}\n") == [(zh, en), (zh2, en2)]


def test_a_title_with_its_english_ends_the_chinese_title() -> None:
    """《国家安全法》 National Security Law: the English after a title translates it."""
    text = "《国家安全法》 National Security Law 第二条规定了国家安全的定义。 Article 2 defines national security.\n"
    assert pair_texts(text) == [
        ("《国家安全法》", "National Security Law"),
        ("第二条规定了国家安全的定义。", "Article 2 defines national security."),
    ]


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        # Codes, terms, handles and URLs inside a Chinese sentence belong to it: each is no
        # translation on its own, and the English after the sentence repeats it.
        ("该手机采用 OLED 屏幕，续航时间长达 20 小时。", "The phone uses an OLED screen and lasts up to 20 hours."),
        ("本标准按照 GB/T 1.1-2009 给出的规则起草。", "This standard was drafted according to the rules given in GB/T 1.1-2009."),
        ("充电接口为 USB-C，支持 65W 快充。", "The charging port is USB-C and supports 65W fast charging."),
        ("公司已通过 ISO 9001 质量管理体系认证。", "The company has passed ISO 9001 quality management system certification."),
        ("感谢 @新华社 的报道 #两会# 太精彩了！", "Thanks to @XinhuaNews for the coverage #TwoSessions# It was wonderful!"),
        ("详情请访问 www.gov.cn 查询。", "For details, please visit www.gov.cn."),
    ],
)  # fmt: skip
def test_latin_inside_a_chinese_sentence_stays_in_it(zh: str, en: str) -> None:
    text = f"{zh} {en}\n"
    assert pair_texts(text) == [(zh, en)]
    assert [f.rule for f in bitext.check_text(text).findings if f.severity.value != "info"] == []


def test_a_bilingual_label_in_a_list_of_items_ends_the_chinese() -> None:
    """A manual's specification list: 产品参数 Product Specifications, then "key：value"
    items each followed by its English. The label's English ends the label; a name before
    what it says ("Louis Galicia 说：") stays in the Chinese."""
    text = "产品参数 Product Specifications 尺寸：120×80毫米 Size: 120 × 80 mm 重量：200克 Weight: 200 g\n"
    assert pair_texts(text) == [
        ("产品参数", "Product Specifications"),
        ("尺寸：120×80毫米", "Size: 120 × 80 mm"),
        ("重量：200克", "Weight: 200 g"),
    ]
    said = "去年的冠军 Louis Galicia 说：我们会赢。"
    assert pair_texts(f"{said} Last year's champion Louis Galicia said: We will win.\n") == [
        (said, "Last year's champion Louis Galicia said: We will win.")
    ]


def test_latin_before_the_chinese_that_the_english_repeats_belongs_to_the_chinese() -> None:
    # WMT22 zh-en line 1147 after a book listing whose English ends without a stop.
    before = "Quality books guaranteed to be authentic, with no worries about after-sale service"
    zh = "Red Hat Linux 系统管理大全（附光盘）"
    en = "Red Hat Linux System Management Complete Collection (with CD)"
    assert pair_texts(f"{before} {zh} {en}\n") == [(zh, en)]


# Text that does not space its scripts: each line glued to its English, as bulletins
# pasted together from two columns often are.


def glued(*lines: tuple[str, str]) -> str:
    return "".join(zh + en for zh, en in lines) + "\n"


def test_the_issues_two_sentences_pair_one_by_one_when_glued() -> None:
    """An English word after a finished Chinese sentence opens the English, even when it
    recurs later ("The meeting … The delegates")."""
    text = "会议持续了三个小时。代表们随后参观了工厂。The meeting lasted three hours. The delegates then toured the plant.\n"
    assert pair_texts(text) == [
        ("会议持续了三个小时。", "The meeting lasted three hours."),
        ("代表们随后参观了工厂。", "The delegates then toured the plant."),
    ]


def test_a_headline_glued_to_its_english_keeps_the_names_the_lead_repeats() -> None:
    # WMT18 zh-en lines 1365-1366: the headline's English opens with "West Virginia",
    # which the lead repeats; in glued text that is no sign the name is the Chinese's.
    pairs = [
        ("西弗吉尼亚州州长宣布换党", "West Virginia governor announces he's switching parties"),
        (
            "周四晚，西弗吉尼亚州民主党州长吉姆·贾斯提斯 ( Jim Justice) 在特朗普总统的集会上宣布，他将更改党派。",
            "The Democratic governor of West Virginia, Jim Justice, announced Thursday night "
            "at a rally with President Trump that he's switching parties.",
        ),
    ]
    assert pair_texts(glued(*pairs)) == pairs


def test_short_replies_glued_between_chinese_lines_are_english() -> None:
    # WMT22 zh-en lines 353-354 and 1009-1010: a chat, each reply glued to the next line.
    pairs = [("不吃了", "I’m good now."), ("我一定会投诉", "I will definitely make a complaint.")]
    assert pair_texts(glued(*pairs)) == pairs
    pairs = [
        ("谢谢你", "Thanks."),
        (
            "麻烦帮我 cancel，每个订单都重新下单",
            "Please help me cancel it; every order needs to be re-placed.",
        ),
    ]
    assert pair_texts(glued(*pairs)) == pairs


def test_a_figure_glued_to_the_english_before_it_opens_the_chinese() -> None:
    # WMT21 zh-en lines 67-68 and 89-90: a date glued to a name, and to a stop.
    pairs = [
        ("新华社记者陈尚营、王立武、刘夏村", "Edited by Chen Shangying, Wang Liwu and Liu Xiacun"),
        (
            "7月25日下午4点多，傅昆宝穿着糊满泥巴的胶鞋，从前屋到后屋，和妻子周燕来来回回地忙着收拾东西。",
            "At 4 p.m. on July 25th, Fu Kunbao wore a pair of rubber boots which were covered "
            "with mud as he walked from the front room to the back, scurrying to pack items "
            "with his wife Zhou Yan.",
        ),
        ("傅昆宝说。", "Fu Kunbao said."),
        (
            "7月26日上午9点半，记者在蒋口河联圩现场看到，当地已做好分洪前各项准备。",
            "At 9:30 a.m. on July 26th, this journalist saw at Jiangkou River that the local "
            "government was fully prepared to divert the flood.",
        ),
    ]
    assert pair_texts(glued(*pairs)) == pairs


def test_a_year_with_its_stop_ends_the_english_it_closes() -> None:
    # WMT17 zh-en lines 785-786: 国 follows the year, but the stop closes the English.
    pairs = [
        (
            "8月12日上午，国务院新闻办就2016年7月份国民经济运行情况举行新闻发布会。",
            "On the morning of August 12, the State Council Information Office held a press "
            "conference on the operation of the national economy in July 2016.",
        ),
        (
            "国家统计局新闻发言人、国民经济综合统计司司长盛来运表示，7月份，国民经济部分指标增速有所放缓，但仍运行在合理区间。",
            "Sheng Yunyun, spokesman of National Bureau of Statistics and head of National "
            "Economic Statistics Division said that, in July, the part index number of "
            "national economy slowed relatively but still operated in the reasonable range.",
        ),
    ]
    assert pair_texts(glued(*pairs)) == pairs


def test_a_code_glued_to_the_chinese_after_it_stays_in_the_english() -> None:
    """L2, G20, MP3: letters and digits written together are one code, not a word and the
    figure that opens the Chinese."""
    pairs = [
        ("应急响应提升至Ⅱ级。", "The emergency response was raised to L2."),
        ("日，四川发布黄色预警。", "Sichuan issued a yellow warning."),
    ]
    assert pair_texts(glued(*pairs)) == pairs


def test_quotes_glued_between_the_scripts_go_to_the_side_they_open_or_close() -> None:
    # WMT21 zh-en lines 23-25: the Chinese closes its quote, the English opens its own.
    pairs = [
        (
            "数据显示，这场时长2.5小时的歌会，直播人气峰值超过3500万。",
            "Statistics show that peak viewership of the 2.5 hour special event exceeded 35 million.",
        ),
        (
            "“遵循自己的内心吧，把握住机会，不计较后果，有时反而会有意想不到的收获。”",
            "“Follow your heart, seize opportunities, don’t worry about the consequences, "
            "and you’ll reap rewards you never expected. “",
        ),
        (
            "虽说是毕业歌会，很多歌曲也让非应届毕业生感动。",
            "Although it was a song for graduates, it moved many non-graduates as well.",
        ),
    ]
    assert pair_texts(glued(*pairs)) == pairs


def test_a_straight_quote_closes_the_english_that_opened_one_lines_before() -> None:
    # WMT18 zh-en lines 102-104: the quote the English closes opened in an earlier line.
    pairs = [
        ("火炬不是照亮美国的道路。”", 'The torch is not to light the way to the United States."'),
        (
            "不同寻常的是，林博实际上被一些东西所打动。",
            "Rather unusually, Limbaugh actually hit on something.",
        ),
    ]
    text = glued(*pairs)
    assert pair_texts(text) == pairs
    said = '他说："我们会赢。"He said: "We will win."'
    assert pair_texts(said + "\n") == [('他说："我们会赢。"', 'He said: "We will win."')]


def test_full_width_marks_after_a_space_close_the_chinese() -> None:
    # WMT22 zh-en lines 209-211: the corpus spaces its Chinese punctuation ("康复 。 ”").
    pairs = [
        (
            "该组织总监安本·皮莱（Unben Pillay）医生说，他每天都要看几十名病人，但是还没有任何病人需要住院。",
            "According to Doctor Unben Pillay, chief supervisor of the organization, he needs "
            "to provide medical services to dozens of patients every day, but none of them "
            "needs to be hospitalized.",
        ),
        (
            "皮莱说 ： “ 他们能够在家里控制疾病，大多数人在隔离10至14天内康复 。 ”",
            "Pillay said, “Their diseases can be controlled at home, and most of them can "
            "recover after quarantine of 10 to 14 days.”",
        ),
    ]
    assert pair_texts(" ".join(f"{zh} {en}" for zh, en in pairs) + "\n") == pairs


def test_a_list_number_before_a_bracket_opens_the_chinese_item() -> None:
    # WMT22 zh-en lines 105-107: "1）" after the English of the item before it.
    pairs = [
        ("1.本店合作快递公司，", "1. Cooperating delivery companies of our store,"),
        (
            "1）合作快递以旺旺签名为准！",
            "1) Refer to our Ali Want slogan for our cooperating delivery companies!",
        ),
        ("2）顺丰快递", "2) SF-express"),
    ]
    assert pair_texts(" ".join(f"{zh} {en}" for zh, en in pairs) + "\n") == pairs


def test_an_english_only_line_after_a_pair_is_not_absorbed() -> None:
    """The line after the pair has no Chinese: it is English of its own, and its figure is
    no extra figure of the pair before."""
    text = (
        "会议持续了三个小时。 The meeting lasted three hours.\n"
        "The delegates then toured the plant, which employs 300 people.\n"
    )
    assert pair_texts(text) == [("会议持续了三个小时。", "The meeting lasted three hours.")]
    assert [f.rule for f in bitext.check_text(text).findings if f.rule.startswith("figure-")] == []
