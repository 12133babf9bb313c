"""Claim matching (servers/factcheck/matching) with the real multilingual embedder, in this process.

The embedder is the `text-embedder` runtime the inference service serves
(USE multilingual v3, numpy), run here directly; calibration is the shipped
calibration.json. Each test asserts what a wrong implementation would break.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
import pytest

from jipan.servers.factcheck.matching import ClaimMatcher, IndexedClaim
from jipan.servers.factcheck.matching import matcher as matcher_module
from jipan.servers.factcheck.matching.bridge import bridge_terms, gloss
from jipan.servers.factcheck.matching.lexical import LexicalIndex
from jipan.servers.factcheck.matching.local import in_process_embedder
from jipan.servers.factcheck.matching.text import normalise, terms

CLAIMS = (
    IndexedClaim(
        "lemon", "網傳喝熱檸檬水可以殺死癌細胞？錯誤，檸檬水無法治療或預防癌症", "zh-TW", "orgs/tfc", True
    ),
    IndexedClaim(
        "vaccine", "False: COVID-19 vaccines do not cause infertility in women", "en", "orgs/afp", True
    ),
    IndexedClaim("etc", "網傳ETC欠費簡訊要求點連結繳費？假的，是詐騙簡訊", "zh-TW", "orgs/cofacts", True),
    IndexedClaim(
        "typhoon-tape",
        "網傳颱風天在窗戶貼米字膠帶可防玻璃破裂？錯誤，膠帶無法增加玻璃強度",
        "zh-TW",
        "orgs/tfc",
        True,
    ),
    IndexedClaim("5g", "False: 5G towers do not spread the coronavirus", "en", "orgs/reuters", True),
    IndexedClaim(
        "msg-draft", "網傳吃味精會傷腦導致失智？錯誤，正常攝取味精是安全的", "zh-TW", "orgs/mygopen", False
    ),
    IndexedClaim(
        "msg-published", "Eating MSG does not damage the brain or cause dementia", "en", "orgs/afp", True
    ),
)


class CountingEmbedder:
    def __init__(self) -> None:
        self.inner = in_process_embedder()
        self.texts = 0

    async def __call__(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        self.texts += len(texts)
        return await self.inner(texts)


@pytest.fixture
async def matcher() -> ClaimMatcher:
    m = ClaimMatcher(CountingEmbedder())
    await m.upsert(CLAIMS)
    return m


async def test_chinese_message_matches_english_fact_check(matcher: ClaimMatcher) -> None:
    outcome = await matcher.match("婦產科醫師說打了新冠疫苗的女生以後會不孕，千萬不要打")
    assert not outcome.no_match
    assert outcome.candidates[0].id == "vaccine"
    assert outcome.candidates[0].lexical == 0.0  # found by the dense side alone


async def test_english_question_matches_chinese_fact_check(matcher: ClaimMatcher) -> None:
    outcome = await matcher.match(
        "Is it true that drinking hot lemon water kills cancer cells?", language="en"
    )
    assert not outcome.no_match
    assert outcome.candidates[0].id == "lemon"
    assert outcome.candidates[0].score >= outcome.threshold


async def test_line_forward_with_emoji_and_links_matches(matcher: ClaimMatcher) -> None:
    forward = (
        "‼️‼️緊急通知‼️‼️\n您的ETC通行費尚未繳納，逾期將加收罰鍰，請點擊連結繳費😱 "
        "https://bit.ly/3kAbc 請大家轉傳🙏"
    )
    outcome = await matcher.match(forward)
    assert outcome.candidates[0].id == "etc"
    assert not outcome.no_match
    # Words shared with the claim (ETC, 連結, 繳費) after the emoji, link and share request are gone.
    assert outcome.candidates[0].lexical > 0.0
    assert all(c.lexical < outcome.candidates[0].lexical for c in outcome.candidates[1:])


async def test_unrelated_message_is_no_match(matcher: ClaimMatcher) -> None:
    for text in (
        "下週六同學會改在台中的餐廳舉行，記得回覆要不要參加",
        "Happy birthday to my grandmother, ninety today!",
    ):
        outcome = await matcher.match(text)
        assert outcome.no_match, (text, outcome.candidates[:2])
        assert outcome.candidates  # still listed, for a reviewer
        assert outcome.candidates[0].score < outcome.threshold


def test_simplified_and_full_width_fold_to_traditional_half_width() -> None:
    assert normalise("网络上流传软件出租车信息") == "網路上流傳軟體計程車資訊"
    assert normalise("ＬＩＮＥ　１２３！") == "LINE 123!"
    assert terms(normalise("颱风天捷运停驶")) == terms(normalise("颱風天捷運停駛"))


async def test_simplified_forward_scores_as_its_traditional_form(matcher: ClaimMatcher) -> None:
    traditional = await matcher.match("喝熱檸檬水可以殺死癌細胞")
    simplified = await matcher.match("喝热柠檬水可以杀死癌细胞")
    assert simplified.candidates[0].id == traditional.candidates[0].id == "lemon"
    assert simplified.candidates[0].lexical == pytest.approx(traditional.candidates[0].lexical)
    assert simplified.candidates[0].lexical > 0.3


def test_segmentation_uses_the_traditional_dictionary_and_english_stemming() -> None:
    words = terms(normalise("颱風天捷運停駛，衛福部澄清疫苗接種謠言"))
    for word in ("颱風", "捷運", "停駛", "衛福部", "疫苗", "接種", "謠言"):
        assert word in words
    assert terms(normalise("The vaccines are causing infertility")) == ["vaccin", "caus", "infertil"]


async def test_remove_forgets_a_claim_and_its_slot_is_reused(matcher: ClaimMatcher) -> None:
    before = await matcher.match("5G基地台會散播新冠病毒")
    assert before.candidates[0].id == "5g"
    matcher.remove(["5g", "no-such-id"])
    after = await matcher.match("5G基地台會散播新冠病毒")
    assert "5g" not in [c.id for c in after.candidates]
    assert len(matcher) == len(CLAIMS) - 1
    await matcher.upsert(
        [IndexedClaim("5g-again", "False: 5G networks do not spread COVID-19", "en", "o", True)]
    )
    again = await matcher.match("5G基地台會散播新冠病毒")
    assert again.candidates[0].id == "5g-again"
    assert len(matcher) == len(CLAIMS)


async def test_upsert_replaces_text_and_uses_stored_vectors(matcher: ClaimMatcher) -> None:
    embedder = matcher._embed
    assert isinstance(embedder, CountingEmbedder)
    old_query = "喝熱檸檬水可以殺死癌細胞"
    before = next(c for c in (await matcher.match(old_query)).candidates if c.id == "lemon")
    assert before.lexical > 0.3
    assert before.dense > 0.6
    text = "Drinking bleach does not cure COVID-19"
    vector = (await matcher.embed([text]))[0]
    counted = embedder.texts
    # Stored at three times unit length: the index keeps it at unit length (cosines stay cosines).
    await matcher.upsert([IndexedClaim("lemon", text, "en", "orgs/tfc", True, (3 * vector).tobytes())])
    assert embedder.texts == counted  # the stored vector was used, nothing embedded
    assert len(matcher) == len(CLAIMS)
    outcome = await matcher.match("Can drinking bleach cure covid?")
    assert outcome.candidates[0].id == "lemon"
    assert 0.5 < outcome.candidates[0].dense <= 1.0
    after = next(c for c in (await matcher.match(old_query)).candidates if c.id == "lemon")
    assert after.lexical == 0.0
    assert after.dense < 0.5
    with pytest.raises(ValueError, match="float32"):
        await matcher.upsert([IndexedClaim("bad", text, "en", "o", True, b"\x00" * 12)])


async def test_accept_filters_candidates(matcher: ClaimMatcher) -> None:
    query = "味精吃多了會讓腦細胞死亡，老人家容易失智"
    unfiltered = await matcher.match(query)
    assert unfiltered.candidates[0].id == "msg-draft"
    published = await matcher.match(query, accept=lambda c: c.published)
    assert published.candidates[0].id == "msg-published"
    assert all(c.id != "msg-draft" for c in published.candidates)
    one_org = await matcher.match(query, accept=lambda c: c.organization == "orgs/cofacts", limit=3)
    assert [c.id for c in one_org.candidates] == ["etc"]
    nothing = await matcher.match(query, accept=lambda c: False)
    assert nothing.candidates == []
    assert nothing.no_match


async def test_limit_bounds_the_candidates(matcher: ClaimMatcher) -> None:
    outcome = await matcher.match("颱風要來了記得在窗戶貼膠帶", limit=2)
    assert len(outcome.candidates) == 2
    assert outcome.candidates[0].score >= outcome.candidates[1].score
    with pytest.raises(ValueError, match="limit"):
        await matcher.match("x", limit=0)


async def test_fit_threshold_moves_to_the_best_f1_and_applies() -> None:
    matcher = ClaimMatcher(in_process_embedder(), threshold=0.05)
    right = [(0.95, True), (0.9, True), (0.85, True), (0.8, True), (0.7, True), (0.35, True)]
    wrong = [(0.6, False), (0.5, False), (0.4, False), (0.3, False), (0.2, False), (0.1, False)]
    fit = matcher.fit_threshold(right + wrong)
    assert fit.threshold_before == 0.05
    assert fit.threshold_after == pytest.approx(0.7)
    assert matcher.threshold == pytest.approx(0.7)
    assert fit.decisions == 12
    assert fit.precision_before == pytest.approx(0.5)
    assert fit.recall_before == pytest.approx(1.0)
    assert fit.precision_after == pytest.approx(1.0)
    assert fit.recall_after == pytest.approx(5 / 6)
    await matcher.upsert(CLAIMS)
    outcome = await matcher.match("台北101今天晚上有煙火表演嗎")
    assert outcome.threshold == pytest.approx(0.7)
    assert outcome.no_match == (outcome.candidates[0].score < 0.7)
    with pytest.raises(ValueError, match="decisions"):
        matcher.fit_threshold([])


async def test_empty_index_answers_no_match() -> None:
    matcher = ClaimMatcher(in_process_embedder())
    outcome = await matcher.match("任何訊息")
    assert outcome.no_match
    assert outcome.candidates == []


async def test_concurrent_matches_agree_with_one_at_a_time(matcher: ClaimMatcher) -> None:
    queries = [
        "Is it true that drinking hot lemon water kills cancer cells?",
        "5G基地台會散播新冠病毒",
        "您的ETC通行費尚未繳納，請點擊連結繳費",
        "颱風要來了記得在窗戶貼膠帶",
        "下週六同學會改在台中的餐廳舉行",
    ]
    alone = [await matcher.match(q) for q in queries]
    together = await asyncio.gather(*(matcher.match(q) for q in queries))
    for one, shared in zip(alone, together, strict=True):
        assert [c.id for c in shared.candidates] == [c.id for c in one.candidates]
        assert [c.dense for c in shared.candidates] == pytest.approx(
            [c.dense for c in one.candidates], abs=1e-5
        )
        assert shared.no_match == one.no_match
    matcher.remove(["etc"])
    after = await asyncio.gather(*(matcher.match(q) for q in queries))
    assert all("etc" not in [c.id for c in outcome.candidates] for outcome in after)


def _unit_rows(rng: np.random.Generator, n: int) -> npt.NDArray[np.float32]:
    rows = rng.normal(size=(n, matcher_module.EMBEDDING_SIZE)).astype(np.float32)
    out: npt.NDArray[np.float32] = rows / np.linalg.norm(rows, axis=1, keepdims=True)
    return out


async def test_vector_index_follows_upserts_and_removals_and_matches_like_the_exact_scan() -> None:
    embed = in_process_embedder()
    exact = ClaimMatcher(embed)  # 7 claims: the exact scan
    graph = ClaimMatcher(embed, exact_below=0)  # the IVF index from the first claim on
    for m in (exact, graph):
        await m.upsert(CLAIMS)
    for text in ("婦產科醫師說打了新冠疫苗的女生以後會不孕", "Does hot lemon water kill cancer cells?"):
        a, b = await exact.match(text), await graph.match(text)
        assert [c.id for c in b.candidates] == [c.id for c in a.candidates]
        assert [c.score for c in b.candidates] == pytest.approx([c.score for c in a.candidates])

    # 3,000 more claims with stored vectors in 60 topics (embeddings cluster by topic; uniform
    # random vectors have no neighbours to find): the index's neighbours against the exact ones.
    rng = np.random.default_rng(5)
    vectors = _unit_rows(rng, 60)[rng.integers(0, 60, 3000)] + 0.6 * _unit_rows(rng, 3000)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    await graph.upsert(
        [
            IndexedClaim(f"pad-{i}", f"padding claim {i}", "en", "orgs/pad", True, v.astype("<f4").tobytes())
            for i, v in enumerate(vectors)
        ]
    )
    queries = vectors[:100] + 0.3 * _unit_rows(rng, 100)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    overlap = [
        len(set(graph.nearest(q, 10, exact=False)) & set(graph.nearest(q, 10, exact=True))) / 10
        for q in queries
    ]
    assert (
        float(np.mean(overlap)) >= 0.9
    )  # an index missing the inserts, or trained on 7 vectors, falls far below
    assert all(graph.nearest(q, 1, exact=False) == graph.nearest(q, 1, exact=True) for q in queries)

    slot = graph._claims["pad-7"].slot
    assert graph.nearest(vectors[7], 1, exact=False) == [slot]
    # A replaced vector is found by its new value, no longer by its old one.
    await graph.upsert(
        [IndexedClaim("pad-7", "padding claim 7", "en", "orgs/pad", True, vectors[8].astype("<f4").tobytes())]
    )
    assert slot in graph.nearest(vectors[8], 2, exact=False)
    assert slot not in graph.nearest(vectors[7], 5, exact=False)
    # A removed claim leaves the graph; its reused slot is found by the new claim's vector.
    graph.remove(["pad-9"])
    assert graph._claims.get("pad-9") is None
    assert all(graph._slot_ids[s] != "pad-9" for s in graph.nearest(vectors[9], 5, exact=False))
    await graph.upsert(
        [IndexedClaim("new", "a new claim", "en", "orgs/pad", True, vectors[10].astype("<f4").tobytes())]
    )
    reused = graph._claims["new"].slot
    assert reused in graph.nearest(vectors[10], 2, exact=False)
    assert graph.nearest(vectors[9], 1, exact=False) != [reused]


async def test_an_upsert_cancelled_while_the_vector_index_builds_lets_that_build_finish(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A publish whose client went away cancels the upsert while the IVF index is built in a
    thread. The next upsert must not start a second build beside it (the older snapshot could
    finish last and drop the newer claims): it waits for that build, then adds its claims."""
    rng = np.random.default_rng(11)
    vectors = _unit_rows(rng, 4)

    def claim(i: int) -> IndexedClaim:
        return IndexedClaim(f"c{i}", f"claim {i}", "en", "orgs/x", True, vectors[i].astype("<f4").tobytes())

    async def no_embedder(texts: Sequence[str]) -> npt.NDArray[np.float32]:
        raise AssertionError("every claim has its vector")

    building, release, built = threading.Event(), threading.Event(), threading.Event()
    builds: list[int] = []
    rebuild = matcher_module._VectorIndex.rebuild

    def slow_rebuild(index: Any, keys: npt.NDArray[np.int64], rows: npt.NDArray[np.float32]) -> None:
        builds.append(keys.size)
        first = len(builds) == 1
        if first:
            building.set()
            release.wait(10)
        rebuild(index, keys, rows)
        if first:
            built.set()

    monkeypatch.setattr(matcher_module._VectorIndex, "rebuild", slow_rebuild)
    graph = ClaimMatcher(no_embedder, exact_below=0)  # the IVF index from the first claim on
    first = asyncio.create_task(graph.upsert([claim(0), claim(1), claim(2)]))
    assert await asyncio.to_thread(building.wait, 10)
    first.cancel()
    with pytest.raises(asyncio.CancelledError):
        await first
    second = asyncio.create_task(graph.upsert([claim(3)]))
    for _ in range(1000):  # until its slot is taken: the vector index is next
        if "c3" in graph._claims:
            break
        await asyncio.sleep(0.01)
    release.set()
    await second
    assert await asyncio.to_thread(built.wait, 10)
    assert builds == [3]  # one build; the fourth claim was added to it
    assert graph.nearest(vectors[3], 1, exact=False) == [graph._claims["c3"].slot]
    assert sorted(graph.nearest(vectors[0], 4, exact=False)) == [0, 1, 2, 3]


async def test_an_upsert_cancelled_while_bm25_is_rebuilt_lets_that_rebuild_finish(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Cancelled during the BM25 rebuild, a publication's claim would have no word scores until
    the next publication: the rebuild runs to its end without its caller."""
    matcher = ClaimMatcher(in_process_embedder())
    await matcher.upsert(CLAIMS)
    building, release, built = threading.Event(), threading.Event(), threading.Event()

    def held_build(documents: Sequence[Sequence[str]]) -> LexicalIndex:
        building.set()
        assert release.wait(timeout=30)
        index = LexicalIndex(documents)
        built.set()
        return index

    monkeypatch.setattr(matcher_module, "LexicalIndex", held_build)
    text = "Parking fees in Taipei will double next month"
    publishing = asyncio.create_task(matcher.upsert([IndexedClaim("parking", text, "en", "orgs/x", True)]))
    assert await asyncio.to_thread(building.wait, 30)
    publishing.cancel()
    with pytest.raises(asyncio.CancelledError):
        await publishing
    release.set()
    assert await asyncio.to_thread(built.wait, 30)
    monkeypatch.setattr(matcher_module, "LexicalIndex", LexicalIndex)
    for _ in range(500):  # the second index of the pair, then the swap, on the event loop
        parking = next(c for c in (await matcher.match(text)).candidates if c.id == "parking")
        if parking.lexical > 0.0:
            break
        await asyncio.sleep(0.01)
    assert parking.lexical > 0.0


async def test_a_claim_published_while_a_match_ranks_waits_for_the_next_match(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Ranking runs in a worker thread while the event loop publishes: a slot added meanwhile
    (here the query's own text, the best candidate there could be) is not half-read."""
    matcher = ClaimMatcher(in_process_embedder())
    await matcher.upsert(CLAIMS)
    loop = asyncio.get_running_loop()
    query = "The city water supply will be shut off for the whole of next week, store water now"
    newcomer = IndexedClaim("water", query, "en", "orgs/outage", True)
    search = matcher.nearest
    published: list[bool] = []

    def nearest_after_a_publication(*args: Any, **kwargs: Any) -> list[int]:
        if not published:  # mid-rank, in the worker thread: the loop publishes one claim
            asyncio.run_coroutine_threadsafe(matcher.upsert([newcomer]), loop).result(timeout=30)
            published.append(True)
        return search(*args, **kwargs)

    monkeypatch.setattr(matcher, "nearest", nearest_after_a_publication)
    during = await matcher.match(query)
    assert published
    assert "water" not in [c.id for c in during.candidates]
    assert during.candidates, "the claims stored before the publication still rank"
    after = await matcher.match(query)
    assert after.candidates[0].id == "water"


async def test_a_reused_slot_has_no_word_scores_until_the_bm25_indexes_know_its_claim(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A withdrawn claim's slot goes to the next claim published; until BM25 is rebuilt its
    postings are the withdrawn claim's, and a match ranking meanwhile must not give the
    newcomer the old claim's word scores (it would answer a lemon-water rumour with it)."""
    matcher = ClaimMatcher(in_process_embedder())
    await matcher.upsert(CLAIMS)
    lemon = "喝熱檸檬水可以殺死癌細胞"
    assert next(c for c in (await matcher.match(lemon)).candidates if c.id == "lemon").lexical > 0.3
    matcher.remove(["lemon"])
    building = threading.Event()
    release = threading.Event()
    real = LexicalIndex

    def held_build(documents: Sequence[Sequence[str]]) -> LexicalIndex:
        building.set()
        assert release.wait(timeout=30)
        return real(documents)

    monkeypatch.setattr(matcher_module, "LexicalIndex", held_build)
    newcomer = IndexedClaim("parking", "Parking fees in Taipei will double next month", "en", "orgs/x", True)
    publishing = asyncio.create_task(matcher.upsert([newcomer]))
    try:
        assert await asyncio.to_thread(building.wait, 30)
        during = await matcher.match(lemon)
    finally:
        release.set()
        await publishing
    monkeypatch.setattr(matcher_module, "LexicalIndex", real)
    assert "lemon" not in [c.id for c in during.candidates]
    parking = next(c for c in during.candidates if c.id == "parking")
    assert parking.lexical == 0.0
    after = next(c for c in (await matcher.match(lemon)).candidates if c.id == "parking")
    assert after.lexical == 0.0
    assert after.score == pytest.approx(parking.score)


def test_bridge_terms_gloss_chinese_words_into_english_stems() -> None:
    # Every reading of a headword counts: 喝 hē "to drink" and hè "to shout".
    assert {"drink", "shout"} <= set(gloss("喝"))
    assert gloss("檸檬") == ("lemon",)
    assert gloss("不是一個詞語") == ()
    chinese = bridge_terms(terms(normalise("網傳喝熱檸檬水可以殺死癌細胞")))
    english = bridge_terms(terms(normalise("Is it true that drinking hot lemon water kills cancer cells?")))
    assert english == terms(normalise("Is it true that drinking hot lemon water kills cancer cells?"))
    assert {"lemon", "kill", "cancer", "cell"} <= set(chinese) & set(english)


def test_lexical_scores_read_bm25s_postings_as_bm25s_scores_them() -> None:
    documents = [terms(normalise(c.text)) for c in CLAIMS] + [[], ["檸檬", "檸檬", "lemon"]]
    index = LexicalIndex(documents)
    query = [*terms(normalise("喝檸檬水會不孕嗎 lemon vaccines")), "從未見過的詞"]
    scores, matched = index.scores(query)
    known = [t for t in dict.fromkeys(query) if t in index._vocab]
    expected = np.asarray(index._bm25.get_scores(known), dtype=np.float64)[: len(documents)]
    ceiling = sum(index.idf(t) for t in dict.fromkeys(query))
    assert scores == pytest.approx(np.clip(expected / ceiling, 0.0, 1.0), abs=1e-6)
    for slot, document in enumerate(documents):
        assert matched[slot] == pytest.approx(sum(index.idf(t) for t in set(document) & set(query)))
    assert scores[7] == 0.0  # the empty document
    assert matched[7] == 0.0
