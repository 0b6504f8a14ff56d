"""The Streamlit UI (``streamlit run app.py``): pages that only call the ``assistant`` API.

Layout::

    ui/main.py          page config, navigation, background loading of the model and index
    ui/pages/*.py       one two-line script per page (what ``st.navigation`` runs)
    ui/<page>.py        each page's ``render()`` and its handler functions (testable without Streamlit)
    ui/components.py    shared pieces: escaping, status badge, citation card, checklist
    ui/fields.py        form widgets generated from the rules' pydantic input models
    ui/resources.py     the assistant loaded once per server (st.cache_resource), file-output helpers

Nothing here decides a rule, a number or a quote: the pages collect input, call
``assistant.*`` and show what comes back. Clause and user text is never
rendered as HTML: it is markdown-escaped (``components.md_escape``) or shown
with ``st.text``.
"""
