"""Page script run by st.navigation (see ui/main.py)."""
from ui.park import render

render()
