"""The "New source from an article" page: the assistant reads an article, the editor checks its drafts."""
from django.contrib import admin, messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _, gettext_lazy, ngettext

from .assistant import analyse, load_gazetteer
from .drafts import save_article
from .forms import ArticleForm, ProposalFormSet, proposal_initial


# What each kind of finding is called in the legend above the article (the same words).
KINDS = {"place": gettext_lazy("place"), "actor": gettext_lazy("side"), "date": gettext_lazy("date"),
         "control": gettext_lazy("control"), "negation": gettext_lazy("negation or hedge"),
         "hedge": gettext_lazy("negation or hedge")}


def highlighted(text, spans):
    """The article as HTML with the assistant's findings marked; overlapping findings keep the first."""
    parts, position = [], 0
    for span in spans:
        if span.start < position:
            continue
        parts.append(escape(text[position:span.start]))
        parts.append(format_html('<mark class="hl-{}" title="{}: {}">{}</mark>', span.kind, KINDS.get(span.kind, span.kind), span.label,
                                 text[span.start:span.end]))
        position = span.end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))


@staff_member_required
def new_source(request):
    if not (request.user.has_perm("geo.add_source") and request.user.has_perm("geo.add_claim")):
        raise PermissionDenied(_("Adding sources and claims needs an editor's permissions."))
    article = ArticleForm(request.POST or None)
    formset, marked = None, None
    if request.method == "POST" and article.is_valid():
        data = article.cleaned_data
        analysis = analyse(data["text"], data["published_at"], load_gazetteer(), claimant=data["outlet"].name)
        marked = highlighted(data["text"], analysis.spans)
        if "accept" in request.POST:
            formset = ProposalFormSet(request.POST, prefix="p")
            if formset.is_valid():
                kept = [form.cleaned_data for form in formset if form.cleaned_data.get("keep")]
                try:
                    source, claims = save_article(
                        outlet=data["outlet"], title=data["title"], published_at=data["published_at"],
                        text=data["text"], proposals=kept, url=data["url"], seed_file=data.get("seed_file") or "",
                        user=request.user,
                    )
                except ValidationError as error:
                    messages.error(request, " ".join(error.messages))
                else:
                    messages.success(request, ngettext(
                        "Saved the source and %(count)d draft claim with its citation. Nothing is published until a "
                        "reviewer publishes it.",
                        "Saved the source and %(count)d draft claims with their citations. Nothing is published until "
                        "a reviewer publishes them.", len(claims)) % {"count": len(claims)})
                    return HttpResponseRedirect(reverse("admin:geo_source_change", args=[source.pk]))
        else:
            formset = ProposalFormSet(initial=[proposal_initial(p) for p in analysis.proposals], prefix="p")
    context = {
        **admin.site.each_context(request), "title": _("New source from an article"), "article": article,
        "formset": formset, "marked": marked,
    }
    return render(request, "editorial/new_source.html", context)
