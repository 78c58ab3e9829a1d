"""A readable title for an article that has none: the lead's first sentence, shortened."""

import re

MAX_TITLE = 120
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'‘“„(])")


def derive_title(lead: str, max_length: int = MAX_TITLE) -> str:
    first = _SENTENCE_END.split(" ".join(lead.split()), maxsplit=1)[0].rstrip(".")
    if len(first) <= max_length:
        return first
    cut = first[: max_length - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return f"{cut}…"
