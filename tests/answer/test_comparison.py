"""The comparison's difference line: said with the figures when each city states one of the same unit."""

from fractions import Fraction

from assistant.answer.handlers.comparison import _figures_differ


def _one(low, high=None, unit="%", written=""):
    return ((Fraction(low), unit, None if high is None else Fraction(high)),), written


def test_ranges_are_compared_bound_by_bound():
    line = _figures_differ({"温州市": _one(10, 25, written="10%-25%"), "临海市": _one(15, 25, written="15%-25%")}, "zh")
    assert line == "区别：温州市10%-25%，临海市15%-25%；下限临海市更高，上限相同。"
    en = _figures_differ({"温州市": _one(10, 25, written="10%-25%"), "临海市": _one(15, 25, written="15%-25%")}, "en")
    assert "lower bound is higher in Linhai" in en and "upper bound is the same" in en


def test_single_figures_name_the_highest_of_three():
    line = _figures_differ({"温州市": _one(70, written="70%"), "临海市": _one(70, written="70%"),
                            "慈溪市": _one(60, written="60%")}, "zh")
    assert line.endswith("数值温州市、临海市最高。")


def test_other_units_or_several_figures_are_not_compared():
    assert _figures_differ({"温州市": _one(70, written="70%"), "慈溪市": _one(Fraction(2, 3), unit="", written="2/3")},
                           "zh") is None
    several = (((Fraction(1), "年", None), (Fraction(6), "个月", None)), "")
    assert _figures_differ({"温州市": _one(2, unit="年"), "临海市": several}, "zh") is None
