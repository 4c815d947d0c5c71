"""Framing Lens analysis: corpus -> cleaned text -> spans -> features -> comparisons. Never imports Streamlit."""
from analysis.detect.lexicon import load_lexicon
from analysis.detect.spans import Analysis, analyze_text

__all__ = ["Analysis", "analyze_text", "load_lexicon"]
