"""Page script run by st.navigation (see ui/main.py)."""
from ui.browse import render

render()
