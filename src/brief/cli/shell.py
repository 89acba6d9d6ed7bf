"""``brief completion SHELL``: the completion script to save once.

An ``eval "$(_BRIEF_COMPLETE=bash_source brief)"`` line in a shell's start-up file
runs brief on every shell start (about 44 ms); the script this prints is saved to a
file once and costs nothing until Tab is pressed. It is click's own script for the
shell, so what it completes (commands, options, entry and tag names) is click's
``shell_complete`` as every command declares it.
"""

from __future__ import annotations

import click

from .context import command

#: The shells click writes a completion script for.
SHELLS = ("bash", "fish", "zsh")


@command()
@click.argument("shell", metavar="SHELL", type=click.Choice(SHELLS))
@click.pass_context
def completion(ctx: click.Context, shell: str) -> None:
    """Print the shell completion script for SHELL, to save once.

    \b
    brief completion bash > ~/.local/share/bash-completion/completions/brief
    brief completion zsh > ~/.zfunc/_brief   # fpath=(~/.zfunc $fpath) before compinit
    brief completion fish > ~/.config/fish/completions/brief.fish
    """
    from click.shell_completion import get_completion_class

    cls = get_completion_class(shell)
    assert cls is not None  # every choice is a shell click supports
    root = ctx.find_root().command
    click.echo(cls(root, {}, "brief", "_BRIEF_COMPLETE").source())


#: This module's commands, for the group to register.
COMMANDS = (completion,)
