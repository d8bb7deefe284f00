"""Helpers the dashboard owns: each turns a key into dialogs and store work.

They read the dashboard's state and never write it: what comes of their work reaches the
dashboard as a dialog's result or a message (`tui.messages`), which the dashboard applies.
"""
