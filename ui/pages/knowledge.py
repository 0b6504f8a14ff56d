"""Page script run by st.navigation (see ui/main.py)."""
from ui.knowledge import render

render()
