"""Perkembangan: the chairs' progress view of one task force and one period."""
