"""The `haicap` command line: the argparse grammar (`main`), one module per group of
subcommands (`commands/`), and the developer tools (`dev/`: synth, stress, bench).

Only this package parses arguments and prints to the shell; the dashboard itself lives in
the rest of `haicap.tui`.
"""
