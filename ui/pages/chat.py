"""Page script run by st.navigation (see ui/main.py)."""
from ui.chat import render

render()
