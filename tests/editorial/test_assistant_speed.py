"""The article assistant reads any text up to its size limit at the issue's pace or faster: 5,000 words
a second (a 5,000-word article in at most 1 s), and never more than a second for a text of fewer words.

Adversarial shapes, built up to MAX_ARTICLE_BYTES: the phrases the rules look for repeated (actor names,
"the army", place names, "captured", dates, "IS-held", denials), long hyphen chains, long whitespace
runs, many tiny sentences, one huge sentence without punctuation, Arabic mixed in. No database: the
gazetteer is built in memory with the seed's names, as `load_gazetteer` would return them.
"""
import datetime as dt
import time

from hypothesis import HealthCheck, example, given, settings, strategies as st

from editorial.assistant import MAX_ARTICLE_BYTES, Gazetteer, analyse

# The bound the issue sets, on the processor time of this process: the machine's other work (CI runs
# beside other jobs) lengthens the wall time, not the assistant's work. It grows with the words: the
# slowest shape here, many tiny sentences, is 21,400 words at the size limit, and took 0.75-1.35 s of
# processor time on one machine within minutes, the same code back to back; 1 s for every shape at the
# limit held on a faster machine only. Real wire copy: scripts/assistant_speed.py.
SECONDS = 1.0
WORDS_PER_SECOND = 5_000


def bound(text):
    """The seconds `text` may take: a second per 5,000 words, and a second for a shorter text."""
    return SECONDS * max(1.0, len(text.split()) / WORDS_PER_SECOND)


ATTEMPTS = 3  # a run disturbed all the same (caches shared with other work) is measured again
PUBLISHED = dt.datetime(2017, 11, 3, 12, tzinfo=dt.timezone.utc)
GAZETTEER = Gazetteer(
    [("deir-el-zour", "Deir el-Zour", "city", ["دير الزور", "Deir ez-Zor", "Dayr az-Zawr"]),
     ("boukamal", "Boukamal", "town", ["Abu Kamal", "Al-Bukamal", "البوكمال"]),
     ("qaim", "Qaim", "town", ["Al-Qa'im", "القائم"]), ("raqqa", "Raqqa", "city", ["الرقة"]),
     ("abu-kamal-qaim-crossing", "Abu Kamal – Al-Qaim border crossing", "border_crossing", ["Qaim border post"]),
     ("deir-ez-zor-province", "Deir ez-Zor province", "province", [])],
    [("islamic-state", "Islamic State", "armed_group", ["IS", "ISIS", "Daesh", "داعش"]),
     ("syrian-government", "Syrian government forces", "state_force", ["Syrian army", "SAA"]),
     ("iraqi-government", "Iraqi government forces", "state_force", ["Iraqi forces", "Iraqi army"]),
     ("sdf", "Syrian Democratic Forces", "armed_group", ["SDF"]), ("russia", "Russia", "foreign_state", [])],
)
PHRASES = [
    "the army", "Syrian troops", "IS fighters", "Iraqi forces", "the Syrian Democratic Forces", "Daesh", "SAA",
    "Deir el-Zour", "Boukamal", "Abu Kamal", "Qaim", "Raqqa", "the city", "the province of Deir ez-Zor",
    "captured", "liberated", "took control of", "was recaptured by", "fell to", "under the control of", "IS-held",
    "broke the siege of", "fighting inside", "racing to take", "failed to capture", "denied", "reportedly", "said",
    "according to", "from", "before it was liberated", "on Friday", "in September", "since 2014", "3 November 2017",
    "nearly three years ago", "last week", "31 February", "2017-11-03", "U.S.", "until",
    "سيطر الجيش السوري على", "دير الزور", "البوكمال", "داعش", "يوم الجمعة", "اشتباكات في",
]
SEPARATORS = [" ", "", "-", ". ", ".\n", "\n\n", ", ", "; ", " \t  ", " " * 500, "-" * 50]
ISSUE_SHAPES = {  # the inputs named in the issue and their relatives, each at the limit
    "the army": ("the army", " "),
    "actor names": ("Syrian troops IS fighters Iraqi forces SDF", " "),
    "place names": ("Deir el-Zour Boukamal Qaim Raqqa", " "),
    "captured": ("captured", " "),
    "dates": ("on Friday in September 2017 nearly three years ago 3 November", " "),
    "hyphen chain": ("a", "-"),
    "held chain": ("IS-held", "-"),
    "whitespace": ("Syrian troops captured Boukamal", " " * 20_000),
    "tiny sentences": ("IS took Qaim", ". "),
    "one sentence": ("the army said fighters from Qaim were besieged by IS in the city while", " "),
    "arabic": ("سيطر الجيش السوري على مدينة البوكمال يوم الجمعة", " "),
    "mixed": ("Syrian troops captured دير الزور on Friday, the army said; IS-held Boukamal fell to the army", ". "),
    "denials": ("The army denied it had taken Boukamal. Syrian troops captured Boukamal", ". "),
}


def article(unit, separator, size=MAX_ARTICLE_BYTES):
    """`unit` and `separator` repeated up to `size` bytes of UTF-8, cut at a character boundary."""
    piece = (unit + separator).encode()
    return (piece * (size // len(piece) + 1))[:size].decode("utf-8", errors="ignore")


def seconds_to_analyse(text):
    """The fastest of up to ATTEMPTS runs, stopping at the first under the bound."""
    fastest = float("inf")
    for _ in range(ATTEMPTS):
        started = time.process_time()
        analyse(text, PUBLISHED, GAZETTEER)
        fastest = min(fastest, time.process_time() - started)
        if fastest < bound(text):
            break
    return fastest


units = st.lists(st.sampled_from(PHRASES), min_size=1, max_size=6).flatmap(
    lambda phrases: st.lists(st.sampled_from(SEPARATORS), min_size=len(phrases), max_size=len(phrases)).map(
        lambda separators: "".join(p + s for p, s in zip(phrases, separators))))


@settings(max_examples=15, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(unit=units, separator=st.sampled_from(SEPARATORS),
       size=st.one_of(st.just(MAX_ARTICLE_BYTES), st.integers(MAX_ARTICLE_BYTES // 2, MAX_ARTICLE_BYTES)))
def test_repeated_phrases_up_to_the_limit_are_read_at_the_pace(unit, separator, size):
    text = article(unit, separator, size)
    assert len(text.encode()) <= MAX_ARTICLE_BYTES
    assert seconds_to_analyse(text) < bound(text), (unit, separator, size)


def test_the_shapes_named_in_the_issue_are_read_at_the_pace_at_the_limit():
    texts = {name: article(unit, separator) for name, (unit, separator) in ISSUE_SHAPES.items()}
    late = {name: (round(seconds_to_analyse(text), 2), bound(text)) for name, text in texts.items()}
    assert all(seconds < limit for seconds, limit in late.values()), late


def test_a_5000_word_article_of_any_shape_takes_under_a_second():
    """The issue's own case: 5,000 words of each shape, however hostile."""
    for name, (unit, separator) in ISSUE_SHAPES.items():
        words = article(unit, separator).split()
        if len(words) < WORDS_PER_SECOND:
            continue  # shapes of few, long words: at the limit above, under a second
        text = article(unit, separator, len(" ".join(words[:WORDS_PER_SECOND]).encode()))
        assert seconds_to_analyse(text) < SECONDS, name


@example(words=["Boukamal", "IS", "captured"] * 400)
@settings(max_examples=6, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(words=st.lists(st.sampled_from(PHRASES), min_size=1, max_size=1200))
def test_one_sentence_of_random_phrases_at_the_limit_is_read_at_the_pace(words):
    text = article(" ".join(words), " ")  # no sentence end anywhere: read in windows
    assert seconds_to_analyse(text) < bound(text), words[:20]
