"""Runs over many articles: importing and annotating, reporting through typed outcomes and events."""
