"""Where an Arabic verb of control's object begins, and what after it is not its object."""
from editorial.assistant.arabic_objects import after_ala, behind_bi, unknown_settlement
from editorial.assistant.article import Article


def test_the_object_begins_after_the_last_ala(names):
    norms = Article("سيطر الجيش على مبنى البلدية وسط مدينة تكريت", names).norms
    assert norms[after_ala(norms, 1, len(norms))] == "مبني"
    assert after_ala(norms, 0, 2) == 2  # no "على": the end


def test_a_settlement_named_after_ala_is_the_object_unless_it_is_the_place(names):
    article = Article("سيطر الجيش على قرية السلام قبل التقدم نحو تكريت", names)
    assert unknown_settlement(article.norms, 1, article.places[0])
    article = Article("سيطر الجيش على مدينة تكريت", names)
    assert not unknown_settlement(article.norms, 1, article.places[0])


def test_a_place_behind_the_clitic_bi_is_where_the_object_lies(names):
    article = Article("قصفت الطائرات مواقع بتكريت وفي تكريت", names)
    first, second = article.places
    assert behind_bi(names, article.norms, first) and not behind_bi(names, article.norms, second)
    article = Article("سيطر الجيش على مدينة بتكريت", names)  # the city, Tikrit
    assert not behind_bi(names, article.norms, article.places[0])
