"""Forms of the editors' workspace: the admin's claim and source forms, and the article page."""
from pathlib import Path

from django import forms
from django.conf import settings
from django.db import connection
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import get_language, gettext as _, gettext_lazy

from editorial.assistant import ArticleTooLong, check_size
from geo import edtf
from geo.dates import DateParseError, parse_moment
from geo.exchange import seed_file_path
from geo.models import Actor, Claim, Outlet, Place, Precision, Source
from geo.names import actor_names, place_names

from .review import conflict_message


class EDTFDateField(forms.CharField):
    """An effective date typed as EDTF (geo.edtf): 2017-11-03, 2017-09, 2014 or 2014-11-15~."""

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        try:
            return edtf.parse(value)
        except edtf.EDTFError as error:
            raise forms.ValidationError(f"{str(error)[:1].upper()}{str(error)[1:]}.", code="invalid") from None


class ClaimForm(forms.ModelForm):
    """Carries the revision the form was opened at, so a stale form cannot overwrite a newer save.

    The effective date is typed in EDTF: a month (2017-09), a year (2014) or an approximate day
    (2014-11-15~) sets the precision it implies; a plain day keeps the precision chosen below it."""

    opened_revision = forms.IntegerField(widget=forms.HiddenInput, required=False)
    date = EDTFDateField(label=gettext_lazy("Effective date"), widget=forms.TextInput(attrs={"size": 14}), help_text=gettext_lazy(
        "EDTF: 2017-11-03 (a day), 2017-09 (a month), 2014 (a year) or 2014-11-15~ (an approximate day). "
        "A month or a year sets the precision; a day keeps the precision chosen."))

    class Meta:
        model = Claim
        fields = "__all__"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # The current revision, not the instance's: a revert form starts from an old copy.
            self.fields["opened_revision"].initial = (
                Claim.objects.filter(pk=self.instance.pk).values_list("revision", flat=True).first()
            )
            self.fields["opened_revision"].required = True
        day = self.initial.get("date")
        if day is not None and not isinstance(day, str):  # the model's date: shown in its EDTF form
            self.initial["date"] = edtf.to_edtf(day, self.initial.get("precision") or Precision.DAY)

    def clean(self):
        cleaned = super().clean()
        given = cleaned.get("date")
        if isinstance(given, edtf.EDTFDate):
            cleaned["date"] = given.date
            chosen = cleaned.get("precision")
            if given.precision != Precision.DAY:
                if chosen not in (None, Precision.DAY, given.precision):
                    self.add_error("precision", _(
                        "The date %(date)s is of %(precision)s precision, not %(chosen)s: change one of them.") % {
                        "date": edtf.to_edtf(given.date, given.precision), "precision": Precision(given.precision).label,
                        "chosen": Precision(chosen).label})
                cleaned["precision"] = given.precision
            if given.precision == Precision.APPROXIMATE and (self.instance.precision, self.instance.date) != (
                    given.precision, given.date):
                self.instance.earliest = self.instance.latest = None  # a new approximate day: the default window
        opened = cleaned.get("opened_revision")
        if self.instance.pk and opened is not None:
            rows = Claim.objects.filter(pk=self.instance.pk)
            if connection.in_atomic_block:
                rows = rows.select_for_update()  # hold the row until this save commits
            current = rows.values_list("revision", flat=True).first()
            if current != opened:
                raise forms.ValidationError(conflict_message(self.instance.pk, opened), code="conflict")
        return cleaned


class SourceForm(forms.ModelForm):
    class Meta:
        model = Source
        fields = "__all__"

    def clean_url(self):
        url = self.cleaned_data.get("url") or None
        if url:
            existing = Source.objects.filter(url=url).exclude(pk=self.instance.pk).first()
            if existing:
                raise forms.ValidationError(duplicate_url_message(existing), code="unique")
        return url


def duplicate_url_message(existing):
    return format_html(
        _('A source with this URL already exists: <a href="{}">{}</a>. Cite that source instead of adding it again.'),
        reverse("admin:geo_source_change", args=[existing.pk]), existing.title,
    )


def seed_files():
    folder = Path(settings.SEEDS_DIR)
    return sorted(p.name for p in folder.glob("*.txt") if inside_seeds(p.name)) if folder.is_dir() else []


def inside_seeds(name):
    try:
        return seed_file_path(name).is_file()
    except ValueError:
        return False


class ArticleForm(forms.Form):
    """The article: where it was published, when, and its text (pasted or a file from seeds/)."""

    outlet = forms.ModelChoiceField(Outlet.objects.all(), label=gettext_lazy("Outlet"))
    title = forms.CharField(max_length=500, required=False, label=gettext_lazy("Title"),
                            help_text=gettext_lazy("Default: the article's first line."))
    url = forms.URLField(label=gettext_lazy("URL"), max_length=500, required=False, assume_scheme="https")
    published_at = forms.CharField(label=gettext_lazy("Published at"),
                                   help_text=gettext_lazy("Date and time with offset, e.g. 2017-11-03T10:08+03:00."))
    seed_file = forms.ChoiceField(required=False, label=gettext_lazy("…or pick a file from seeds/"))
    text = forms.CharField(label=gettext_lazy("Text"), widget=forms.Textarea(attrs={"rows": 14, "cols": 100, "dir": "auto"}),
                           required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seed_file"].choices = [("", "—")] + [(name, name) for name in seed_files()]

    def clean_published_at(self):
        value = self.cleaned_data["published_at"]
        try:
            _, moment = parse_moment(value)
        except DateParseError as error:
            raise forms.ValidationError(str(error)) from None
        if moment is None:
            raise forms.ValidationError(_("Give the time and its offset too, e.g. 2017-11-03T10:08+03:00."))
        return moment

    def clean_url(self):
        url = self.cleaned_data.get("url") or None
        existing = Source.objects.filter(url=url).first() if url else None
        if existing:
            raise forms.ValidationError(duplicate_url_message(existing))
        return url

    def clean(self):
        cleaned = super().clean()
        field = "text"
        if not (cleaned.get("text") or "").strip():
            name = cleaned.get("seed_file")
            if not name:
                raise forms.ValidationError(_("Paste the article's text or pick a file from seeds/."))
            cleaned["text"] = seed_file_path(name).read_text(encoding="utf-8")
            field = "seed_file"
        try:
            check_size(cleaned["text"])
        except ArticleTooLong as error:
            self.add_error(field, str(error))  # the pasted text stays in the form, to be cut down
            return cleaned
        if not (cleaned.get("title") or "").strip() and cleaned.get("text"):
            from editorial.management.commands.propose_claims import article_title

            cleaned["title"] = article_title(cleaned["text"])
        return cleaned


class ProposalForm(forms.Form):
    """One proposed draft, editable before it is saved."""

    keep = forms.BooleanField(required=False, initial=True, label=gettext_lazy("Save"))
    place = forms.ChoiceField(label=gettext_lazy("Place"))
    status = forms.ChoiceField(label=gettext_lazy("Status"), choices=Claim.Status.choices)
    holder = forms.ChoiceField(label=gettext_lazy("Holder"), required=False)
    others = forms.MultipleChoiceField(label=gettext_lazy("Others"), required=False,
                                       widget=forms.SelectMultiple(attrs={"size": 3}))
    date = forms.DateField(label=gettext_lazy("Date"),
                           help_text=gettext_lazy("For month or year precision: the first day of the period."))
    precision = forms.ChoiceField(label=gettext_lazy("Precision"), choices=Precision.choices)
    # The claimant and the quote are in the article's language, whatever the editor's: dir="auto".
    claimant = forms.CharField(label=gettext_lazy("Claimant"), max_length=200, widget=forms.TextInput(attrs={"dir": "auto"}))
    quote = forms.CharField(label=gettext_lazy("Quote"), widget=forms.Textarea(attrs={"rows": 3, "cols": 60, "dir": "auto"}))
    confidence = forms.FloatField(min_value=0, max_value=1, widget=forms.HiddenInput)
    why = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, places=(), actors=(), **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():  # a row of the drafts' table: the column heads are not labels
            if field.label and not field.widget.is_hidden:
                field.widget.attrs.setdefault("aria-label", field.label)
        self.fields["place"].choices = list(places)
        self.fields["holder"].choices = [("", "—")] + list(actors)
        self.fields["others"].choices = list(actors)


class BaseProposalFormSet(forms.BaseFormSet):
    """The drafts, their places and sides named in the editor's language (geo.names), as on the map."""

    def __init__(self, *args, **kwargs):
        language = get_language()
        named_places, named_actors = place_names(language), actor_names(language)
        self.places = [(p.slug, named_places.get(p.id, p.name)) for p in Place.objects.only("id", "slug", "name")]
        self.actors = [(a.slug, named_actors.get(a.id, a.name)) for a in Actor.objects.only("id", "slug", "name")]
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {"places": self.places, "actors": self.actors}

    @property
    def empty_form(self):
        form = self.form(auto_id=self.auto_id, prefix=self.add_prefix("__prefix__"), empty_permitted=True,
                         use_required_attribute=False, places=self.places, actors=self.actors)
        self.add_fields(form, None)
        return form


ProposalFormSet = forms.formset_factory(ProposalForm, formset=BaseProposalFormSet, extra=0)


def proposal_initial(proposal):
    return {
        "keep": True, "place": proposal.place, "status": proposal.status, "holder": proposal.holder or "",
        "others": list(proposal.others), "date": proposal.date, "precision": proposal.precision,
        "claimant": proposal.claimant, "quote": proposal.quote, "confidence": proposal.confidence, "why": proposal.why,
    }


class RejectForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("Reason"), widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
                             help_text=gettext_lazy("Why it is rejected; kept in the record's notes and history."))

