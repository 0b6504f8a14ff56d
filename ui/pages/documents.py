"""Page script run by st.navigation (see ui/main.py)."""
from ui.documents import render

render()
