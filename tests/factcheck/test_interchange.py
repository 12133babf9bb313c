"""Verdict mappings, ClaimReview and Cofacts reading/writing, URL normalisation: no server needed."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from jipan.servers.factcheck.factchecks import claimreview, cofacts, verdicts
from jipan.servers.factcheck.factchecks.types import (
    CofactsReplyType,
    Content,
    FactCheck,
    Feedback,
    State,
    Verdict,
)
from jipan.servers.factcheck.sources.normalize import links_in, normalize_target, normalize_url
from jipan.servers.runtime.errors import InvalidArgument

DATA = Path(__file__).resolve().parent / "data"


def test_every_cofacts_type_comes_back_to_itself_through_a_verdict() -> None:
    for reply_type in CofactsReplyType:
        assert verdicts.TO_COFACTS[verdicts.FROM_COFACTS[reply_type]] is reply_type
    # Every verdict has a Cofacts type; the README's spelling NON_RUMOR reads as NOT_RUMOR.
    assert set(verdicts.TO_COFACTS) == set(Verdict)
    assert verdicts.COFACTS_SPELLINGS["NON_RUMOR"] is CofactsReplyType.NOT_RUMOR


@pytest.mark.parametrize("verdict", [v for v in Verdict if v in verdicts.RATING_VALUE])
def test_numeric_verdicts_survive_a_claim_review_rating(verdict: Verdict) -> None:
    rating = verdicts.rating(verdict, "", "en")
    assert (rating.best, rating.worst) == (5, 1)
    back = verdicts.verdict_from_rating(rating.value, rating.best, rating.worst, rating.alternate_name)
    assert back is verdict


@pytest.mark.parametrize("verdict", [Verdict.OPINION, Verdict.NOT_CHECKABLE])
def test_verdicts_without_a_number_survive_by_their_words(verdict: Verdict) -> None:
    for language in ("en", "zh-TW"):
        rating = verdicts.rating(verdict, "", language)
        assert rating.value == 0
        assert verdicts.verdict_from_rating(None, None, None, rating.alternate_name) is verdict


def test_other_scales_and_words_are_read_by_position_and_meaning() -> None:
    assert verdicts.verdict_from_rating(10, 10, 1, "") is Verdict.TRUE
    assert verdicts.verdict_from_rating(1, 10, 1, "") is Verdict.FALSE
    assert verdicts.verdict_from_rating(None, None, None, "Half True") is Verdict.MIXED
    assert verdicts.verdict_from_rating(None, None, None, "Untrue") is Verdict.FALSE
    assert verdicts.verdict_from_rating(None, None, None, "部分錯誤") is Verdict.MIXED
    assert verdicts.verdict_from_rating(None, None, None, "Four Pinocchios") is None


def test_claim_review_document_items_and_issues() -> None:
    nodes = claimreview.parse_document((DATA / "claim_review.jsonld").read_bytes())
    assert len(nodes) == 4  # the WebPage is not a ClaimReview
    read = []
    problems = []
    for where, node in nodes:
        try:
            read.append(claimreview.read_item(node, "en"))
        except claimreview.ItemProblem as exc:
            problems.append((where, str(exc)))
    assert [content.verdict for content, _ in read] == [Verdict.FALSE, Verdict.FALSE, Verdict.MISLEADING]
    moon, banana, tax = (content for content, _ in read)
    assert moon.claim == "The 1969 moon landing was filmed in a studio."
    assert moon.claim_appearances == ("https://social.example.com/posts/8812",)
    assert moon.claim_time == datetime(2024, 3, 10, tzinfo=UTC)
    assert moon.publisher_display_name == "Example Fact Check"
    assert banana.language == "zh-TW"
    assert banana.rating_text == "錯誤"
    assert tax.language == "en"  # the default: the item does not say
    assert read[0][1] == "https://factcheck.example.org/2024/03/moon-landing-studio"
    assert problems == [("claim_review.@graph[3]", "unknown rating 'Four Pinocchios'")]


def test_export_writes_a_claim_review_that_imports_back_the_same() -> None:
    now = datetime(2026, 12, 6, 5, 0, tzinfo=UTC)
    content = Content(
        claim="喝溫鹽水可以殺死新冠病毒",
        verdict=Verdict.MOSTLY_FALSE,
        language="zh-TW",
        title="鹽水不能殺病毒",
        explanation="疾管署澄清。",
        uri="https://factcheck.example.tw/a/1",
        claim_appearances=("https://line.example.com/m/1",),
    )
    fact_check = FactCheck("orgs/tfc", "abc", content, State.PUBLISHED, "", "people/x", now, now, now)
    document = claimreview.export(fact_check)
    assert document["@type"] == "ClaimReview"
    assert document["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 2,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "大多錯誤",
    }
    assert document["datePublished"] == "2026-12-06T05:00:00Z"
    back, source = claimreview.read_item(document, "en")
    assert source == "https://factcheck.example.tw/a/1"
    assert (back.claim, back.verdict, back.language, back.title) == (
        content.claim,
        content.verdict,
        content.language,
        content.title,
    )
    assert back.claim_appearances == content.claim_appearances


def test_cofacts_open_data_layout() -> None:
    items = list(
        cofacts.read(
            (DATA / "cofacts" / "articles.csv").read_bytes(),
            (DATA / "cofacts" / "article_replies.csv").read_bytes(),
            (DATA / "cofacts" / "replies.csv").read_bytes(),
            "zh-TW",
        )
    )
    by_source = {item.source: item for item in items}
    salt = by_source["cofacts:reply/AVyhB1kTyCEL3GDAB1Gx"].content
    assert salt is not None
    assert salt.verdict is Verdict.FALSE
    assert salt.claim.startswith("【緊急通知】衛福部宣布")
    assert [e.uri for e in salt.evidence] == [
        "https://www.cdc.gov.tw/Bulletin/Detail/abc123?typeid=9",
        "https://tfc-taiwan.org.tw/articles/2210",
    ]
    assert salt.uri == "https://cofacts.tw/reply/AVyhB1kTyCEL3GDAB1Gx"
    assert salt.claim_time == datetime(2020, 2, 3, 8, 12, 44, 123000, tzinfo=UTC)
    verdicts_read = {
        item.source.rsplit("/", 1)[1]: item.content.verdict for item in items if item.content is not None
    }
    assert verdicts_read == {
        "AVyhB1kTyCEL3GDAB1Gx": Verdict.FALSE,
        "AVyhB1kTyCEL3GDAB1Gy": Verdict.FALSE,
        "AVyhB1kTyCEL3GDAB1H0": Verdict.OPINION,
        "AVyhB1kTyCEL3GDAB1H1": Verdict.NOT_CHECKABLE,
        "AVyhB1kTyCEL3GDAB1H2": Verdict.TRUE,
    }
    # The deleted connection leaves its reply without an article; so is a reply never connected.
    problems = {item.source: item.problem for item in items if item.content is None}
    assert problems == {
        "cofacts:reply/AVyhB1kTyCEL3GDAB1Gz": "no article with text answers this reply",
        "cofacts:reply/AVyhB1kTyCEL3GDAB1H3": "no article with text answers this reply",
    }


def test_cofacts_feedback_counts_are_the_replys_votes_over_its_connected_messages() -> None:
    articles = (
        "id,text,createdAt\n"
        "a1,喝鹽水可以殺死病毒,2020-02-03T08:12:44.123Z\n"
        "a2,聽說喝鹽水能殺病毒？,2020-02-04T08:00:00.000Z\n"
        "a3,颱風假由總統府公布,2021-07-01T00:00:00.000Z\n"
    ).encode()
    article_replies = (
        b"articleId,replyId,negativeFeedbackCount,positiveFeedbackCount,status\n"
        b"a1,r1,1,12,NORMAL\n"
        b"a2,r1,2,5,NORMAL\n"
        b"a3,r1,100,100,DELETED\n"  # a deleted connection casts no votes
        b"a3,r2,-4,x,NORMAL\n"  # counts that are not counts count none
    )
    replies = "id,type,reference,text\nr1,RUMOR,,不會\nr2,RUMOR,,各縣市政府公布\n".encode()
    by_reply = {
        item.source.rsplit("/", 1)[1]: item
        for item in cofacts.read(articles, article_replies, replies, "zh-TW")
    }
    assert by_reply["r1"].feedback == Feedback(helpful=17, unhelpful=3, source="cofacts")
    assert by_reply["r2"].feedback == Feedback(helpful=0, unhelpful=0, source="cofacts")
    # A dump without the two columns: no votes known (not zero votes).
    bare = b"articleId,replyId,status\na1,r1,NORMAL\na3,r2,NORMAL\n"
    assert all(item.feedback is None for item in cofacts.read(articles, bare, replies, "zh-TW"))


def test_cofacts_reference_links_end_where_the_sentence_does() -> None:
    """Links in a reply's reference are read as forwarded messages' links are (one rule)."""
    articles = "id,text,createdAt\na1,喝鹽水可以殺死病毒,2020-02-03T08:12:44.123Z\n".encode()
    article_replies = b"articleId,replyId,status\na1,r1,NORMAL\n"
    reference = (
        "疾管署：https://www.cdc.gov.tw/Bulletin/Detail/abc123?typeid=9。"
        "另見 https://tfc-taiwan.org.tw/articles/2210.（2020）"
        "與 https://tfc-taiwan.org.tw/articles/2210；javascript:alert(1) 和 http://"
    )
    replies = f'id,type,reference,text\nr1,RUMOR,"{reference}",不會\n'.encode()
    (item,) = cofacts.read(articles, article_replies, replies, "zh-TW")
    assert item.content is not None
    assert [e.uri for e in item.content.evidence] == [
        "https://www.cdc.gov.tw/Bulletin/Detail/abc123?typeid=9",
        "https://tfc-taiwan.org.tw/articles/2210",
    ]


def test_cofacts_hyperlinks_give_the_claims_appearances_and_the_evidence_titles() -> None:
    articles, article_replies, replies = (
        (DATA / "cofacts" / name).read_bytes()
        for name in ("articles.csv", "article_replies.csv", "replies.csv")
    )
    article_links, reply_links = (
        (DATA / "cofacts" / name).read_bytes() for name in ("article_hyperlinks.csv", "reply_hyperlinks.csv")
    )
    by_source = {
        item.source: item.content
        for item in cofacts.read(articles, article_replies, replies, "zh-TW", article_links, reply_links)
    }
    salt = by_source["cofacts:reply/AVyhB1kTyCEL3GDAB1Gx"]
    assert salt is not None
    # The links in the message the reply answers (not a javascript: one) are where the claim appears.
    assert salt.claim_appearances == (
        "http://www.content-farm.example/2020/02/salt.html",
        "https://youtu.be/abc123",
    )
    # The reference's links get the titles Cofacts fetched; one without a title stays without.
    assert [(e.uri, e.title) for e in salt.evidence] == [
        ("https://www.cdc.gov.tw/Bulletin/Detail/abc123?typeid=9", "疾管署新聞稿"),
        ("https://tfc-taiwan.org.tw/articles/2210", ""),
    ]
    helmet = by_source["cofacts:reply/AVyhB1kTyCEL3GDAB1Gy"]
    assert helmet is not None
    assert helmet.claim_appearances == ("https://news.example.tw/helmet",)
    # A hyperlink of the reply that is not in its reference adds no evidence.
    assert "https://example.com/not-in-the-reference" not in [e.uri for e in helmet.evidence]
    # Without the two files, the same items, with neither.
    plain = {item.source: item.content for item in cofacts.read(articles, article_replies, replies, "zh-TW")}
    assert plain.keys() == by_source.keys()
    plain_salt = plain["cofacts:reply/AVyhB1kTyCEL3GDAB1Gx"]
    assert plain_salt is not None
    assert plain_salt.claim_appearances == ()
    assert [e.title for e in plain_salt.evidence] == ["", ""]
    with pytest.raises(cofacts.TableProblem) as caught:
        list(cofacts.read(articles, article_replies, replies, "zh-TW", b"articleId,link\n1,x\n"))
    assert caught.value.part == "cofacts_article_hyperlinks"


def test_cofacts_file_without_its_columns_is_refused_whole() -> None:
    with pytest.raises(cofacts.TableProblem) as caught:
        list(cofacts.read(b"id,body\n1,x\n", b"articleId,replyId\n", b"id,type,text\n", "zh-TW"))
    assert caught.value.part == "cofacts_articles"


@pytest.mark.parametrize(
    ("raw", "url", "host"),
    [
        (
            "HTTP://WWW.Example.COM:80/a b/?utm_source=line&b=2&a=1&fbclid=x#top",
            "https://example.com/a%20b/?a=1&b=2",
            "example.com",
        ),
        ("example.com", "https://example.com/", "example.com"),
        ("https://news.example.com:8443/x?gclid=1", "https://news.example.com:8443/x", "news.example.com"),
        ("http://中文.tw/新聞?id=3", "https://xn--fiq228c.tw/%E6%96%B0%E8%81%9E?id=3", "xn--fiq228c.tw"),
    ],
)
def test_urls_normalise(raw: str, url: str, host: str) -> None:
    normalized = normalize_url(raw)
    assert (normalized.url, normalized.host) == (url, host)


def test_shorteners_are_data_and_bad_urls_are_refused() -> None:
    assert normalize_url("https://bit.ly/3xYzAbc").shortener
    assert normalize_url("reurl.cc/abc").shortener
    assert not normalize_url("https://example.com/").shortener
    for bad in ("ftp://example.com/x", "https:///nohost", "mailto:someone@example.com"):
        with pytest.raises(InvalidArgument) as caught:
            normalize_url(bad)
        assert caught.value.reason == "URL_INVALID"


def test_targets_are_domains_or_url_prefixes() -> None:
    assert normalize_target("WWW.Example.com") == ("example.com", True)
    assert normalize_target("https://www.example.com/") == ("example.com", True)
    assert normalize_target("https://example.com/column/?utm_medium=x") == (
        "https://example.com/column/",
        False,
    )


def test_links_are_found_in_a_forwarded_message() -> None:
    message = (
        "【轉傳】衛福部公告!!! 詳情看這裡 https://news.content-farm.example/2024/05/story.html?utm_source=line，"
        "影片(https://youtu.be/abc123)還有 http://bit.ly/3xYzAbc。 再看一次 "
        "https://news.content-farm.example/2024/05/story.html?utm_source=line 🙏 "
        "不是連結: ftp://files.example.com/x mailto:a@example.com www.example.com 請轉傳"
    )
    assert links_in(message) == [
        "https://news.content-farm.example/2024/05/story.html?utm_source=line",
        "https://youtu.be/abc123",
        "http://bit.ly/3xYzAbc",
    ]
    assert links_in("Read https://example.com/a, then https://example.com/b!") == [
        "https://example.com/a",
        "https://example.com/b",
    ]
    assert links_in("http:// nothing here, nor in https://?x=1 or https://:80/") == []
    many = " ".join(f"https://example.com/{n}" for n in range(15))
    assert links_in(many) == [f"https://example.com/{n}" for n in range(10)]
