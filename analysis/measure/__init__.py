"""Measures: features aggregated from spans, per-outlet pooling, comparisons in depth, drafts."""
