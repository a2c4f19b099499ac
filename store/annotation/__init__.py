"""Entities and dates: the model, our clean-up, the date rules and the reader's corrections. Pure: no SQL."""
