"""The reading pages: thin views over ``articles.reading``."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView, TemplateView

from articles import reading
from newsdb.routers import ReadFromReplicaMixin

from .access import ReaderRequiredMixin


class ArticleFilterForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1, max_value=9999)
    month = forms.IntegerField(label=_("Month"), required=False, min_value=1, max_value=12)
    actor = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    source = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def filters(self) -> reading.ArticleFilters:
        data = self.cleaned_data if self.is_valid() else {}
        return reading.ArticleFilters(
            year=data.get("year"),
            month=data.get("month"),
            actor_id=data.get("actor"),
            source_id=data.get("source"),
        )


class OverviewView(ReadFromReplicaMixin, ReaderRequiredMixin, TemplateView):
    template_name = "articles/overview.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(overview=reading.overview(), **kwargs)


class ArticleListView(ReadFromReplicaMixin, ReaderRequiredMixin, ListView):
    template_name = "articles/article_list.html"
    context_object_name = "articles"
    paginate_by = 25

    def get_queryset(self):
        self.form = ArticleFilterForm(self.request.GET or None)
        self.filters = self.form.filters()
        return reading.article_list(self.filters)

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            form=self.form,
            filter_names=reading.filter_names(self.filters),
            filtered=self.filters != reading.ArticleFilters(),
            query=query.urlencode(),
            **kwargs,
        )


class PageView(ReadFromReplicaMixin, ReaderRequiredMixin, TemplateView):
    """A page about one object, read by ``load(pk)``; 404 when it is not there."""

    load = None  # a function of the primary key

    def get_context_data(self, **kwargs):
        try:
            page = type(self).load(kwargs["pk"])
        except ObjectDoesNotExist as error:
            raise Http404(str(error)) from error
        return super().get_context_data(page=page, **kwargs)


class ArticleDetailView(PageView):
    template_name = "articles/article_detail.html"
    load = staticmethod(reading.article_page)


class ClaimDetailView(PageView):
    template_name = "articles/claim_detail.html"
    load = staticmethod(reading.claim_page)


class ActorDetailView(PageView):
    template_name = "articles/actor_detail.html"
    load = staticmethod(reading.actor_page)


class ConflictListView(ReadFromReplicaMixin, ReaderRequiredMixin, ListView):
    """Clusters whose reports disagree, newest first, a page at a time; ``?cluster=ID`` shows
    one of them (the claim page links there)."""

    template_name = "articles/conflict_list.html"
    paginate_by = 20

    def get_queryset(self):
        self.cluster = _positive_int(self.request.GET.get("cluster"))
        return reading.disagreeing_clusters(self.cluster)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["clusters"] = reading.conflict_clusters(context["object_list"])
        context["one_cluster"] = self.cluster is not None
        return context


def _positive_int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and int(value) > 0 else None
