"""Full-text search over articles and claims (see ``articles.search``)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from articles.search import search
from articles.views.access import ReaderRequiredMixin
from newsdb.routers import ReadFromReplicaMixin

RESULTS = 50


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        help_text=_('All words must match; use "a phrase", or, and -word to exclude.'),
        widget=forms.TextInput(attrs={"type": "search"}),
    )


class SearchView(ReadFromReplicaMixin, ReaderRequiredMixin, TemplateView):
    template_name = "articles/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = SearchForm(self.request.GET or None)
        query = form.cleaned_data["q"] if form.is_valid() else ""
        context.update(
            form=form,
            query=query,
            results=search(query, limit=RESULTS) if query else None,
        )
        return context
