"""Exhaustive tables of formulas for the areas where a random grammar samples too thinly: every
TEXT format against every value, the date functions on awkward serials and DATE's overflowing
arguments, every lookup key against every lookup range. `fuzz --table NAME` runs one.

Where these meet a known LibreOffice difference (serials before 61, years below 1900, results
past 9999, "*" matching numbers, TEXT rounding and signs), the difference is listed, not hidden:
the tables are read by a human, not asserted.
"""

TEXT_NUMBER_FORMATS = [
    "0", "0.00", "#,##0", "#,##0.00", "0%", "0.0%", "000", "0.00E+00", "0.0E+0", "#", "#.##",
    "0.###", "00.00", "$#,##0.00", "#,##0,", "0.0,,", "# ?/?", "# ??/??", "?/?", "0;(0)",
    '0.0;-0.0;"z"', "+0;-0;0", "#,##0.000", "0.00%", "##0.0E+0", '0 "u"', "\\$0", "0.0_)",
    "#,###", "0000", ".00", "#.0#"]
TEXT_DATE_FORMATS = [
    "yyyy-mm-dd", "d/m/yy", "mmm d, yyyy", "dddd", "ddd", "mmmm", "mmmmm", "yy", "d", "dd", "m",
    "h:mm", "hh:mm:ss", "h:mm AM/PM", "h AM/PM", "mm:ss", "yyyy-mm-dd hh:mm", "[m]", "[s]",
    "d-mmm", "mmm-yy", "h:mm:ss.00", "[h]:mm:ss"]
NUMBERS = ["0", "1", "-1", "0.5", "-0.5", "1234.5678", "-1234.5678", "0.001", "-0.001", "1E+10",
           "123456789", "0.1", "2.675", "1.005", "99.995", "-99.995", "0.0049", "1E-10", "12.5",
           "0.125", "3.333333", "1000000", "-0.0001", "7.25", "45", "0.9999", "1.5E+15"]
SERIALS = ["45366", "45366.75", "45366.999", "61", "100.5", "2958465", "45000.25", "36526",
           "45292.5", "0.3", "1.25", "45366.0001", "45366.99999"]


def quoted(text):
    return '"' + text.replace('"', '""') + '"'


def text_formats():
    return (["=TEXT(%s,%s)" % (v, quoted(f)) for v in NUMBERS for f in TEXT_NUMBER_FORMATS]
            + ["=TEXT(%s,%s)" % (v, quoted(f)) for v in SERIALS for f in TEXT_DATE_FORMATS])


def dates():
    out = []
    serials = ["61", "62", "366", "1000.5", "36526", "45291.9", "45322", "45351", "45352",
               "2958465", "2958400", "45000.25", "59.5+2"]
    calls = ["YEAR(%s)", "MONTH(%s)", "DAY(%s)", "WEEKDAY(%s)"] + \
        ["WEEKDAY(%%s,%d)" % t for t in (2, 3, 4, 11, 12, 13, 14, 15, 16, 17)] + \
        ["EOMONTH(%s,0)", "EOMONTH(%s,-1)", "EOMONTH(%s,1.9)", "EOMONTH(%s,-1.9)",
         "EDATE(%s,1)", "EDATE(%s,-1)", "EDATE(%s,0.5)", "EDATE(%s,-13.7)", "EDATE(%s,12)",
         "EOMONTH(%s,-1200)", "EDATE(%s,-1100)"]
    for s in serials:
        out += ["=" + c % s for c in calls]
    for y in ["1900", "1901", "1999", "2000", "2024", "9999", "0", "99", "100", "1899", "-1",
              "2024.9"]:
        for m in ["1", "2", "0", "-1", "13", "25", "-13", "2.9"]:
            for d in ["1", "29", "0", "-1", "32", "366", "-400", "28.9"]:
                out.append("=DATE(%s,%s,%s)" % (y, m, d))
    return out


def lookups():
    out = []
    keys = ['"bob"', '"BOB"', '"b*"', '"*e"', '"?ig"', '"~*"', '"a?ple"', '"*"', '""', '" Ann"',
            '"Ann "', '"East"', '"e*t"', "5", "3", "8", '"5"', "0", "-1", "1000", "999", "10",
            "50", "45100", "45365", "45366", "3.25", "1.5", '"apple"', '"Zzz"', '"A"', '"C"',
            '"c"', '"F"']
    ranges = ["C1:C6", "F1:F6", "G1:G6", "K1:K6", "A1:A10", "D1:D6", "J1:J6", "I1:I6", "H1:H6",
              "B1:B6", "C1:D6", "F2:F6"]
    for k in keys:
        for r in ranges:
            out.append("=MATCH(%s,Data!%s,0)" % (k, r))
            out.append("=COUNTIF(Data!%s,%s)" % (r, k))
        for r in ["A1:A10", "J1:J6", "I1:I6", "H2:H6"]:
            out.append("=MATCH(%s,Data!%s)" % (k, r))
            out.append("=MATCH(%s,Data!%s,1)" % (k, r))
        out.append("=MATCH(%s,Data!K1:K6,-1)" % k)
        for t, c in [("F1:H6", 3), ("C1:D6", 2), ("G1:H6", 2), ("F2:G6", 2)]:
            out.append("=VLOOKUP(%s,Data!%s,%d,FALSE)" % (k, t, c))
        for t, c in [("J1:K6", 2), ("A1:B5", 2), ("I1:J6", 2)]:
            out.append("=VLOOKUP(%s,Data!%s,%d,TRUE)" % (k, t, c))
            out.append("=VLOOKUP(%s,Data!%s,%d)" % (k, t, c))
    criteria = ['">5"', '"<=3"', '"<>"', '"="', '"<>East"', '">=b"', '"<c"', '"=apple"',
                '"=*a*"', '"<>*a*"', '">"&45100', '"<>5"', '"5"', '">=1E1"', '"<1e-5"', '">-2"',
                '"=1.5"', '"=3.25"', '"<>text"']
    pairs = [("A1:A6", "D1:D6"), ("C1:C6", "D1:D6"), ("G2:G6", "H2:H6"), ("F1:F6", "H1:H6"),
             ("J1:J6", "K1:K6"), ("D1:D6", "A1:A6"), ("B1:B5", "A1:A5"), ("I1:I6", "J1:J6"),
             ("K1:K6", "J1:J6"), ("C1:D6", "A1:B6")]
    for c in criteria:
        for r, s in pairs:
            out.append("=SUMIF(Data!%s,%s,Data!%s)" % (r, c, s))
            out.append("=COUNTIF(Data!%s,%s)" % (r, c))
    return list(dict.fromkeys(out))


TABLES = {"text-formats": text_formats, "dates": dates, "lookups": lookups}
