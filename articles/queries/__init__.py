"""Read-only queries behind the terminal commands: plain typed functions, no argparse."""
