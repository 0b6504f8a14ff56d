"""Forms: the prefilled entry application (DOCX/PDF), the provincial staff report
tables (XLSX) and the park compliance report (XLSX/DOCX).

Public entry points::

    from assistant.forms import (EnterpriseProfile, load_profile, write_entry_application,
                                 write_staff_table, read_rows, write_park_report)
"""

from assistant.forms.entry_application import build_entry_form, write_entry_application
from assistant.forms.park_report import load_report, write_park_report
from assistant.forms.profile import EnterpriseProfile, ProfileError, load_profile
from assistant.forms.staff_tables import FilledTable, StaffTableError, fill_table, read_rows, write_staff_table
from assistant.forms.table_layout import load_layout, table_ids

__all__ = [
    "EnterpriseProfile", "ProfileError", "load_profile", "build_entry_form", "write_entry_application",
    "FilledTable", "StaffTableError", "fill_table", "read_rows", "write_staff_table", "load_layout",
    "table_ids", "load_report", "write_park_report",
]
