"""Shared machinery of the LibreOffice oracle (see README.md).

LibreOffice Calc is our independent second opinion on what a formula computes: Carlo's expected
values must never come from Carlo itself. This module
  * writes a minimal .xlsx by hand (so the formulas reach LibreOffice exactly as Excel would store
    them, including the `_xlfn.` prefixes of post-2007 functions),
  * drives a private headless LibreOffice through UNO: load, recalculate everything, read back
    each cell's exact double / text / error code,
  * formats results as case-file literals.

It runs under the system Python (/usr/bin/python3) because that is where Debian's python3-uno
lives. Standard library only otherwise.
"""

import os
import re
import shutil
import subprocess
import tempfile
import time
import zipfile
from xml.sax.saxutils import escape

# --------------------------------------------------------------------------------------------
# Function names that Excel stores with the _xlfn. prefix (introduced after Excel 2007).
# Case files are written without the prefix; without it LibreOffice (and Excel) would read the
# name as an unknown function and answer #NAME?. Not listed, although newer than Excel 2007:
# NETWORKDAYS.INTL, WORKDAY.INTL, ISO.CEILING and the IMCOSH/IMCOT/IMCSC/IMCSCH/IMSEC/IMSECH/IMSINH/
# IMTAN family, which LibreOffice only recognises without the prefix (checked with LibreOffice 7.4).
# --------------------------------------------------------------------------------------------
XLFN_FUNCTIONS = set("""
ACOT ACOTH AGGREGATE ARABIC ARRAYTOTEXT BASE BETA.DIST BETA.INV BINOM.DIST BINOM.DIST.RANGE
BINOM.INV BITAND BITLSHIFT BITOR BITRSHIFT BITXOR BYCOL BYROW CEILING.MATH CEILING.PRECISE
CHISQ.DIST CHISQ.DIST.RT CHISQ.INV CHISQ.INV.RT CHISQ.TEST CHOOSECOLS CHOOSEROWS COMBINA CONCAT
CONFIDENCE.NORM CONFIDENCE.T COT COTH COVARIANCE.P COVARIANCE.S CSC CSCH DAYS DECIMAL DROP
ENCODEURL ERF.PRECISE ERFC.PRECISE EXPAND EXPON.DIST F.DIST F.DIST.RT F.INV F.INV.RT F.TEST
FILTERXML FLOOR.MATH FLOOR.PRECISE FORECAST.ETS FORECAST.ETS.CONFINT FORECAST.ETS.SEASONALITY
FORECAST.ETS.STAT FORECAST.LINEAR FORMULATEXT GAMMA GAMMA.DIST GAMMA.INV GAMMALN.PRECISE GAUSS
GROUPBY HSTACK HYPGEOM.DIST IFNA IFS IMAGE
ISFORMULA ISOMITTED ISOWEEKNUM LAMBDA LET LOGNORM.DIST LOGNORM.INV MAKEARRAY MAP MAXIFS MINIFS
MODE.MULT MODE.SNGL MUNIT NEGBINOM.DIST NORM.DIST NORM.INV NORM.S.DIST
NORM.S.INV NUMBERVALUE PDURATION PERCENTILE.EXC PERCENTILE.INC PERCENTOF PERCENTRANK.EXC
PERCENTRANK.INC PERMUTATIONA PHI PIVOTBY POISSON.DIST QUARTILE.EXC QUARTILE.INC RANDARRAY
RANK.AVG RANK.EQ REDUCE REGEXEXTRACT REGEXREPLACE REGEXTEST RRI SCAN SEC SECH SEQUENCE SHEET
SHEETS SINGLE SKEW.P SORTBY STDEV.P STDEV.S STOCKHISTORY SWITCH T.DIST T.DIST.2T T.DIST.RT T.INV
T.INV.2T T.TEST TAKE TEXTAFTER TEXTBEFORE TEXTJOIN TEXTSPLIT TOCOL TOROW TRIMRANGE UNICHAR
UNICODE UNIQUE VALUETOTEXT VAR.P VAR.S VSTACK WEBSERVICE WEIBULL.DIST WRAPCOLS
WRAPROWS XLOOKUP XMATCH XOR Z.TEST
""".split())
# These two carry a second prefix in OOXML.
XLWS_FUNCTIONS = {"FILTER", "SORT"}

_NAME_BEFORE_PAREN = re.compile(r"(?<![A-Za-z0-9_.!$:'\\])([A-Za-z][A-Za-z0-9_.]*)(?=\s*\()")


def add_xlfn_prefixes(formula):
    """Prefix post-2007 function names, leaving string literals and quoted sheet names alone."""
    out = []
    i = 0
    n = len(formula)
    while i < n:
        ch = formula[i]
        if ch in "\"'":
            # copy a quoted segment verbatim; a doubled quote is an escaped quote
            j = i + 1
            while j < n:
                if formula[j] == ch:
                    if j + 1 < n and formula[j + 1] == ch:
                        j += 2
                        continue
                    break
                j += 1
            out.append(formula[i:j + 1])
            i = j + 1
            continue
        j = i
        while j < n and formula[j] not in "\"'":
            j += 1
        out.append(_NAME_BEFORE_PAREN.sub(_prefixed, formula[i:j]))
        i = j
    return "".join(out)


def _prefixed(match):
    name = match.group(1)
    upper = name.upper()
    if upper in XLWS_FUNCTIONS:
        return "_xlfn._xlws." + name
    if upper in XLFN_FUNCTIONS:
        return "_xlfn." + name
    return name


# --------------------------------------------------------------------------------------------
# Literals (the case-file and fixture syntax)
# --------------------------------------------------------------------------------------------
ERROR_LITERALS = ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A",
                  "#GETTING_DATA", "#SPILL!", "#CALC!")


def parse_literal(text):
    """Fixture literal -> ('n', float) | ('s', str) | ('b', bool) | ('e', str)."""
    text = text.strip()
    if text.startswith('"') and text.endswith('"') and len(text) >= 2:
        return ("s", text[1:-1].replace('""', '"'))
    if text.upper() in ("TRUE", "FALSE"):
        return ("b", text.upper() == "TRUE")
    if text.upper() in ERROR_LITERALS:
        return ("e", text.upper())
    return ("n", float(text))


def format_number(value):
    """Shortest text that reads back as the same double; integers without '.0'."""
    if value == 0:
        return "0"  # also folds -0.0, which Excel never shows
    if value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return repr(value).upper()  # 1e-20 -> 1E-20, as Excel writes exponents


def format_text(text):
    return '"' + text.replace('"', '""') + '"'


# --------------------------------------------------------------------------------------------
# LibreOffice error codes (FormulaError in formula/errorcodes.hxx). Only some have an Excel twin;
# LibreOffice's own codes (Err:5xx) are mapped to the Excel error Excel usually gives in that
# situation, and flagged so that a human checks the case.
# --------------------------------------------------------------------------------------------
EXCEL_ERRORS_BY_LO_CODE = {
    503: "#NUM!",     # IllegalFPOperation
    519: "#VALUE!",   # NoValue
    521: "#NULL!",    # NoCode
    524: "#REF!",     # NoRef
    525: "#NAME?",    # NoName
    532: "#DIV/0!",   # DivisionByZero
    32767: "#N/A",    # NotAvailable
}
LO_ONLY_ERRORS = {
    # code: (LibreOffice's description, the Excel error we write instead)
    501: ("invalid character", "#VALUE!"),
    502: ("invalid argument", "#NUM!"),
    504: ("error in parameter list", "#VALUE!"),
    507: ("missing pair", "#VALUE!"),
    508: ("error in brackets", "#VALUE!"),
    509: ("missing operator", "#VALUE!"),
    510: ("missing variable", "#VALUE!"),
    511: ("missing variable", "#VALUE!"),
    512: ("formula overflow", "#VALUE!"),
    513: ("string overflow", "#VALUE!"),
    514: ("internal overflow", "#NUM!"),
    522: ("circular reference", "#VALUE!"),
    523: ("no convergence", "#NUM!"),
    526: ("internal syntax error", "#VALUE!"),
    527: ("nested array / internal overflow", "#VALUE!"),
    528: ("missing add-in", "#NAME?"),
    529: ("missing macro", "#NAME?"),
    538: ("invalid array content", "#VALUE!"),
    539: ("unsupported inline array content", "#VALUE!"),
}


class CellResult:
    """One computed cell: kind is 'n', 's', 'b' or 'e'; note explains LibreOffice oddities."""

    def __init__(self, kind, value, note=None):
        self.kind = kind
        self.value = value
        self.note = note

    def literal(self):
        if self.kind == "n":
            return format_number(self.value)
        if self.kind == "b":
            return "TRUE" if self.value else "FALSE"
        if self.kind == "s":
            return format_text(self.value)
        return self.value


def error_result(code):
    if code in EXCEL_ERRORS_BY_LO_CODE:
        error = EXCEL_ERRORS_BY_LO_CODE[code]
        note = "LibreOffice: unknown function" if code == 525 else None
        return CellResult("e", error, note)
    description, error = LO_ONLY_ERRORS.get(code, ("unknown error", "#VALUE!"))
    return CellResult("e", error, "LibreOffice: Err:%d (%s), written as %s; check Excel"
                      % (code, description, error))


# --------------------------------------------------------------------------------------------
# Writing the .xlsx
# --------------------------------------------------------------------------------------------
def column_letters(index):
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _cell_xml(ref, content):
    """content: ('f', formula-without-=) or a parsed literal."""
    kind, value = content
    if kind == "f":
        return '<c r="%s"><f>%s</f></c>' % (ref, escape(value))
    if kind == "n":
        return '<c r="%s"><v>%s</v></c>' % (ref, repr(value))
    if kind == "b":
        return '<c r="%s" t="b"><v>%d</v></c>' % (ref, 1 if value else 0)
    if kind == "e":
        return '<c r="%s" t="e"><v>%s</v></c>' % (ref, escape(value))
    return '<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>' % (
        ref, escape(value))


def _split_ref(ref):
    m = re.fullmatch(r"([A-Z]+)(\d+)", ref)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col


def _sheet_xml(cells):
    """cells: dict 'A1' -> content."""
    rows = {}
    for ref, content in cells.items():
        row, col = _split_ref(ref)
        rows.setdefault(row, []).append((col, ref, content))
    parts = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
             '<sheetData>']
    for row in sorted(rows):
        parts.append('<row r="%d">' % row)
        for _, ref, content in sorted(rows[row]):
            parts.append(_cell_xml(ref, content))
        parts.append('</row>')
    parts.append('</sheetData></worksheet>')
    return "".join(parts)


def write_xlsx(path, sheets):
    """sheets: list of (name, {ref: content}). 1900 date system, as Excel's default."""
    content_types = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
                     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
                     '<Default Extension="rels" '
                     'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
                     '<Default Extension="xml" ContentType="application/xml"/>',
                     '<Override PartName="/xl/workbook.xml" ContentType="application/'
                     'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>']
    workbook_sheets = []
    workbook_rels = []
    for i, (name, _) in enumerate(sheets, start=1):
        content_types.append('<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="'
                             'application/vnd.openxmlformats-officedocument.spreadsheetml.'
                             'worksheet+xml"/>' % i)
        workbook_sheets.append('<sheet name="%s" sheetId="%d" r:id="rId%d"/>'
                               % (escape(name, {'"': "&quot;"}), i, i))
        workbook_rels.append('<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/'
                             'officeDocument/2006/relationships/worksheet" '
                             'Target="worksheets/sheet%d.xml"/>' % (i, i))
    content_types.append('</Types>')
    root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                 'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                 'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                 '</Relationships>')
    workbook = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                '<workbookPr/><sheets>' + "".join(workbook_sheets) + '</sheets>'
                '<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(workbook_rels) + '</Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "".join(content_types))
        z.writestr("_rels/.rels", root_rels)
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", rels)
        for i, (_, cells) in enumerate(sheets, start=1):
            z.writestr("xl/worksheets/sheet%d.xml" % i, _sheet_xml(cells))


# --------------------------------------------------------------------------------------------
# Driving LibreOffice
# --------------------------------------------------------------------------------------------
# A private profile per run (several helpers run the oracle at once; LibreOffice refuses to share
# a profile). en-US locale so that texts like "1/2/2024" and "TRUE" mean what they mean in an
# English Excel; recalculation on load forced to "always" for good measure (we also call
# calculateAll() explicitly, which is what really guarantees fresh values).
PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>en-US</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>en-US</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""

SOFFICE = os.environ.get("SOFFICE", "/usr/bin/soffice")


def libreoffice_version():
    try:
        out = subprocess.run([SOFFICE, "--version"], capture_output=True, text=True,
                             timeout=60).stdout
        m = re.search(r"LibreOffice\s+(\S+)", out)
        return m.group(1) if m else out.strip()
    except Exception:  # noqa: BLE001 - the version is only informative
        return "unknown version"


class LibreOffice:
    """A private headless LibreOffice, reachable over a named UNO pipe. Use as a context manager."""

    def __init__(self, connect_timeout=240):
        self.connect_timeout = connect_timeout
        self.profile = None
        self.process = None
        self.desktop = None

    def __enter__(self):
        import uno  # noqa: F401 - fails early with a clear message if python3-uno is missing

        self.profile = tempfile.mkdtemp(prefix="lo-oracle-%d-" % os.getpid())
        os.makedirs(os.path.join(self.profile, "user"))
        with open(os.path.join(self.profile, "user", "registrymodifications.xcu"), "w") as f:
            f.write(PROFILE_SETTINGS)
        pipe = "lo-oracle-%d-%d" % (os.getpid(), int(time.time() * 1000))
        env = dict(os.environ, LANG="en_US.UTF-8", LC_ALL="C.UTF-8")
        self.process = subprocess.Popen(
            [SOFFICE, "-env:UserInstallation=file://" + self.profile, "--headless", "--invisible",
             "--nologo", "--norestore", "--nodefault", "--nolockcheck",
             "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
            start_new_session=True)
        self.desktop = self._connect(pipe)
        return self

    def _connect(self, pipe):
        import uno
        from com.sun.star.connection import NoConnectException

        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.time() + self.connect_timeout
        while True:
            try:
                ctx = resolver.resolve(
                    "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                return ctx.ServiceManager.createInstanceWithContext(
                    "com.sun.star.frame.Desktop", ctx)
            except NoConnectException:
                if self.process.poll() is not None and self.process.returncode != 0:
                    raise RuntimeError("LibreOffice exited with %d before accepting connections"
                                       % self.process.returncode)
                if time.time() > deadline:
                    raise RuntimeError("LibreOffice did not start within %ds"
                                       % self.connect_timeout)
                time.sleep(0.5)

    def __exit__(self, *exc):
        try:
            if self.desktop is not None:
                self.desktop.terminate()
        except Exception:  # noqa: BLE001 - the bridge dies with the process
            pass
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, 9)  # our own session only
            self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)

    def open_recalculated(self, path):
        """Loads a spreadsheet hidden and read-only, recalculates every formula, returns the doc."""
        import uno
        from com.sun.star.beans import PropertyValue

        def prop(name, value):
            p = PropertyValue()
            p.Name = name
            p.Value = value
            return p

        url = uno.systemPathToFileUrl(os.path.abspath(path))
        doc = self.desktop.loadComponentFromURL(
            url, "_blank", 0, (prop("Hidden", True), prop("ReadOnly", True)))
        if doc is None:
            raise RuntimeError("LibreOffice could not open " + path)
        doc.calculateAll()
        return doc


def read_cell(cell):
    """The computed value of a formula cell as a CellResult."""
    from com.sun.star.table.CellContentType import FORMULA

    if cell.getType() != FORMULA:
        raise ValueError("not a formula cell")
    error = cell.getError()
    if error:
        return error_result(error)
    result_type = cell.FormulaResultType2  # com.sun.star.sheet.FormulaResult
    if result_type == 2:  # STRING
        return CellResult("s", cell.getString())
    value = cell.getValue()
    # LibreOffice has no boolean cell type: a logical result is a 0/1 number with a boolean
    # number format, which is what the displayed text tells us.
    if value in (0.0, 1.0) and cell.getString() in ("TRUE", "FALSE"):
        return CellResult("b", value == 1.0)
    return CellResult("n", value)
