"""The workspace's ACLED upload: the same import as `manage.py import_acled`, from the browser.

The file is read as it arrives (Django keeps a large upload in a temporary file, not in memory);
its territory changes become drafts that reviewers then find in the claims list, filtered by review.
"""
import io

from django import forms
from django.contrib import admin
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.formats import number_format
from django.utils.translation import gettext as _, gettext_lazy

from geo.exchange.acled import AcledFileError, import_acled

MAX_UPLOAD_BYTES = 200 * 1024 * 1024


class AcledUploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("ACLED export (CSV)"), help_text=gettext_lazy(
        "As downloaded from ACLED: its changes of territory become draft claims, each cited to its ACLED event. "
        "Uploading the same file again creates nothing new; a changed row updates its draft."))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_(
                "The file has %(size)s bytes; at most %(limit)s are accepted here (use manage.py import_acled for "
                "larger files).") % {"size": number_format(upload.size, force_grouping=True),
                                     "limit": number_format(MAX_UPLOAD_BYTES, force_grouping=True)})
        return upload


@staff_member_required
def upload(request):
    if not (request.user.has_perm("geo.add_claim") and request.user.has_perm("geo.add_source")):
        raise PermissionDenied(_("Importing ACLED events needs an editor's permissions."))
    form = AcledUploadForm(request.POST or None, request.FILES or None)
    report, error = None, None
    if request.method == "POST" and form.is_valid():
        stream = io.TextIOWrapper(form.cleaned_data["file"].file, encoding="utf-8-sig", newline="")
        try:
            report = import_acled(stream, request.user)
        except AcledFileError as problem:
            error = _("Nothing imported: %(problem)s.") % {"problem": problem}
    context = {**admin.site.each_context(request), "title": _("Import ACLED events"), "form": form, "report": report,
               "error": error}
    return render(request, "editorial/import_acled.html", context)
