"""The corpus: folders on disk, importing, atomic writes, the analysed corpus as tables."""
