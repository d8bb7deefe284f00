"""haicap's terminal interface: the App, its screens, widgets and dialogs (Textual)."""
