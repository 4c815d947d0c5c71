"""Reference app for render timings: the smallest Streamlit page."""
import streamlit as st

st.write("Hello, world")
