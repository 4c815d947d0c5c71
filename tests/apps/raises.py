"""A page that fails, to see what users and the server log are shown (run from the project folder)."""
import streamlit as st

st.title("About to fail")
raise RuntimeError("secret detail from the server")
