"""Article text with its claims and mentions marked up for the admin (shared with the
reading pages: see ``articles.highlight``)."""

from articles.highlight import Mark, highlight, in_context

__all__ = ["Mark", "highlight", "in_context"]
