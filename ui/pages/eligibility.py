"""Page script run by st.navigation (see ui/main.py)."""
from ui.eligibility import render

render()
