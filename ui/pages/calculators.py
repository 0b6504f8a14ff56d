"""Page script run by st.navigation (see ui/main.py)."""
from ui.calculators import render

render()
