"""Page script run by st.navigation (see ui/main.py)."""
from ui.matrix import render

render()
