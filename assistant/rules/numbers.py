"""Exact numbers for rules: thresholds are compared as fractions, never as floats.

A plan at exactly 2.0 plot ratio or exactly 15% must pass; binary floats would
put 0.07 × 3 a hair above or below the line. Inputs arrive as JSON numbers, so a
float is read back through ``repr`` (the shortest decimal that round-trips),
which is the number the person typed.

>>> exact(0.15) == Fraction(15, 100)
True
>>> fmt(Fraction(2, 3) * 100, 2)
'66.67'
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer

# 1 市亩 = 10000/15 m² (about 666.67 m²): the legal conversion, not from the corpus.
MU_IN_M2 = Fraction(10000, 15)
WAN = 10000  # 万


def exact(x: Any) -> Fraction:
    """A number as an exact fraction. ``exact("2/3") == Fraction(2, 3)``."""
    if isinstance(x, Fraction):
        return x
    if isinstance(x, bool):
        raise TypeError("a boolean is not a number")
    if isinstance(x, int):
        return Fraction(x)
    if isinstance(x, float):
        return Fraction(repr(x))
    if isinstance(x, Decimal):
        return Fraction(x)
    if isinstance(x, str):
        return Fraction(x.strip())
    raise TypeError(f"not a number: {x!r}")


MAX_MAGNITUDE = 10**12  # no area (m²), sum (元) or count in these rules comes near it; beyond is a typo


def _coerce(x: Any) -> Any:
    if x is None:
        return x
    if isinstance(x, str):
        # the one quantity parser: "1,200", "１２００", "八百五十", "2.5万" read alike; "1,2" is refused, not guessed
        from assistant.errors import QueryError
        from assistant.quantities import parse_number

        try:
            x = parse_number(x)
        except QueryError as exc:
            raise ValueError(exc.message.removeprefix("数值")) from None
    try:
        value = exact(x)
    except (TypeError, ValueError, ZeroDivisionError, OverflowError):
        # A clear field-level message instead of a traceback; true/false are not numbers either.
        raise ValueError(f"必须是数字（收到 {x!r}）") from None
    if abs(value) > MAX_MAGNITUDE:
        raise ValueError(f"数值过大，不合理（收到 {x!r}，上限 10^12）")
    return value


def _serialize(x: Fraction) -> int | float:
    return as_number(x)


# Field type for exact numbers in models: accepts 2, 2.0, "2/3"; dumps to a JSON number.
Exact = Annotated[Fraction, BeforeValidator(_coerce), PlainSerializer(_serialize, when_used="json")]


def as_number(x: Fraction | int | float, places: int = 6) -> int | float:
    """A plain JSON number: an int when whole, else rounded. ``as_number(Fraction(5, 2)) == 2.5``."""
    x = exact(x)
    r = round_half_up(x, places)
    return int(r) if r.denominator == 1 else float(r)


def as_significant(x: Fraction | int | float, digits: int = 12) -> int | float:
    """A JSON number keeping ``digits`` significant digits, so tiny and huge values both survive.

    >>> as_significant(Fraction(1, 600000))
    1.66666666667e-06
    """
    x = exact(x)
    if x == 0:
        return 0
    whole_digits = len(str(abs(x.numerator) // abs(x.denominator))) if abs(x) >= 1 else 0
    places = digits - whole_digits
    if abs(x) < 1:
        # count the leading zeros after the point
        y, zeros = abs(x), 0
        while y < Fraction(1, 10):
            y *= 10
            zeros += 1
        places = digits + zeros
    return as_number(x, max(places, 0))


def round_half_up(x: Fraction, places: int = 2) -> Fraction:
    """Commercial rounding (四舍五入), not banker's. ``round_half_up(Fraction(5, 1000)) == Fraction(1, 100)``."""
    q = Fraction(10) ** places
    sign = -1 if x < 0 else 1
    n = abs(x) * q
    whole = n.numerator // n.denominator
    if n - whole >= Fraction(1, 2):
        whole += 1
    return sign * Fraction(whole) / q


def fmt(x: Fraction | int | float, places: int = 2) -> str:
    """Readable number without trailing zeros. ``fmt(10200) == '10200'``, ``fmt(2.5) == '2.5'``."""
    r = round_half_up(exact(x), places)
    if r.denominator == 1:
        return str(r.numerator)
    s = f"{float(r):.{places}f}".rstrip("0").rstrip(".")
    return s


def mu_to_m2(mu: Fraction) -> Fraction:
    """``mu_to_m2(Fraction(15)) == 10000``."""
    return exact(mu) * MU_IN_M2


def m2_to_mu(m2: Fraction) -> Fraction:
    """``m2_to_mu(Fraction(10000)) == 15``."""
    return exact(m2) / MU_IN_M2
