"""Leaf helpers every layer may use: safe text, display names, where files live, atomic
file writes."""
