"""A grammar of random but well-typed Excel formulas over the fixture sheet `Data`.

Every generator returns an `Expr`: the formula text and the precedence of its outermost operator,
so that a parent adds parentheses exactly where Excel's precedence needs them (and, now and then,
where it does not). The formulas therefore exercise the parser's precedence rules as well as the
functions.

The grammar is typed (number, date serial, text, boolean) to stay clear of the places where
LibreOffice, our oracle, is known to differ from Excel (tools/oracle/README.md and the `excel`
cases in engine/src/test/resources/cases/*.txt):

* LibreOffice has no boolean type: booleans are generated only where a logical value is expected
  (IF, AND/OR/NOT, the top level), never inside arithmetic, text functions or ranges; the range
  Data!B1:B10 is never used whole because Data!B7 holds TRUE.
* dates are serials from 61 (1 March 1900) on, where both count days alike;
* text coerced to a number is only ever a plain decimal ("3", "-2.5");
* ranges hold at most one kind of error (Data!E2 is #N/A and Data!E4 #DIV/0!, and the engines may
  pick different ones when a range holds both);
* approximate lookups only search sorted columns;
* IFERROR's value is never a bare blank cell (Excel gives "", LibreOffice the blank).
"""

import random

# Precedence, loosest first (Excel): comparison < & < + - < * / < ^ < % < unary minus < atom.
COMPARE, CONCAT, ADD, MUL, POW, PERCENT, NEG, ATOM = range(8)


class Expr:
    __slots__ = ("text", "prec")

    def __init__(self, text, prec=ATOM):
        self.text = text
        self.prec = prec

    def __str__(self):
        return self.text


def atom(text):
    return Expr(text, ATOM)


# --------------------------------------------------------------------------------------------
# The fixture sheet (engine/src/test/resources/cases/fixture.txt), as the grammar sees it
# --------------------------------------------------------------------------------------------
NUMBER_CELLS = (["A%d" % r for r in range(1, 11)] + ["B1", "B2", "B3", "B4", "B5", "B9", "B10"]
                + ["D%d" % r for r in range(1, 7)] + ["H%d" % r for r in range(2, 7)]
                + ["J%d" % r for r in range(1, 7)] + ["L%d" % r for r in range(1, 6)]
                + ["E1", "E3", "E5"])
DATE_CELLS = ["I%d" % r for r in range(1, 7)]
TEXT_CELLS = (["C%d" % r for r in range(1, 7)] + ["F%d" % r for r in range(1, 7)]
              + ["G%d" % r for r in range(1, 7)] + ["K%d" % r for r in range(1, 7)] + ["B6"])
ERROR_CELLS = ["E2", "E4"]

# Ranges for the aggregates: none holds Data!B7 (TRUE), none holds both E2 and E4.
NUMBER_RANGES = ["A1:A10", "A1:A5", "A3:A8", "B1:B5", "B1:B6", "B8:B10", "D1:D6", "D2:D4",
                 "H2:H6", "H1:H6", "I1:I6", "J1:J6", "L1:L5", "A1:B5", "A1:D6", "C1:D6",
                 "E1:E3", "E3:E5", "E1:E1", "G1:H6", "A2:A2", "D1:E1", "K1:L5", "B8:B8"]
# Pairs of equally shaped ranges for SUMIF(range, criteria, sum_range) and SUMPRODUCT.
SAME_SHAPE = [("A1:A6", "D1:D6"), ("C1:C6", "D1:D6"), ("G2:G6", "H2:H6"), ("F2:F6", "H2:H6"),
              ("J1:J6", "K1:K6"), ("A1:A5", "L1:L5"), ("D1:D3", "E1:E3"), ("D3:D5", "E3:E5"), ("A6:A10", "B1:B5"),
              ("I1:I6", "J1:J6"), ("B1:B5", "H2:H6"), ("A1:A3", "E1:E3")]

# VLOOKUP tables: (range, key type, sorted key column?, number of columns).
LOOKUP_TABLES = [("F1:H6", "text", False, 3), ("C1:D6", "text", False, 2),
                 ("J1:K6", "number", True, 2), ("A1:B5", "number", True, 2),
                 ("I1:J6", "number", True, 2), ("G1:H6", "text", False, 2)]

TEXT_KEYS = ['"Bob"', '"eve"', '"Zed"', '"apple"', '"CHERRY"', '"West"', '"b*"', '"?ig"',
             '"East"', '"Name"', '""']

WORDS = ['"apple"', '"Hello World"', '"  spaced   out  "', '""', '"a-b-c"', '"x"', '"ABC"',
         '"mixed Case"', '"3"', '"-2.5"', '"10"', '"a""b"', '"  "', '"tab-less"', '"2024"',
         '"ba na na"']
NUMERIC_TEXTS = ['"3"', '"-2.5"', '"10"', '"0.5"', '"1E3"', '" 7 "', '"+4"', '".5"', '"1e2"',
                 '"007"', '"-0"']

CRITERIA_NUMBER = ['">=1E3"', '"<>"&Data!A1', '">"&DATE(2023,6,1)', '"<=45100"', '"=2.5"',
                   '">-1"', '"<1e2"', '">20"', '"<=3"', '"<>50"', '"=100"', '">=0"', '"<0"', '5', '30', '"8"',
                   '">"&Data!D1', '"<"&10']
CRITERIA_TEXT = ['"<=b"', '"<>b*"', '"~*"', '"*"', '"??"', '"a*e"', '">=E"', '"East"', '"west"', '"<>East"', '"b*"', '"*e*"', '"?ob"', '"apple"', '">c"',
                 '"<>"', '"="', '"Banana"']

TEXT_FORMATS = ['"h:mm AM/PM"', '"hh:mm:ss"', '"# ?/?"', '"0.0E+0"', '"@"', '"0;-0;0;@"',
                '"#,##0.00_);(#,##0.00)"', '"yyyy"', '"mm/dd"', '"[h]:mm"', '"0000.0"', '"0.00E+00"', '"0;(0)"', '"0.0;-0.0;""zero"""', '"#,##0.0,"', '"m/d/yyyy"',
                '"0.000%"', '"#,##0;[Red]-#,##0"', '"+0.0"', '"0 ""units"""', '"d-mmm-yy"',
                '"0"', '"0.00"', '"#,##0"', '"#,##0.00"', '"0%"', '"0.0%"', '"000"',
                '"yyyy-mm-dd"', '"mmm d, yyyy"', '"dd/mm/yy"', '"mmmm"', '"dddd"', '"ddd"',
                '"$#,##0.00"', '"0.0"', '"#"', '"00.00"']

ERRORS = ["#N/A", "#DIV/0!", "#VALUE!", "#NUM!", "#REF!", "#NAME?"]


class FormulaGrammar:
    """Draws formulas from a seeded random source; the same seed gives the same formulas."""

    def __init__(self, seed, max_depth=4):
        self.rng = random.Random(seed)
        self.max_depth = max_depth
        # > 0 while generating the operands of MOD and ^: no huge or tiny literals there, since
        # Excel's limits on MOD's quotient and on underflow are not LibreOffice's
        self.modest = 0

    # ---- helpers ------------------------------------------------------------------------------
    def chance(self, p):
        return self.rng.random() < p

    def pick(self, seq):
        return self.rng.choice(seq)

    def cell(self, name):
        """A reference to Data, sometimes absolute."""
        if self.chance(0.15):
            col = name.rstrip("0123456789")
            return "Data!$%s$%s" % (col, name[len(col):])
        return "Data!" + name

    def rng_ref(self, r):
        return "Data!" + r

    @staticmethod
    def wrap(child, min_prec, right_side=False):
        """child's text, in parentheses when its operator binds looser than min_prec needs."""
        if child.prec < min_prec or (right_side and child.prec == min_prec):
            return "(" + child.text + ")"
        return child.text

    def maybe_paren(self, e):
        """Redundant parentheses now and then: they must never change a value."""
        if e.prec != ATOM and self.chance(0.1):
            return atom("(" + e.text + ")")
        return e

    def weighted(self, options, depth):
        """options: list of (weight, needs_depth, fn). Leaves only once depth runs out."""
        usable = [(w, f) for w, deep, f in options if not deep or depth > 0]
        total = sum(w for w, _ in usable)
        x = self.rng.random() * total
        for w, f in usable:
            x -= w
            if x < 0:
                return f(depth)
        return usable[-1][1](depth)

    # ---- numbers ------------------------------------------------------------------------------
    def number_literal(self):
        kind = self.rng.random()
        if kind < 0.45:
            return str(self.rng.randint(0, 20))
        if kind < 0.7:
            return self.pick(["0.5", "2.5", "0.1", "0.2", "3.14159", "1.005", "2.675", "0.125",
                              "99.99", "1.5", "0.3", "7.25", "12.345"])
        if kind < 0.85 or self.modest:
            return str(self.rng.randint(21, 1000))
        if kind < 0.9:
            return self.pick(["2.5", "-2.5", "0.5", "1.005", "2.675", "-1.005", "0.045", "1234.5",
                              "0.285", "-0.5", "4.35", "1.45"])
        return self.pick(["1E3", "1E-5", "123456789", "1E+15", "0.000123", "1E-20", "1E+20",
                          "45000.75", "9.99E+307", "32767", "2147483648", "4.5E-3"])

    def num_leaf(self, depth):
        kind = self.rng.random()
        if kind < 0.4:
            return atom(self.number_literal())
        if kind < 0.8:
            return atom(self.cell(self.pick(NUMBER_CELLS)))
        if kind < 0.88:
            return atom(self.cell(self.pick(DATE_CELLS)))
        if kind < 0.93:
            return atom("Data!B8")  # the blank cell counts as 0
        if kind < 0.97:
            return atom(self.pick(NUMERIC_TEXTS))  # coerced by the arithmetic around it
        if kind < 0.99:
            return atom(self.pick(ERRORS))
        return atom(self.cell(self.pick(ERROR_CELLS)))

    def num(self, depth):
        return self.maybe_paren(self.weighted([
            (6, False, self.num_leaf),
            (6, True, self.arith),
            (1, True, self.negate),
            (1, True, lambda d: Expr("--" + self.wrap(self.num(d - 1), NEG), NEG)),
            (1, True, self.percent),
            (5, True, self.math_fn),
            (4, True, self.aggregate),
            (2, True, self.conditional_num),
            (2, True, self.lookup_num),
            (2, True, self.text_to_num),
            (2, True, self.date_part),
            (1, True, self.date),
            (1, True, self.finance),
        ], depth))

    def arith(self, depth):
        op = self.pick(["+", "-", "*", "/", "+", "-", "*", "^"])
        prec = {"+": ADD, "-": ADD, "*": MUL, "/": MUL, "^": POW}[op]
        if op == "^":
            self.modest += 1
            left, right = self.num(depth - 1), self.small_exponent(depth - 1)
            self.modest -= 1
        else:
            left, right = self.num(depth - 1), self.num(depth - 1)
        return Expr(self.wrap(left, prec) + op + self.wrap(right, prec, right_side=True), prec)

    def small_exponent(self, depth):
        return atom(self.pick(["2", "3", "0.5", "-1", "1", "0", "1/3", "-2", "10", "Data!D4",
                               "Data!D2", "Data!B1", "(1/2)"]))

    def negate(self, depth):
        return Expr("-" + self.wrap(self.num(depth - 1), NEG), NEG)

    def percent(self, depth):
        return Expr(self.wrap(self.num(depth - 1), PERCENT) + "%", PERCENT)

    def math_fn(self, depth):
        d = depth - 1
        f = self.pick(["ROUND", "INT", "MOD", "ABS", "SQRT", "POWER", "LN", "EXP", "ROUND",
                       "ROUND", "MOD"])
        if f == "ROUND":
            # digits stay within what a double holds (LibreOffice refuses ROUND(x,45000))
            digits = self.pick(["0", "1", "2", "3", "-1", "-2", "4", "0.5", "-0.5", "15", "-15",
                                "Data!D2", "Data!B2", "Data!B8"])
            return atom("ROUND(%s,%s)" % (self.num(d), digits))
        if f == "MOD":
            self.modest += 1
            divisor = self.pick(["2", "3", "-3", "0.5", "7", "0", "-2.5", "10", "0.1"]) \
                if self.chance(0.6) else self.num(d).text
            e = atom("MOD(%s,%s)" % (self.num(d), divisor))
            self.modest -= 1
            return e
        if f == "POWER":
            self.modest += 1
            e = atom("POWER(%s,%s)" % (self.num(d), self.small_exponent(d)))
            self.modest -= 1
            return e
        if f == "EXP":
            return atom("EXP(%s)" % self.pick(["1", "0", "-1", "2.5", "10", "Data!D1", "710",
                                               "-800", "LN(5)", self.num(d).text]))
        return atom("%s(%s)" % (f, self.num(d)))

    def num_args(self, depth, lo, hi):
        """Arguments for SUM and friends: ranges of Data, numbers, sometimes a numeric text."""
        args = []
        for _ in range(self.rng.randint(lo, hi)):
            x = self.rng.random()
            if x < 0.55:
                args.append(self.rng_ref(self.pick(NUMBER_RANGES)))
            else:
                # a text typed as an argument ("3") counts in Excel's SUM but LibreOffice 7.4
                # rejects it (see statistics.txt): only computed numbers here
                e = self.num(depth - 1)
                while e.text.startswith('"'):
                    e = self.num(depth - 1)
                args.append(e.text)
        return ",".join(args)

    def aggregate(self, depth):
        f = self.pick(["SUM", "AVERAGE", "MIN", "MAX", "COUNT", "SUM", "COUNTIF", "SUMIF",
                       "SUMIF", "SUMPRODUCT", "COUNTIF"])
        if f in ("SUM", "AVERAGE", "MIN", "MAX", "COUNT"):
            return atom("%s(%s)" % (f, self.num_args(depth, 1, 3)))
        if f == "COUNTIF":
            rng, crit = self.criteria_pair()
            return atom("COUNTIF(%s,%s)" % (self.rng_ref(rng), crit))
        if f == "SUMIF":
            a, b = self.pick(SAME_SHAPE)
            if self.chance(0.5):
                crit = self.criteria_for(a)
                return atom("SUMIF(%s,%s,%s)" % (self.rng_ref(a), crit, self.rng_ref(b)))
            return atom("SUMIF(%s,%s)" % (self.rng_ref(b), self.pick(CRITERIA_NUMBER)))
        a, b = self.pick(SAME_SHAPE)
        if self.chance(0.3):
            return atom("SUMPRODUCT(%s)" % self.rng_ref(b))
        if self.chance(0.3):
            return atom("SUMPRODUCT((%s%s%s)*%s)" % (
                self.rng_ref(a), self.pick([">", "=", "<>", "<="]), self.criterion_value(a),
                self.rng_ref(b)))
        return atom("SUMPRODUCT(%s,%s)" % (self.rng_ref(a), self.rng_ref(b)))

    @staticmethod
    def is_text_range(r):
        return r[0] in "CFGK"

    def criteria_for(self, r):
        return self.pick(CRITERIA_TEXT if self.is_text_range(r) else CRITERIA_NUMBER)

    def criterion_value(self, r):
        if self.is_text_range(r):
            return self.pick(['"East"', '"apple"', '"B"', '"west"'])
        return self.pick(["2", "50", "45100", "0", "5"])

    def criteria_pair(self):
        if self.chance(0.5):
            # text criteria only over texts: LibreOffice's "*" also matches numbers
            return self.pick(["C1:C6", "F1:F6", "G1:G6", "K1:K6", "F1:G6"]), \
                self.pick(CRITERIA_TEXT)
        return self.pick(NUMBER_RANGES), self.pick(CRITERIA_NUMBER)

    def conditional_num(self, depth):
        d = depth - 1
        if self.chance(0.6):
            # never IF(c,x) without an else: its FALSE would be a boolean inside arithmetic
            return atom("IF(%s,%s,%s)" % (self.boolean(d), self.num(d), self.num(d)))
        value, fallback = self.num(d), self.num(d)
        # IFERROR reads a bare blank cell as "" in Excel and as the blank in LibreOffice
        value = atom("Data!B9") if value.text == "Data!B8" else value
        fallback = atom("Data!B10") if fallback.text == "Data!B8" else fallback
        return atom("IFERROR(%s,%s)" % (value, fallback))

    def lookup_num(self, depth):
        d = depth - 1
        kind = self.pick(["vlookup", "index", "match", "index-match"])
        if kind == "vlookup":
            table, key_type, sorted_keys, ncols = self.pick(LOOKUP_TABLES)
            key = self.lookup_key(key_type, d)
            col = self.pick([str(c) for c in range(1, ncols + 1)] + [str(ncols + 1), "0"])
            exact = "FALSE" if not sorted_keys else self.pick(["TRUE", "FALSE", "1", "0", ""])
            tail = "" if exact == "" else "," + exact
            return atom("VLOOKUP(%s,%s,%s%s)" % (key, self.rng_ref(table), col, tail))
        if kind == "index":
            r = self.pick(["A1:A10", "D1:D6", "H2:H6", "A1:D6", "J1:J6", "L1:L5"])
            row = self.pick(["1", "2", "3", "5", "0", "11", "Data!D4", "2.7"])
            if ":" in r and r[0] != r[3] and self.chance(0.7):
                return atom("INDEX(%s,%s,%s)" % (self.rng_ref(r), row,
                                                 self.pick(["1", "2", "4", "0", "5"])))
            return atom("INDEX(%s,%s)" % (self.rng_ref(r), row))
        if kind == "match":
            return self.match(d)
        return atom("INDEX(Data!H1:H6,%s)" % self.match(d))

    def match(self, d):
        if self.chance(0.5):
            r = self.pick(["C1:C6", "F1:F6", "G1:G6"])
            return atom("MATCH(%s,%s,0)" % (self.lookup_key("text", d), self.rng_ref(r)))
        if self.chance(0.5):
            return atom("MATCH(%s,%s%s)" % (self.lookup_key("number", d),
                                            self.rng_ref(self.pick(["A1:A10", "J1:J6",
                                                                    "I1:I6"])),
                                            self.pick(["", ",1", ",0", ",TRUE"])))
        return atom("MATCH(%s,Data!K1:K6,-1)" % self.pick(['"C"', '"c"', '"Z"', '"A"', '"B"',
                                                            '"D"']))

    def lookup_key(self, key_type, d):
        if key_type == "text":
            return self.pick(TEXT_KEYS) if self.chance(0.8) else self.text(d).text
        if self.chance(0.7):
            return self.pick(["0", "5", "10", "35", "50", "99", "100", "1000", "2000", "-1",
                              "45100", "45365", "20", "1.5", "3"])
        return self.num(d).text

    def text_to_num(self, depth):
        d = depth - 1
        f = self.pick(["LEN", "LEN", "VALUE", "FIND"])
        if f == "VALUE":
            return atom("VALUE(%s)" % self.pick(NUMERIC_TEXTS + ['"abc"', '""', '"12%"',
                                                                 '"$1,000"', '"1,234.5"']))
        if f == "FIND":
            return atom('FIND(%s,%s)' % (self.pick(['"a"', '"-"', '" "', '"z"']), self.text(d)))
        return atom("LEN(%s)" % self.text(d))

    # ---- dates --------------------------------------------------------------------------------
    def date(self, depth):
        """A date serial of at least 61, where LibreOffice and Excel count days alike."""
        d = depth - 1
        kind = self.rng.random()
        if kind < 0.3:
            return atom(self.cell(self.pick(DATE_CELLS)))
        if kind < 0.55:
            return atom("DATE(%d,%s,%s)" % (
                self.rng.randint(1901, 2099),
                self.pick([str(self.rng.randint(1, 12)), str(self.rng.randint(-14, 26)),
                           "Data!D%d" % self.rng.randint(1, 6)]),
                self.pick([str(self.rng.randint(1, 28)), str(self.rng.randint(-40, 70)), "31",
                           "Data!B8", "0"])))
        if kind < 0.7:
            return atom(str(self.rng.randint(61, 60000)))
        if depth <= 0:
            return atom(self.cell(self.pick(DATE_CELLS)))
        f = self.pick(["EOMONTH", "EDATE"])
        months = self.pick([str(self.rng.randint(-30, 30)), "0", "1.7", "-1.2", "Data!D3"])
        return atom("%s(%s,%s)" % (f, self.date(d), months))

    def date_part(self, depth):
        d = depth - 1
        f = self.pick(["YEAR", "MONTH", "WEEKDAY", "WEEKDAY", "DAY"])
        if f == "WEEKDAY" and self.chance(0.6):
            return atom("WEEKDAY(%s,%s)" % (self.date(d), self.pick(["1", "2", "3", "11", "17"])))
        return atom("%s(%s)" % (f, self.date(d)))

    # ---- finance ------------------------------------------------------------------------------
    def rate(self):
        return self.pick(["0.05", "0.1", "5%", "0.08/12", "0", "-0.02", "0.07", "0.5"])

    def finance(self, depth):
        f = self.pick(["NPV", "PMT", "FV"])
        if f == "NPV":
            flows = self.pick(["Data!L1:L5", "Data!A1:A5", "-100,30,40,50",
                               "Data!L1,Data!L2:L5", "Data!H2:H6", "-1000,Data!D1:D3"])
            return atom("NPV(%s,%s)" % (self.rate(), flows))
        nper = self.pick(["12", "36", "10", "360", "0", "5"])
        pv = self.pick(["1000", "-1000", "Data!H3", "25000", "0"])
        extra = self.pick(["", ",0", ",0,1", ",500", ",-500,0", ",0,TRUE"])
        if f == "PMT":
            return atom("PMT(%s,%s,%s%s)" % (self.rate(), nper, pv, extra))
        pmt = self.pick(["-100", "100", "0", "Data!D2"])
        return atom("FV(%s,%s,%s%s)" % (self.rate(), nper, pmt,
                                         self.pick(["", "," + pv, "," + pv + ",1"])))

    # ---- text ---------------------------------------------------------------------------------
    def text_leaf(self, depth):
        if self.chance(0.55):
            return atom(self.pick(WORDS))
        if self.chance(0.95):
            return atom(self.cell(self.pick(TEXT_CELLS)))
        return atom(self.cell(self.pick(ERROR_CELLS)))

    def text(self, depth):
        return self.maybe_paren(self.weighted([
            (5, False, self.text_leaf),
            (4, True, self.concat),
            (6, True, self.text_fn),
            (2, True, self.text_of_number),
            (1, True, self.conditional_text),
            (1, True, self.lookup_text),
        ], depth))

    def concat(self, depth):
        d = depth - 1
        left = self.text(d) if self.chance(0.7) else self.num(d)
        right = self.text(d) if self.chance(0.7) else self.num(d)
        return Expr(self.wrap(left, CONCAT) + "&" + self.wrap(right, CONCAT, right_side=True),
                    CONCAT)

    def count(self, d):
        if self.chance(0.7):
            return self.pick(["0", "1", "2", "3", "5", "10", "100", "2.9", "-1", "Data!D4"])
        # no huge counts: LibreOffice refuses LEFT("a",1E+15), where Excel's limit is unclear
        self.modest += 1
        e = self.num(d).text
        self.modest -= 1
        return e

    def text_fn(self, depth):
        d = depth - 1
        f = self.pick(["LEFT", "MID", "LEN", "UPPER", "TRIM", "SUBSTITUTE", "CONCATENATE",
                       "LOWER", "RIGHT", "LEFT", "MID", "SUBSTITUTE"])
        if f == "LEN":  # a text function with a text result: LEN's number turned into text
            return atom("LEN(%s)&\"\"" % self.text(d))
        if f in ("LEFT", "RIGHT"):
            if self.chance(0.2):
                return atom("%s(%s)" % (f, self.text(d)))
            return atom("%s(%s,%s)" % (f, self.text(d), self.count(d)))
        if f == "MID":
            return atom("MID(%s,%s,%s)" % (self.text(d), self.pick(["1", "2", "3", "5", "20",
                                                                    "1.5", "Data!D4"]),
                                           self.count(d)))
        if f == "SUBSTITUTE":
            old = self.pick(['"a"', '" "', '"-"', '"an"', '""', '"A"', '"na"', '"e"'])
            new = self.pick(['"X"', '""', '"--"', '"ab"', '" "'])
            inst = self.pick(["", "", ",1", ",2", ",3", ",1.9"])
            return atom("SUBSTITUTE(%s,%s,%s%s)" % (self.text(d), old, new, inst))
        if f == "CONCATENATE":
            parts = [self.text(d).text if self.chance(0.7) else self.num(d).text
                     for _ in range(self.rng.randint(1, 4))]
            return atom("CONCATENATE(%s)" % ",".join(parts))
        return atom("%s(%s)" % (f, self.text(d)))

    def text_of_number(self, depth):
        d = depth - 1
        fmt = self.pick(TEXT_FORMATS)
        if any(c in fmt for c in "ymd"):
            value = self.date(d)
        else:
            value = self.num(d)
        return atom("TEXT(%s,%s)" % (value, fmt))

    def conditional_text(self, depth):
        d = depth - 1
        if self.chance(0.6):
            return atom("IF(%s,%s,%s)" % (self.boolean(d), self.text(d), self.text(d)))
        return atom("IFERROR(%s,%s)" % (self.text(d), self.text(d)))

    def lookup_text(self, depth):
        d = depth - 1
        if self.chance(0.5):
            table, key_type, sorted_keys, ncols = self.pick(
                [t for t in LOOKUP_TABLES if t[0] in ("F1:H6", "J1:K6")])
            key = self.lookup_key(key_type, d)
            col = "2" if table == "J1:K6" else self.pick(["1", "2"])
            exact = "TRUE" if sorted_keys and self.chance(0.5) else "FALSE"
            return atom("VLOOKUP(%s,%s,%s,%s)" % (key, self.rng_ref(table), col, exact))
        return atom("INDEX(Data!F1:G6,%s,%s)" % (self.pick(["1", "2", "4", "6", "7"]),
                                                 self.pick(["1", "2"])))

    # ---- booleans -----------------------------------------------------------------------------
    def boolean(self, depth):
        return self.maybe_paren(self.weighted([
            (1, False, lambda d: atom(self.pick(["TRUE", "FALSE"]))),
            (5, True, self.comparison),
            (3, True, self.logical),
        ], depth))

    def comparison(self, depth):
        d = depth - 1
        op = self.pick(["=", "<>", "<", ">", "<=", ">="])
        kind = self.rng.random()
        if kind < 0.6:
            left, right = self.num(d), self.num(d)
        elif kind < 0.9:
            left, right = self.plain_text(d), self.plain_text(d)
        else:  # numbers sort before texts in both engines
            left, right = self.num(d), self.text(d)
        return Expr(self.wrap(left, CONCAT) + op + self.wrap(right, CONCAT, right_side=True),
                    COMPARE)

    def plain_text(self, depth):
        """Text of letters and spaces only, for comparisons: Excel orders punctuation by its own
        collation (hyphens ignored, digits before the space), LibreOffice by ICU's, and the two
        disagree with each other and with code-point order."""
        word = atom(self.pick(['"apple"', '"Hello World"', '"ABC"', '"mixed Case"', '"x"',
                               '""', '"ba na na"', '"Banana"', '"CHERRY"', '"Eve"', '"east"'] +
                              ["Data!" + c for c in TEXT_CELLS if c != "B6"]))
        if depth <= 0 or self.chance(0.6):
            return word
        f = self.pick(["UPPER", "LOWER", "TRIM", "LEFT", "CONCAT"])
        if f == "LEFT":
            return atom("LEFT(%s,%s)" % (word, self.pick(["1", "2", "3", "10"])))
        if f == "CONCAT":
            return Expr(word.text + "&" + self.plain_text(depth - 1).text, CONCAT)
        return atom("%s(%s)" % (f, word))

    def logical(self, depth):
        d = depth - 1
        f = self.pick(["AND", "OR", "NOT", "AND", "OR"])
        if f == "NOT":
            return atom("NOT(%s)" % self.boolean(d))
        args = [self.boolean(d).text for _ in range(self.rng.randint(1, 3))]
        return atom("%s(%s)" % (f, ",".join(args)))

    # ---- a whole formula ----------------------------------------------------------------------
    def formula(self):
        kind = self.rng.random()
        depth = self.rng.randint(1, self.max_depth)
        if kind < 0.55:
            e = self.num(depth)
        elif kind < 0.85:
            e = self.text(depth)
        else:
            e = self.boolean(depth)
        return "=" + e.text
