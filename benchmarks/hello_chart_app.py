"""Reference app for render timings: one Streamlit page with one plotly bar chart."""
import plotly.graph_objects as go
import streamlit as st

st.write("Hello, chart")
st.plotly_chart(go.Figure(go.Bar(x=["a", "b", "c"], y=[1, 3, 2])))
