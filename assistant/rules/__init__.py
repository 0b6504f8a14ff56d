"""Rules as data: parameters with their clauses, deterministic calculators, park and enterprise checks.

Numbers decide money and approvals, so a language model never computes them:
it calls these functions, and every result cites the clause (with the
document's status, so a draft for comment is flagged wherever it is used).

Public API::

    from assistant.rules import REGISTRY, run, check_park, check_enterprise, enterprise_questions
    run("fees", {"area_m2": 850}).value                     # 15300 (10200 + 5100 元)
    check_park({"jurisdiction": "临海市", "land_area_mu": 80}).missing_inputs
    enterprise_questions({"jurisdiction": "温州市"})         # what to ask next, in Chinese

Modules: ``params`` (YAML under rules/, validated), ``calculators`` (REGISTRY),
``park`` (park-plan compliance), ``eligibility`` (entry eligibility and
questions), ``coverage`` (which corpus numbers are rules), ``dates``,
``numbers`` (exact arithmetic), ``checks`` (CheckItem builders).
"""

from assistant.rules.calculators import REGISTRY, CalcResult, Calculator, list_calculators, run
from assistant.rules.eligibility import EntryFacts, check_enterprise, enterprise_questions
from assistant.rules.params import Param, get_param, load_params
from assistant.rules.park import ParkPlan, check_park, check_plan_file, park_questions

__all__ = ["REGISTRY", "CalcResult", "Calculator", "EntryFacts", "Param", "ParkPlan", "check_enterprise",
           "check_park", "check_plan_file", "enterprise_questions", "get_param", "list_calculators", "load_params",
           "park_questions", "run"]
