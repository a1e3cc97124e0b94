"""Synthetic notices with ground truth, written in the generator's own wording."""
