from django.urls import path

from articles.views import exports, pages, search

app_name = "articles"

urlpatterns = [
    path("", pages.OverviewView.as_view(), name="overview"),
    path("articles/", pages.ArticleListView.as_view(), name="article-list"),
    path("articles/<int:pk>/", pages.ArticleDetailView.as_view(), name="article"),
    path("claims/<int:pk>/", pages.ClaimDetailView.as_view(), name="claim"),
    path("actors/<int:pk>/", pages.ActorDetailView.as_view(), name="actor"),
    path("conflicts/", pages.ConflictListView.as_view(), name="conflicts"),
    path("search/", search.SearchView.as_view(), name="search"),
    path(
        "claims/<int:pk>/claimreview.jsonld", exports.ClaimJsonLdView.as_view(), name="claim-jsonld"
    ),
    path(
        "claims/<int:pk>/annotation.jsonld",
        exports.ClaimAnnotationView.as_view(),
        name="claim-annotation",
    ),
    path(
        "articles/<int:pk>/annotations.jsonld",
        exports.ArticleAnnotationsView.as_view(),
        name="article-annotations",
    ),
]
