package io.carlo.engine.workbook;

import io.carlo.engine.formula.TableDef;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An immutable, loaded workbook: sheets with constants, formulas and cached values, defined names,
 * tables and calculation settings. It knows nothing of how formulas are evaluated.
 */
public final class Workbook {

    private static final Pattern PLAIN_SHEET_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    private final String source;
    private final List<Sheet> sheets;
    private final List<DefinedName> names;
    private final List<TableDef> tables;
    private final CalculationSettings calculation;
    private final boolean date1904;

    public Workbook(String source, List<Sheet> sheets, List<DefinedName> names, List<TableDef> tables,
                    CalculationSettings calculation, boolean date1904) {
        this.source = source;
        this.sheets = List.copyOf(sheets);
        this.names = List.copyOf(names);
        this.tables = List.copyOf(tables);
        this.calculation = calculation;
        this.date1904 = date1904;
    }

    /** Where the workbook came from (a file name), for messages. */
    public String source() {
        return source;
    }

    public List<Sheet> sheets() {
        return sheets;
    }

    public Sheet sheet(int index) {
        return sheets.get(index);
    }

    /** Sheet index by name, ignoring case as Excel does, or -1. */
    public int sheetIndex(String name) {
        for (Sheet s : sheets) {
            if (s.name().equalsIgnoreCase(name)) {
                return s.index();
            }
        }
        return -1;
    }

    public Cell cell(int sheet, int row, int col) {
        return sheets.get(sheet).cell(row, col);
    }

    public List<DefinedName> names() {
        return names;
    }

    /** A name visible from a sheet: the sheet's own definition wins over the workbook-wide one. */
    public Optional<DefinedName> name(String name, int fromSheet) {
        DefinedName global = null;
        for (DefinedName n : names) {
            if (n.name().equalsIgnoreCase(name)) {
                if (n.scopeSheet() == fromSheet) {
                    return Optional.of(n);
                }
                if (n.scopeSheet() < 0) {
                    global = n;
                }
            }
        }
        return Optional.ofNullable(global);
    }

    public List<TableDef> tables() {
        return tables;
    }

    public Optional<TableDef> table(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return tables.stream().filter(t -> t.name().toLowerCase(Locale.ROOT).equals(n)).findFirst();
    }

    public Optional<TableDef> tableAt(int sheet, int row, int col) {
        return tables.stream().filter(t -> t.contains(sheet, row, col)).findFirst();
    }

    public CalculationSettings calculation() {
        return calculation;
    }

    /** Whether dates count from 1904 (old Mac workbooks) instead of 1900. */
    public boolean date1904() {
        return date1904;
    }

    public int formulaCount() {
        int n = 0;
        for (Sheet s : sheets) {
            for (Cell c : s.cells()) {
                if (c.isFormula()) {
                    n++;
                }
            }
        }
        return n;
    }

    /** A sheet name as a formula writes it: quoted when it needs to be. */
    public String quotedSheetName(int sheet) {
        String name = sheets.get(sheet).name();
        if (PLAIN_SHEET_NAME.matcher(name).matches() && !looksLikeCell(name)) {
            return name;
        }
        return "'" + name.replace("'", "''") + "'";
    }

    private static boolean looksLikeCell(String name) {
        return name.matches("(?i)[A-Z]{1,3}[0-9]+") || name.matches("(?i)R[0-9]*C[0-9]*");
    }

    /** {@code 'My Sheet'!B3} for messages and reports. */
    public String describe(CellAddress a) {
        return quotedSheetName(a.sheet()) + "!" + a.a1();
    }
}
