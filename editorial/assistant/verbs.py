"""The regular forms of English verbs, which the phrase rules spell out in their regexes."""


def inflections(*lemmas):
    """A regex alternation of the English verbs' regular forms: "reclaim" → reclaim, reclaims, reclaimed,
    reclaiming; "secure" → secure, secures, secured, securing; "rout" with its "-ed" and "-ing"."""
    forms = []
    for lemma in lemmas:
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        forms.append(f"{stem}(?:{'e|es|ed' if lemma.endswith('e') else '|s|ed'}|ing)")
    return "|".join(forms)
