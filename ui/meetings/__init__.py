"""Rapat: the list and calendar of meetings, and one meeting's page with its tabs."""
