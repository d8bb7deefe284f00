"""haicap's own themes: dark, light, and a high-contrast one for projectors.

They are registered on the app next to Textual's built-in themes, so the command
palette's theme switcher lists them. The default look stays Textual's own dark theme
until the user picks another; the choice is remembered (see `tui.user_config`).
"""

from __future__ import annotations

from textual.theme import Theme

__all__ = ["DARK", "HAICAP_THEMES", "LIGHT", "PROJECTOR", "next_theme"]

DARK = Theme(
    name="haicap-dark",
    primary="#4FA3E0",
    secondary="#7FB8A4",
    accent="#FFB454",
    warning="#FFB454",
    error="#FF6B6B",
    success="#6BD968",
    foreground="#E6EDF3",
    background="#0F1720",
    surface="#17212C",
    panel="#1F3347",
    dark=True,
)
"""Light text on a deep blue-grey: for a terminal in a dim room."""

LIGHT = Theme(
    name="haicap-light",
    primary="#0B5394",
    secondary="#38761D",
    accent="#B35900",
    warning="#A15C00",
    error="#C62828",
    success="#2E7D32",
    foreground="#1B1F23",
    background="#F7F7F2",
    surface="#FFFFFF",
    panel="#E3E9EF",
    dark=False,
)
"""Dark text on off-white paper."""

PROJECTOR = Theme(
    name="haicap-projector",
    primary="#002B80",
    secondary="#000000",
    accent="#002B80",
    warning="#8A4B00",
    error="#B00000",
    success="#005A00",
    foreground="#000000",
    background="#FFFFFF",
    surface="#FFFFFF",
    panel="#D9D9D9",
    boost="#EDEDED",
    dark=False,
    # Projectors wash out pale tints and half-tones: keep text fully opaque and shades few.
    text_alpha=1.0,
    luminosity_spread=0.08,
    variables={"text-muted": "#333333", "foreground-muted": "#333333"},
)
"""Black on white with deep blue headings: readable from the back of a lit meeting room."""

HAICAP_THEMES = (DARK, LIGHT, PROJECTOR)
"""The themes `t` cycles through, in order."""


def next_theme(current: str) -> str:
    """The theme `t` switches to from `current`: the next of haicap's, or its light one
    from any other theme (the default look is dark, so light is the visible change)."""
    names = [theme.name for theme in HAICAP_THEMES]
    if current in names:
        return names[(names.index(current) + 1) % len(names)]
    return LIGHT.name
