"""统一社会信用代码 (GB 32100-2015): structure and check character.

The code is 18 characters from ``0-9`` and the upper-case letters except
I, O, Z, S, V. Character 18 is a check character over the first 17:
``C18 = 31 - (Σ value(ci) × wi mod 31)``, with 31 written as ``0``.

>>> check_character("91440300192203821")
'6'
>>> validate_credit_code("914403001922038216")
'914403001922038216'
"""

from __future__ import annotations

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # value of a character = its index
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
LENGTH = 18


def check_character(first17: str) -> str:
    """The GB 32100 check character for the first 17 characters of a code."""
    if len(first17) != LENGTH - 1:
        raise ValueError(f"需要前17位，收到{len(first17)}位")
    total = 0
    for ch, weight in zip(first17, WEIGHTS):
        value = CHARSET.find(ch)
        if value < 0:
            raise ValueError(f"含有不允许的字符“{ch}”")
        total += value * weight
    return CHARSET[(31 - total % 31) % 31]


def validate_credit_code(code: str) -> str:
    """Return the code unchanged if valid; raise ValueError with a Chinese reason.

    Lower-case letters are rejected, not upper-cased: a form should show the
    code exactly as printed on the business licence.
    """
    if not isinstance(code, str):
        raise ValueError("应为18位字符串")
    if len(code) != LENGTH:
        raise ValueError(f"应为18位，收到{len(code)}位")
    lower = sorted({ch for ch in code if ch.isascii() and ch.islower()})
    if lower:
        raise ValueError(f"字母须为大写（含小写字母：{''.join(lower)}）")
    bad = sorted({ch for ch in code if ch not in CHARSET})
    if bad:
        raise ValueError(f"含有不允许的字符：{'、'.join(bad)}（不使用 I、O、Z、S、V）")
    if not code[2:8].isdigit():
        raise ValueError(f"第3–8位应为行政区划码（6位数字），收到“{code[2:8]}”")
    expected = check_character(code[:17])
    if code[17] != expected:
        raise ValueError(f"校验位错误，应为 {expected}")
    return code
