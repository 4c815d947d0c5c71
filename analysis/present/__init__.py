"""Presentation without a UI: glossary labels, highlighted HTML, charts, exports, reports."""
