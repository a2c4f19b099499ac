"""The newsgloss terminal app: screens, widgets and dialogs over store/."""
