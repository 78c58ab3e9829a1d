"""Why a link was suggested, in words: reasons are stored as data and worded when read, so
that each editor reads them in their own language."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def describe(reasons: Iterable[dict]) -> str:
    return "; ".join(filter(None, (_describe_one(reason) for reason in reasons)))


def _describe_one(reason: dict) -> str:
    code = reason.get("code")
    if code in ("same_count", "similar_count"):
        what = " / ".join(dict.fromkeys(w for w in reason.get("what", []) if w))
        figures = _(" vs ").join(reason.get("figures", []))
        template = _("same count: %(what)s; %(figures)s")
        if code == "similar_count":
            template = _("similar count: %(what)s; %(figures)s")
        return template % {"what": what, "figures": figures}
    if code == "same_actors":
        return _("same actors: %(names)s") % {"names": ", ".join(reason.get("names", []))}
    if code == "similar_text":
        return _("similar wording (%(ratio)d%%)") % {"ratio": reason.get("ratio", 0)}
    if code == "same_month":
        return _("same month")
    if code == "months_apart":
        months = reason.get("months", 0)
        return ngettext("%(n)d month apart", "%(n)d months apart", months) % {"n": months}
    if code == "same_copy":
        return _("the same text: one report carried twice")
    if code == "unclear_vs_stated":
        return _("one calls it unclear, the other states it")
    if code == "update":
        return _("a later report from the same source: %(source)s") % {
            "source": reason.get("source") or _("the outlet itself")
        }
    return ""
