"""The check: the pipeline over one or many documents, the judge of each pair's figures,
the rules it reports, and the settings that change them.

- :mod:`bitext.check.pipeline`: read → clean → segment → align → judge, for text, a
  document, files and directories;
- :mod:`bitext.check.judge`: what a reviewer is told about each figure of a pair;
- :mod:`bitext.check.findings`: findings as drafts, rendered after relocation;
- :mod:`bitext.check.rules`: the rule registry; :mod:`bitext.check.settings`: the
  configuration and its signature; :mod:`bitext.check.suppress`: ignore comments;
  :mod:`bitext.check.batch`: many files over worker processes.
"""

from bitext.check.pipeline import (
    check_document,
    check_file,
    check_files,
    check_pair,
    check_paths,
    check_text,
    check_translation,
    iter_check_files,
    uncertain,
)
from bitext.check.rules import RULES, RuleInfo, all_rules, rule_info, rules_json, rules_text
from bitext.check.settings import DEFAULT_CONFIG, CheckConfig, signature

__all__ = [
    "DEFAULT_CONFIG",
    "RULES",
    "CheckConfig",
    "RuleInfo",
    "all_rules",
    "check_document",
    "check_file",
    "check_files",
    "check_pair",
    "check_paths",
    "check_text",
    "check_translation",
    "iter_check_files",
    "rule_info",
    "rules_json",
    "rules_text",
    "signature",
    "uncertain",
]
