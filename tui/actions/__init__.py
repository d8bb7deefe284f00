"""Helpers a screen owns (the dashboard, the overview, the import review): each turns a key into dialogs and store work.

They read the screen's state and never write it: what comes of their work reaches the
screen as a dialog's result, a message (`tui.messages`) or a call of the callback the
screen gave them, and the screen applies it.
"""
