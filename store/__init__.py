"""The newsgloss data layer: schema, importers, annotator, search and export. No UI here."""
