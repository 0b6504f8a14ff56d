"""Fixtures and readers shared by the forms tests: read generated files back."""

import pytest
from forms_readback import fixture_json


@pytest.fixture
def full_profile():
    from assistant.forms.profile import EnterpriseProfile

    return EnterpriseProfile.parse(fixture_json("profile_full.json"))


@pytest.fixture
def name_only_profile():
    from assistant.forms.profile import EnterpriseProfile

    return EnterpriseProfile.parse(fixture_json("profile_name_only.json"))


@pytest.fixture
def eligibility_report():
    from assistant.verdicts import CheckReport

    return CheckReport.model_validate(fixture_json("eligibility_report.json"))


@pytest.fixture
def park_check_report():
    from assistant.verdicts import CheckReport

    return CheckReport.model_validate(fixture_json("park_report.json"))
