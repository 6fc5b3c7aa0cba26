"""Shell completion for `dossier`, written from the command's own parser, so it never falls behind it:
`eval "$(dossier completion bash)"` in ~/.bashrc (zsh: `autoload bashcompinit && bashcompinit` first)."""

from __future__ import annotations

import argparse
import shlex


def words(parser: argparse.ArgumentParser) -> tuple[list[str], dict[str, list[str]]]:
    """The top-level options, and each subcommand's options and fixed choices."""
    top = [o for a in parser._actions for o in a.option_strings]
    subs: dict[str, list[str]] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                subs[name] = sorted({w for a in sub._actions for w in [*a.option_strings, *(a.choices or [])]
                                     if isinstance(w, str)})
    return top, subs


def bash(parser: argparse.ArgumentParser) -> str:
    top, subs = words(parser)
    cases = "\n".join(f"        {shlex.quote(name)}) opts={shlex.quote(' '.join(opts))} ;;" for name, opts in subs.items())
    return f"""_dossier() {{
    local cur=${{COMP_WORDS[COMP_CWORD]}} sub="" opts w
    for w in "${{COMP_WORDS[@]:1:COMP_CWORD-1}}"; do
        case "$w" in -*) ;; *) sub=$w; break ;; esac
    done
    case "$sub" in
{cases}
        *) opts={shlex.quote(' '.join([*top, *subs]))} ;;
    esac
    if [[ $cur == -* || -z $sub ]]; then
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    else
        COMPREPLY=($(compgen -W "$opts" -f -- "$cur"))
    fi
}}
complete -o filenames -F _dossier dossier
"""
