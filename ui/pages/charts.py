"""Page script run by st.navigation (see ui/main.py)."""
from ui.charts import render

render()
