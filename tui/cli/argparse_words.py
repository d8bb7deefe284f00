"""argparse's own words ("usage: ", "options", its errors), listed for the catalogue.

argparse translates them through gettext's default domain, which `set_language` points at
haicap's catalogue (store.domain.i18n): listing them here with `N_` keeps them in it when
`pybabel extract` and `update` run. The texts are argparse's (Python 3.11–3.13), letter for
letter, %-placeholders included; nothing imports this module.
"""

from haicap.store.domain.i18n import N_

ARGPARSE_WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
)
