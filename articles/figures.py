"""Figures as people read them: ``34``, ``≥ 22``, ``≈ 3700000``, ``≈ 200000–999999``.

One wording for the admin, the query commands and the reconciled clusters.
"""

from __future__ import annotations

from decimal import Decimal

QUALIFIER_SIGNS = {"at_least": "≥ ", "more_than": "> ", "less_than": "< ", "approximately": "≈ "}


def plain_number(number: Decimal, *, grouped: bool = False) -> str:
    """``Decimal("22.000")`` as ``22``, ``Decimal("1E+6")`` as ``1000000`` (``1,000,000``
    when grouped); never an exponent or trailing zeros."""
    normal = number.normalize()
    if normal == normal.to_integral_value():
        normal = normal.quantize(Decimal(1))
    return format(normal, ",f" if grouped else "f")


def figure_label(
    value: Decimal | None,
    minimum: Decimal | None = None,
    maximum: Decimal | None = None,
    qualifier: str = "",
    *,
    grouped: bool = False,
) -> str:
    """The figure with its qualifier's sign; a range as ``min–max``, an open one as ``≥ min``;
    empty when there is no figure."""
    sign = QUALIFIER_SIGNS.get(qualifier, "")
    if value is not None:
        return sign + plain_number(value, grouped=grouped)
    if minimum is None:
        return ""
    low = plain_number(minimum, grouped=grouped)
    if maximum is None:
        return f"≥ {low}"
    if minimum == maximum:
        return sign + low
    return f"{sign}{low}–{plain_number(maximum, grouped=grouped)}"


def claim_figure(claim, *, grouped: bool = False) -> str:
    """The figure of a claim (anything with the ``quantity_*`` fields of ``Claim``)."""
    return figure_label(
        claim.quantity_value,
        claim.quantity_min,
        claim.quantity_max,
        claim.quantity_qualifier,
        grouped=grouped,
    )
