"""Page script run by st.navigation (see ui/main.py)."""
from ui.application import render

render()
