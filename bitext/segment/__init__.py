"""Segmentation: a bulletin's text as Chinese and English sentence spans.

:func:`segment` splits paragraphs into script runs and sentences
(:mod:`bitext.segment.split`) and tags Latin text with its language
(:mod:`bitext.segment.language`).
"""

from bitext.segment.split import english_boundaries, segment

__all__ = ["english_boundaries", "segment"]
