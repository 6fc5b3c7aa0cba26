"""The seal search's tuned thresholds (dossier/policies/tuning/seal.yaml), read at use time. Sizes are shares
of the page's short side unless said otherwise."""

from __future__ import annotations

from dossier.tuning import Thresholds, tuning


class SealTuning(Thresholds):
    work_side: int  # longest side of the working copy, in pixels
    min_size: float  # a seal's long axis at least
    min_pixels: int  # ... and at least this many working pixels
    line_length: float  # straight runs longer than this are table lines
    grey_min: float  # grey rings found whole: long axis from ...
    grey_max: float  # ... to
    ring_min: float  # grey rings traced by their arcs: long axis from ...
    ring_max: float  # ... to
    filter_shrink: int  # the matched filter runs on the working mask shrunk again by this factor
    filter_round: tuple[float, ...]  # round rings the filter looks for
    filter_oval: tuple[float, ...]  # ovals' long axes (the short axis is 3/4 of it)
    filter_angles: tuple[float, ...]  # ovals' turns, degrees
    filter_peaks: int  # best-answering spots judged per page
    ring_width: float  # a ring's ink runs in from its outer edge at most this share of the radius (median)
    text_ratio: float  # a grey ring is at least this many of the page's text heights across
    thumb_size: float  # a round or oval colour hit smaller than this (long side) is thumbprint-sized ...
    colour_fill: float  # ... and no seal when at least this share of its inside is colourful
    colour_solid: float  # a round or oval colour hit of any size is no seal when this share is
    pale_saturation: int  # HSV saturation (0-255) from which a red hue is a pale seal's ink (the last red pass)
    dotted_traced: float  # a ring found in a black-and-white scan's dots runs round this share of angles in ink
    dotted_alone: float  # ... or, with at most this share of ink just outside it in the dots,
    dotted_joined: float  # ... runs round this share in the ink grown a pixel
    dotted_text: float  # ... and, whole and clear, holds at least this share of text inside
    # A grey copy turns a seal's red into a mid grey, a pen's blue or black into a dark one (0-255).
    seal_light: int  # the seal's grey at least this light for its ink to be told from a pen's by darkness
    seal_margin: int  # ink this much darker than the seal's own grey is not the seal's
    pen_saturation: int  # HSV saturation (0-255) above which ink is coloured: a pen's, not a copied seal's star
    light_margin: int  # ink this much lighter than the print's darkest tenth is a copied seal's (grey levels)
    light_paper: int  # ... and at least this much darker than the paper
    light_ring: float  # a ring in that light ink runs round at least this share of its angles in it
    # Square seals (classify/seal_square.py).
    square_sides: tuple[float, ...]  # sides the filter looks for
    square_angles: tuple[float, ...]  # turns, degrees
    square_shrink: int  # the filter runs on the working mask shrunk by this factor
    square_response: float  # a filter peak answers at least this well
    square_peaks: int  # best-answering spots judged per page
    square_start: float  # ... and fitted when their sides, as proposed, run round this share on average
    square_side_min: float  # every side of the frame runs round at least this share of its length
    square_side_mean: float  # ... and the four on average this share
    square_outside: float  # the band just outside has ink at most this share of its positions
    square_text: tuple[float, float]  # ink density inside: the characters
    square_lighter: float  # a copied square seal's ink lighter than the page's print by this much (grey)
    square_line_lighter: float  # ... or its frame's line lighter than the print's strokes by this much (grey)


def seal_tuning() -> SealTuning:
    return tuning("seal", SealTuning)
