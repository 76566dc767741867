"""Compares LibreOffice's value of a formula with Carlo's, with the allowances the oracle needs.

Values are case-file literals (tools/oracle: `3.5`, `"text"`, `TRUE`, `#N/A`); Carlo writes a
blank result as `BLANK`. A pair is
  * `same`       when it agrees as FunctionCasesTest would accept it (numbers to a relative 1e-9),
  * `loose`      when it agrees once LibreOffice's missing boolean type is allowed for (a logical
                 0/1 against TRUE/FALSE) or a blank result is read as 0 or "",
  * `lo-error`   when LibreOffice answered with one of its own error codes (Err:5xx, which the
                 oracle flags) and Carlo with some Excel error: the case needs Excel's documented
                 error, not LibreOffice's,
  * `known`      when it matches a documented LibreOffice-vs-Excel difference (KNOWN_DIFFERENCES),
  * `error-order` when both answer an error, different ones, and the formula holds sources of
                 both: Excel returns the first error it meets left to right (see the 'first error
                 in reading order' cases in statistics.txt), LibreOffice often another (the right
                 operand's of =Data!E4&#N/A). A rough reading of the formula, so a human still
                 checks that Carlo's error is the one met first,
  * `different`  otherwise: a Carlo bug, an unknown LibreOffice difference or a grammar problem,
                 for a human to triage.
"""

import re

ERRORS = ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
          "#SPILL!", "#CALC!")


def parse(literal):
    """('n', float) | ('s', str) | ('b', bool) | ('e', str) | ('blank', None) | ('x', message)."""
    literal = literal.strip()
    if literal == "BLANK":
        return ("blank", None)
    if literal.startswith("EXCEPTION"):
        return ("x", literal)
    if len(literal) >= 2 and literal[0] == '"' and literal[-1] == '"':
        return ("s", literal[1:-1].replace('""', '"'))
    if literal in ("TRUE", "FALSE"):
        return ("b", literal == "TRUE")
    if literal in ERRORS:
        return ("e", literal)
    return ("n", float(literal))


def numbers_match(expected, actual):
    if expected == 0:
        return abs(actual) < 1e-14
    return abs(expected - actual) <= 1e-9 * abs(expected)


# Differences between LibreOffice and Excel that the grammar cannot avoid cheaply, each with the
# reason Carlo (which follows Excel) is right. (description, predicate(formula, lo, carlo)).
NUMBER_IN_TEXT = re.compile(r"\d+(?:\.\d+)?(?:E[+-]\d+)?")


def texts_differ_only_in_numbers(lo, carlo):
    """Whether two texts agree once every number in them is read back (to 1e-9: a number glued
    to the one before it is read as its last digits)."""
    if lo[0] != "s" or carlo[0] != "s":
        return False
    a = NUMBER_IN_TEXT.split(lo[1])
    b = NUMBER_IN_TEXT.split(carlo[1])
    x = NUMBER_IN_TEXT.findall(lo[1])
    y = NUMBER_IN_TEXT.findall(carlo[1])
    if a != b or len(x) != len(y):
        return False
    return all(abs(float(p) - float(q)) <= 1e-9 * abs(float(p)) for p, q in zip(x, y))


ERROR_SOURCES = {
    # error -> what in a formula can produce it (a rough, deliberately generous reading)
    "#N/A": r"#N/A|Data!\$?E\$?2\b|E[12]:E[2-9]|VLOOKUP|MATCH",
    "#DIV/0!": r"#DIV/0!|Data!\$?E\$?4\b|E[1-4]:E[4-9]|/|MOD\(|AVERAGE",
    "#VALUE!": r'#VALUE!|"|Data!B6|Data![CFGK]',
    "#NUM!": r"#NUM!|\^|POWER|SQRT|LN\(|EXP\(|DATE|EDATE|EOMONTH|ROUND|\d{3}",
    "#REF!": r"#REF!|INDEX|VLOOKUP",
    "#NAME?": r"#NAME\?",
}


def several_error_sources(formula, lo, carlo):
    """Both engines answer an error, different ones, and the formula can produce either."""
    if lo[0] != "e" or carlo[0] != "e" or lo[1] == carlo[1]:
        return False
    return all(k in ERROR_SOURCES and re.search(ERROR_SOURCES[k], formula)
               for k in (lo[1], carlo[1]))


KNOWN_DIFFERENCES = [
    # math.txt: Excel documents 0^0 as #NUM! and 0^-n as #DIV/0!; LibreOffice says 1 and #NUM!
    ("0^0 is #NUM! and 0^-n #DIV/0! in Excel; LibreOffice returns 1 and #NUM!",
     lambda f, lo, carlo: re.search(r"\^|POWER\(", f) is not None
     and ((carlo == ("e", "#NUM!") and lo == ("n", 1.0))
          or (carlo == ("e", "#DIV/0!") and lo == ("e", "#NUM!")))),
    # the same, deeper inside: a power of 0 that a blank cell or a count of 0 makes 0^0
    ("0^0 inside: #NUM! in Excel, 1 in LibreOffice",
     lambda f, lo, carlo: carlo == ("e", "#NUM!") and lo[0] != "e"
     and re.search(r"\^0(?![.\dE])|,0\)", f) is not None and "POWER(" in f or
     carlo == ("e", "#NUM!") and lo[0] != "e" and re.search(r"\^0(?![.\dE])", f) is not None),
    # LibreOffice cannot show more than some thousands of elapsed hours
    ("TEXT with [h]: LibreOffice answers #FMT",
     lambda f, lo, carlo: "[h]" in f and lo[0] == "s" and "#FMT" in lo[1]),
    # core.txt/logical.txt: Microsoft documents that IFERROR reads an empty cell as ""
    ("IFERROR of a blank cell is \"\" in Excel, the blank in LibreOffice",
     lambda f, lo, carlo: "IFERROR(" in f and "Data!B8" in f),
    # text.txt: Excel keeps the sign of a negative value that rounds to zero in a format, and
    # LibreOffice has negative zeros that Excel has not
    ("TEXT of a value that rounds to zero: the sign",
     lambda f, lo, carlo: "TEXT(" in f and lo[0] == "s" and carlo[0] == "s"
     and lo[1].replace("-0", "0") == carlo[1].replace("-0", "0")),
    # =""&1E+15 is "1E+15" in Excel (General shows 15 significant digits at most) and
    # "1000000000000000" in LibreOffice, which also writes three-digit exponents ("1E-020"); the
    # 15th digit also differs where LibreOffice's value differs in its last bits (its FV and NPV
    # are 1E-14 off the exact value here, Carlo's exact)
    ("number to text: LibreOffice writes 16-digit integers and 3-digit exponents, or its value "
     "differs in the last bits", lambda f, lo, carlo: texts_differ_only_in_numbers(lo, carlo)),
]


def classify(formula, lo_literal, carlo_literal, lo_note=None):
    """The category of a pair (see the module comment) and, for `known`, the reason."""
    lo = parse(lo_literal)
    carlo = parse(carlo_literal)
    if lo[0] == carlo[0]:
        if lo[0] == "n" and numbers_match(lo[1], carlo[1]):
            return "same", None
        if lo[0] != "n" and lo[1] == carlo[1]:
            return "same", None
    if lo[0] == "b" and carlo[0] == "n" and carlo[1] == (1.0 if lo[1] else 0.0):
        return "loose", None
    if lo[0] == "n" and carlo[0] == "b" and lo[1] == (1.0 if carlo[1] else 0.0):
        return "loose", None
    if carlo[0] == "blank" and lo in (("n", 0.0), ("s", "")):
        return "loose", None
    if lo_note and "Err:" in lo_note and carlo[0] == "e":
        return "lo-error", None
    for reason, predicate in KNOWN_DIFFERENCES:
        if predicate(formula, lo, carlo):
            return "known", reason
    if several_error_sources(formula, lo, carlo):
        return "error-order", None
    return "different", None
