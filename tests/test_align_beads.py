"""Which sentences make one pair: the size of a block, where it splits, and which English
sentences beside a pair belong to it.

Each bulletin is a few consecutive lines of a WMT corpus (Chinese, then its human
English, as the benchmark bulletins are built) or a small bulletin of one of the shapes
bitext meets (a speech, a post, a manual), and the test asserts every pair.
"""

from __future__ import annotations

from .conftest import pair_texts

# WMT21 lines 1740-1745, a speech of six sentences: all the Chinese, then all the English.
SPEECH_ZH = (
    "他表示，他之前看过《我和我的祖国》《中国机长》，认为以普通人视角讲述大格局故事的"
    "方法就很好。"
    "“现在一些国外朋友对中国还是有一些误解。”"
    "在谈到影片的传播时，钟南山院士表示，目前国外有些人喜欢将病毒贴上政治化标签，他希"
    "望电影能从人性的角度打动观众：“ 这部电影除了在中国放映以外，最好也能在国外放映"
    "，要用国内外观众都能理解的方式，用真正的人文精神打动观众。”"
    "钟南山院士还深情回忆了上世纪80年代的影片《人到中年》，“这么多年过去了，我对改"
    "革开放后电影印象最深的还是《人到中年》，当时我国外的医生朋友们都看哭了，如果《中"
    "国医生》能够起到这样的作用，那就很了不起了。”"
    "钟南山院士表示，如果《中国医生》能引起国外观众的共鸣，那就非常成功。"
    "在座谈交流时，钟南山院士还分享了对当前国际疫情防控的意见和建议，“ 我相信人永远"
    "比病毒聪明。”"
)
SPEECH_EN = (
    "He stated that he had previously seen “My People, My Country” and “The "
    "Captain”, and thought that telling the larger story from the perspective of "
    "ordinary people was a good technique. "
    "“Some of our foreign friends still have some misunderstandings about China. “ "
    "Discussing the film’s distribution, academician Zhong Nanshan said that "
    "currently, some people in foreign countries say the virus is a politicized "
    "topic, so he hopes the humanity of the film’s perspective will move the "
    "audience, “Beyond just being screened in China, it’s best if the film can also"
    " be screened abroad, so the film should be shot in a manner that allows both "
    "foreign and domestic audiences to understand and genuinely be moved. “ "
    "He fondly recalls the 1980’s film “At Middle Age”, saying, “After so many "
    "years, the opening up and reform-era film that made the deepest impression on "
    "me is still ‘At Middle Age’, which moved my foreign doctor friends to tears, "
    "so it would be wonderful if ‘Chinese Doctors’ could have the same effect. “ "
    "Academician Zhong Nanshan said that if “Chinese Doctors” resonates with "
    "foreign audiences, it will be a great success. "
    "He also shared his opinions and advice on China’s current epidemic control "
    "work, saying, “I’m sure people will always be smarter than viruses. “"
)


def test_a_speech_paragraph_followed_by_its_english_pairs_sentence_by_sentence() -> None:
    pairs = pair_texts(SPEECH_ZH + " " + SPEECH_EN)
    # Where a closing quote goes is the segmenter's business; the pairing is asserted.
    expected = [
        ("他表示", "He stated"),
        ("现在一些国外朋友", "Some of our foreign friends"),
        ("在谈到影片的传播时", "Discussing the film"),
        ("钟南山院士还深情回忆", "He fondly recalls"),
        ("钟南山院士表示，如果", "Academician Zhong Nanshan said"),
        ("在座谈交流时", "He also shared"),
    ]
    assert len(pairs) == len(expected)
    for (zh, en), (zh_start, en_start) in zip(pairs, expected, strict=True):
        assert zh.lstrip("“”").startswith(zh_start)
        assert en.lstrip("“” ").startswith(en_start)


def test_a_headline_cut_after_an_open_word_goes_on_in_the_next_sentence() -> None:
    # WMT21 lines 951 and 953: the segmenter cuts the headline before "The Presidential";
    # "at" leaves it open, so its rest belongs to the same pair.
    text = (
        "菲总统府新闻部累计13人检测呈阳性-中新网 13 Tested Positive at The Presidential "
        "Communications Operation Office (PCOO) of the Philippines-ChinaNews.com "
        "中新网马尼拉7月26日电 (记者 关向东)菲律宾总统府新闻部(PCOO)25日发布通告，"
        "该部部长马丁·安达纳尔24日接受新冠肺炎检测的结果呈阴性。 Chinanews.com, Manila, "
        "July 26 (reported by Guan Xiangdong) The Presidential Communications Operation "
        "Office (PCOO) of the Philippines issued a notice on 25th, that Martin Andanar, "
        "Head of the PCOO, took a COVID-19 test on 24th and the result came back negative."
    )
    pairs = pair_texts(text)
    assert pairs[0] == (
        "菲总统府新闻部累计13人检测呈阳性-中新网",
        "13 Tested Positive at The Presidential Communications Operation Office (PCOO) "
        "of the Philippines-ChinaNews.com",
    )
    assert len(pairs) == 2
    assert pairs[1][1].startswith("Chinanews.com, Manila") and pairs[1][1].endswith("negative.")


def test_a_sentence_that_ends_with_its_stop_is_closed_whatever_its_last_word() -> None:
    # WMT17 lines 1282-1283, then an English sentence of its own: "…how it is." ends on
    # "is" but its full stop closes it.
    text = (
        "情况就是这样。 Which is pretty much how it is. GB made wholesale changes at "
        "half-time and they plugged the Fijian dam."
    )
    assert pair_texts(text) == [("情况就是这样。", "Which is pretty much how it is.")]
