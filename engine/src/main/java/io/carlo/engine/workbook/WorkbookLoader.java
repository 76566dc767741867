package io.carlo.engine.workbook;

import io.carlo.engine.formula.TableDef;
import io.carlo.engine.value.BlankValue;
import io.carlo.engine.value.BooleanValue;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.TextValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.EmptyFileException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCalcPr;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCellFormula;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellFormulaType;

/**
 * Reads .xlsx and .xls files with Apache POI into the immutable {@link Workbook}. Formulas are kept
 * as text (Carlo parses them itself); shared formulas keep their anchor so they are parsed once.
 *
 * <p>Files are untrusted input: POI's zip-bomb guards are set explicitly and tightly, XML external
 * entities are never resolved (POI's parsers refuse DOCTYPEs), and every failure becomes a
 * {@link WorkbookLoadException} with a one-line message.
 */
public final class WorkbookLoader {

    /** Limits on what a file may expand to; a real model is far below them. */
    public record Limits(long maxEntryBytes, double minInflateRatio, long maxTextChars, long maxCells) {
        public static final Limits DEFAULT = new Limits(256L * 1024 * 1024, 0.01, 50_000_000L, 20_000_000L);
    }

    private final Limits limits;

    public WorkbookLoader() {
        this(Limits.DEFAULT);
    }

    public WorkbookLoader(Limits limits) {
        this.limits = limits;
    }

    public Workbook load(Path file) {
        String label = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new WorkbookLoadException(label + ": no such file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, label);
        } catch (NoSuchFileException e) {
            throw new WorkbookLoadException(label + ": no such file");
        } catch (IOException e) {
            throw new WorkbookLoadException(label + ": cannot read the file (" + e.getMessage() + ")");
        }
    }

    public Workbook load(InputStream in, String label) {
        applyZipLimits();
        try (org.apache.poi.ss.usermodel.Workbook poi = WorkbookFactory.create(in)) {
            return convert(poi, label);
        } catch (WorkbookLoadException e) {
            throw e;
        } catch (EncryptedDocumentException e) {
            throw new WorkbookLoadException(label + ": the workbook is password-protected; save it without a password and try again");
        } catch (EmptyFileException e) {
            throw new WorkbookLoadException(label + ": the file is empty");
        } catch (UnsupportedFileFormatException e) {
            throw new WorkbookLoadException(label + ": not an Excel workbook (.xlsx or .xls)");
        } catch (IOException e) {
            throw new WorkbookLoadException(label + ": " + describe(e));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw new WorkbookLoadException(label + ": " + describe(e));
        }
    }

    private void applyZipLimits() {
        ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
        ZipSecureFile.setMaxEntrySize(limits.maxEntryBytes());
        ZipSecureFile.setMaxTextSize(limits.maxTextChars());
    }

    /** A one-line reason for a failure inside POI, without its stack trace. */
    private static String describe(Throwable e) {
        String all = chainText(e);
        if (all.contains("Zip bomb") || all.contains("zip bomb") || all.contains("ratio")) {
            return "rejected as a zip bomb (it expands far more than a real workbook)";
        }
        if (all.contains("DOCTYPE") || all.contains("DTD") || all.contains("entity")) {
            return "rejected: the file contains an XML document type declaration (possible XXE attack)";
        }
        if (all.contains("unsupported file type") || all.contains("No valid entries or contents found")
                || all.contains("not a valid")
                || all.contains("Invalid header") || all.contains("zip")) {
            return "not an Excel workbook or the file is corrupt";
        }
        if (e instanceof OutOfMemoryError) {
            return "the workbook is too large to load";
        }
        return "the workbook is corrupt or unreadable (" + firstLine(e) + ")";
    }

    private static String chainText(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 10_000; t = t.getCause()) {
            sb.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
        }
        return sb.toString();
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int nl = msg.indexOf('\n');
        msg = nl >= 0 ? msg.substring(0, nl) : msg;
        return msg.length() > 200 ? msg.substring(0, 200) + "..." : msg;
    }

    private Workbook convert(org.apache.poi.ss.usermodel.Workbook poi, String label) {
        List<Sheet> sheets = new ArrayList<>();
        List<TableDef> tables = new ArrayList<>();
        long totalCells = 0;
        for (int s = 0; s < poi.getNumberOfSheets(); s++) {
            org.apache.poi.ss.usermodel.Sheet ps = poi.getSheetAt(s);
            List<Cell> cells = readSheet(ps);
            totalCells += cells.size();
            if (totalCells > limits.maxCells()) {
                throw new WorkbookLoadException(label + ": more than " + limits.maxCells() + " cells");
            }
            sheets.add(new Sheet(ps.getSheetName(), s, cells));
            if (ps instanceof XSSFSheet xs) {
                for (XSSFTable t : xs.getTables()) {
                    tables.add(toTableDef(t, s));
                }
            }
        }
        List<DefinedName> names = new ArrayList<>();
        for (Name n : poi.getAllNames()) {
            if (n.isFunctionName() || n.getRefersToFormula() == null) {
                continue;
            }
            String name = n.getNameName();
            if (name.startsWith("_xlnm.") || name.startsWith("_xlfn.")) {
                continue; // print areas, filter databases and future-function markers
            }
            names.add(new DefinedName(name, n.getSheetIndex(), n.getRefersToFormula()));
        }
        CalculationSettings calc = CalculationSettings.DEFAULT;
        boolean date1904 = false;
        if (poi instanceof XSSFWorkbook xw) {
            date1904 = xw.isDate1904();
            CTCalcPr pr = xw.getCTWorkbook().getCalcPr();
            if (pr != null && pr.isSetIterate() && pr.getIterate()) {
                calc = new CalculationSettings(true, pr.isSetIterateCount() ? (int) pr.getIterateCount() : 100,
                        pr.isSetIterateDelta() ? pr.getIterateDelta() : 0.001);
            }
        }
        return new Workbook(label, sheets, names, tables, calc, date1904);
    }

    private static TableDef toTableDef(XSSFTable t, int sheet) {
        List<String> columns = new ArrayList<>();
        for (var col : t.getColumns()) {
            columns.add(col.getName());
        }
        var start = t.getStartCellReference();
        var end = t.getEndCellReference();
        int headerRows = t.getHeaderRowCount();
        int totalsRows = t.getTotalsRowCount();
        return new TableDef(t.getName(), sheet, start.getRow(), start.getCol(), end.getRow(), end.getCol(),
                headerRows, totalsRows, columns);
    }

    private static List<Cell> readSheet(org.apache.poi.ss.usermodel.Sheet ps) {
        List<Cell> cells = new ArrayList<>();
        Map<Long, FormulaSource> sharedAnchors = new HashMap<>();
        List<FormulaSource> arrays = new ArrayList<>();
        Map<Long, org.apache.poi.ss.usermodel.Cell> arrayMembers = new HashMap<>();
        for (Row row : ps) {
            for (org.apache.poi.ss.usermodel.Cell pc : row) {
                if (pc.getCellType() == CellType.FORMULA) {
                    continue; // second pass: shared formula anchors must be known first
                }
                Cell c = readConstant(pc);
                if (c != null) {
                    cells.add(c);
                }
            }
        }
        // anchors of shared and array formulas
        for (Row row : ps) {
            for (org.apache.poi.ss.usermodel.Cell pc : row) {
                if (pc.getCellType() == CellType.FORMULA && pc instanceof XSSFCell xc) {
                    CTCellFormula f = xc.getCTCell().getF();
                    if (f != null && f.getT() == STCellFormulaType.SHARED && f.isSetRef()
                            && f.getStringValue() != null && !f.getStringValue().isEmpty()) {
                        sharedAnchors.put(f.getSi(), new FormulaSource(f.getStringValue(), pc.getRowIndex(),
                                pc.getColumnIndex(), FormulaSource.Kind.SHARED, pc.getRowIndex(), pc.getColumnIndex()));
                    }
                }
            }
        }
        for (Row row : ps) {
            for (org.apache.poi.ss.usermodel.Cell pc : row) {
                if (pc.getCellType() != CellType.FORMULA) {
                    continue;
                }
                FormulaSource src = formulaSource(pc, sharedAnchors);
                if (src == null) {
                    arrayMembers.put(key(pc.getRowIndex(), pc.getColumnIndex()), pc);
                    continue;
                }
                if (src.isArray()) {
                    arrays.add(src);
                }
                cells.add(new Cell(pc.getRowIndex(), pc.getColumnIndex(), cachedValue(pc), src, hasCachedValue(pc),
                        format(pc)));
            }
        }
        // cells inside an array formula's range that are not its anchor
        for (var e : arrayMembers.entrySet()) {
            org.apache.poi.ss.usermodel.Cell pc = e.getValue();
            FormulaSource anchor = null;
            for (FormulaSource a : arrays) {
                if (pc.getRowIndex() >= a.anchorRow() && pc.getRowIndex() <= a.lastRow()
                        && pc.getColumnIndex() >= a.anchorCol() && pc.getColumnIndex() <= a.lastCol()) {
                    anchor = a;
                    break;
                }
            }
            if (anchor != null) {
                cells.add(new Cell(pc.getRowIndex(), pc.getColumnIndex(), cachedValue(pc), anchor, hasCachedValue(pc),
                        format(pc)));
            }
        }
        return cells;
    }

    private static long key(int row, int col) {
        return ((long) row << 20) | col;
    }

    /** The formula of a cell; null for a member of an array formula range other than its anchor. */
    private static FormulaSource formulaSource(org.apache.poi.ss.usermodel.Cell pc, Map<Long, FormulaSource> shared) {
        int r = pc.getRowIndex();
        int c = pc.getColumnIndex();
        if (pc instanceof XSSFCell xc) {
            CTCellFormula f = xc.getCTCell().getF();
            if (f == null) {
                return null;
            }
            if (f.getT() == STCellFormulaType.SHARED) {
                FormulaSource anchor = shared.get(f.getSi());
                if (anchor == null) {
                    throw new WorkbookLoadException(pc.getSheet().getSheetName() + "!" + CellAddress.a1(r, c)
                            + ": shared formula without its anchor cell");
                }
                return anchor;
            }
            if (f.getT() == STCellFormulaType.ARRAY) {
                if (!f.isSetRef()) {
                    return null;
                }
                CellRangeAddress range = CellRangeAddress.valueOf(f.getRef());
                return new FormulaSource(f.getStringValue(), r, c, FormulaSource.Kind.ARRAY, range.getLastRow(),
                        range.getLastColumn());
            }
            String text = f.getStringValue();
            if (text == null || text.isEmpty()) {
                return null;
            }
            return FormulaSource.normal(text, r, c);
        }
        // .xls: POI renders each cell's formula already moved to the cell
        if (pc.isPartOfArrayFormulaGroup()) {
            CellRangeAddress range = pc.getArrayFormulaRange();
            if (range.getFirstRow() != r || range.getFirstColumn() != c) {
                return null;
            }
            return new FormulaSource(pc.getCellFormula(), r, c, FormulaSource.Kind.ARRAY, range.getLastRow(),
                    range.getLastColumn());
        }
        return FormulaSource.normal(pc.getCellFormula(), r, c);
    }

    private static Cell readConstant(org.apache.poi.ss.usermodel.Cell pc) {
        Scalar v = switch (pc.getCellType()) {
            case NUMERIC -> NumberValue.of(pc.getNumericCellValue());
            case STRING -> new TextValue(pc.getStringCellValue());
            case BOOLEAN -> BooleanValue.of(pc.getBooleanCellValue());
            case ERROR -> error(pc.getErrorCellValue());
            default -> null;
        };
        return v == null ? null : new Cell(pc.getRowIndex(), pc.getColumnIndex(), v, null, false, format(pc));
    }

    private static boolean hasCachedValue(org.apache.poi.ss.usermodel.Cell pc) {
        if (pc instanceof XSSFCell xc) {
            // openpyxl and similar writers leave an empty <v/> on formulas they cannot compute
            return xc.getCTCell().isSetV() && !xc.getCTCell().getV().isEmpty();
        }
        return true;
    }

    private static Scalar cachedValue(org.apache.poi.ss.usermodel.Cell pc) {
        if (!hasCachedValue(pc)) {
            return BlankValue.BLANK;
        }
        return switch (pc.getCachedFormulaResultType()) {
            case NUMERIC -> NumberValue.of(pc.getNumericCellValue());
            case STRING -> new TextValue(pc.getStringCellValue());
            case BOOLEAN -> BooleanValue.of(pc.getBooleanCellValue());
            case ERROR -> error(pc.getErrorCellValue());
            default -> BlankValue.BLANK;
        };
    }

    private static Scalar error(byte code) {
        return ExcelError.fromBiffCode(code).orElse(ExcelError.NA);
    }

    private static String format(org.apache.poi.ss.usermodel.Cell pc) {
        var style = pc.getCellStyle();
        String f = style == null ? null : style.getDataFormatString();
        return f == null ? "General" : f;
    }
}
