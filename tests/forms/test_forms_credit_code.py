"""统一社会信用代码: GB 32100-2015 check character, length, case, character set."""

import random

import pytest

from assistant.forms.credit_code import check_character, validate_credit_code
from assistant.forms.profile import EnterpriseProfile, ProfileError

# The standard's table, written out again here so the test does not reuse the
# module's constants: 0-9, then A–Y without I, O, S, V, Z.
VALUES = {ch: i for i, ch in enumerate("0123456789ABCDEFGHJKLMNPQRTUWXY")}
WEIGHTS = [pow(3, i, 31) for i in range(17)]  # the standard's weights are 3^i mod 31


def reference_check(first17: str) -> str:
    c = 31 - sum(VALUES[ch] * w for ch, w in zip(first17, WEIGHTS)) % 31
    return {v: k for k, v in VALUES.items()}[0 if c == 31 else c]


# Published codes of large companies (business licences shown on their websites).
KNOWN_VALID = [
    "914403001922038216",   # 华为技术有限公司
    "9144030071526726XG",   # 深圳市腾讯计算机系统有限公司
    "91330100799655058B",   # 阿里巴巴（中国）有限公司
    "91110000802100433B",   # 北京百度网讯科技有限公司
]


def test_weights_match_the_standard():
    assert WEIGHTS == [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


@pytest.mark.parametrize("code", KNOWN_VALID)
def test_published_codes_pass(code):
    assert validate_credit_code(code) == code
    assert EnterpriseProfile.parse({"企业名称": "某公司", "统一社会信用代码": code}).credit_code == code


def test_generated_codes_agree_with_reference_algorithm():
    rng = random.Random(20151001)
    charset = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    for _ in range(500):
        first17 = (rng.choice("159Y") + rng.choice("123") + "".join(rng.choice("0123456789") for _ in range(6))
                   + "".join(rng.choice(charset) for _ in range(9)))
        assert check_character(first17) == reference_check(first17)
        code = first17 + reference_check(first17)
        assert validate_credit_code(code) == code


def test_the_example_in_the_brief_is_not_valid():
    # 91330000MA27U0XX4N: the check character should be M, not N.
    assert reference_check("91330000MA27U0XX4") == "M"
    with pytest.raises(ValueError, match="校验位错误，应为 M"):
        validate_credit_code("91330000MA27U0XX4N")
    validate_credit_code("91330000MA27U0XX4M")


def _profile_error(code) -> str:
    with pytest.raises(ProfileError) as info:
        EnterpriseProfile.parse({"企业名称": "某公司", "统一社会信用代码": code})
    assert info.value.field == "统一社会信用代码"
    return info.value.message


def test_wrong_check_character_names_field_and_the_right_character():
    wrong = "914403001922038217"
    assert _profile_error(wrong) == "统一社会信用代码：校验位错误，应为 6"


@pytest.mark.parametrize("code, words", [
    ("91440300192203821", "应为18位，收到17位"),
    ("9144030019220382161", "应为18位，收到19位"),
    ("9144030071526726xg", "字母须为大写"),
    ("91440300192203821I", "不允许的字符"),           # I is not in the character set
    ("9144030O1922038216", "不允许的字符"),           # letter O for zero
    ("91AB0300192203821X", "行政区划码"),
])
def test_malformed_codes_fail_with_field_named(code, words):
    message = _profile_error(code)
    assert message.startswith("统一社会信用代码：")
    assert words in message


def test_every_single_character_change_is_caught():
    # A check character over a prime modulus catches every single substitution.
    code = KNOWN_VALID[0]
    for i in range(18):
        for ch in "0123456789ABCDEFGHJKLMNPQRTUWXY":
            if ch == code[i]:
                continue
            changed = code[:i] + ch + code[i + 1:]
            if i in range(2, 8) and not ch.isdigit():
                continue  # caught by the region-code rule instead
            with pytest.raises(ValueError):
                validate_credit_code(changed)
