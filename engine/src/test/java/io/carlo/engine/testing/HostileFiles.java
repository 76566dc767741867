package io.carlo.engine.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Files an attacker or an unlucky user might hand to Carlo, made on the fly for tests. */
public final class HostileFiles {

    private HostileFiles() {
    }

    /** A small valid workbook: Sheet1!A1 = 2, A2 = A1*3. */
    public static byte[] validXlsx() {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("Sheet1");
            sheet.createRow(0).createCell(0).setCellValue(2);
            sheet.createRow(1).createCell(0).setCellFormula("A1*3");
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sheet1!A1 = 2 and A2 = the given formula (without '='). */
    public static byte[] xlsxWithFormula(String formula) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("Sheet1");
            sheet.createRow(0).createCell(0).setCellValue(2);
            var cell = sheet.createRow(1).createCell(0);
            cell.setCellFormula("1");
            wb.write(out);
            // POI checks function names; write the formula text into the sheet XML directly
            return replaceInSheet(out.toByteArray(), "<f>1</f>", "<f>" + formula + "</f>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A one-sheet workbook ("Model") with the given constants and formulas (text without '=',
     * written into the sheet XML as is, so functions POI does not know, such as RiskNormal, work).
     */
    public static byte[] xlsxWithCells(java.util.Map<String, Double> constants, java.util.Map<String, String> formulas) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("Model");
            java.util.List<String> placeholders = new java.util.ArrayList<>();
            for (var e : constants.entrySet()) {
                var ref = new org.apache.poi.ss.util.CellReference(e.getKey());
                var row = sheet.getRow(ref.getRow()) != null ? sheet.getRow(ref.getRow()) : sheet.createRow(ref.getRow());
                row.createCell(ref.getCol()).setCellValue(e.getValue());
            }
            int i = 0;
            for (var e : formulas.entrySet()) {
                var ref = new org.apache.poi.ss.util.CellReference(e.getKey());
                var row = sheet.getRow(ref.getRow()) != null ? sheet.getRow(ref.getRow()) : sheet.createRow(ref.getRow());
                row.createCell(ref.getCol()).setCellFormula("999000+" + i++);
                placeholders.add(e.getValue());
            }
            wb.write(out);
            byte[] bytes = out.toByteArray();
            for (int k = 0; k < placeholders.size(); k++) {
                String text = placeholders.get(k).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                        .replace("\"", "&quot;");
                bytes = replaceInSheet(bytes, "<f>999000+" + k + "</f>", "<f>" + text + "</f>");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The valid workbook with A2 = A1*3 caching 5 instead of 6. */
    public static byte[] validXlsxWithWrongCachedValue() {
        byte[] ok = validXlsx();
        return replaceInSheet(ok, "<f>A1*3</f>", "<f>A1*3</f><v>5</v>");
    }

    private static byte[] replaceInSheet(byte[] xlsx, String from, String to) {
        return rewriteSheet(xlsx, xml -> xml.replace(from, to).getBytes(StandardCharsets.UTF_8));
    }


    public static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] truncated() {
        byte[] ok = validXlsx();
        return Arrays.copyOf(ok, ok.length / 2);
    }

    public static byte[] notAWorkbook() {
        return "name,value\nrevenue,100\n".getBytes(StandardCharsets.UTF_8);
    }

    /** The valid workbook encrypted with a password, as Excel saves a protected file. */
    public static byte[] passwordProtected() {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor enc = info.getEncryptor();
            enc.confirmPassword("secret");
            try (OutputStream os = enc.getDataStream(fs)) {
                os.write(validXlsx());
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A workbook whose sheet XML inflates from kilobytes to {@code megabytes} MB of spaces. */
    public static byte[] zipBomb(int megabytes) {
        return rewriteSheet(sheetXml -> {
            try {
                ByteArrayOutputStream big = new ByteArrayOutputStream();
                String head = sheetXml.substring(0, sheetXml.indexOf("<sheetData"));
                big.write(head.getBytes(StandardCharsets.UTF_8));
                byte[] spaces = new byte[1 << 20];
                Arrays.fill(spaces, (byte) ' ');
                for (int i = 0; i < megabytes; i++) {
                    big.write(spaces);
                }
                big.write(sheetXml.substring(sheetXml.indexOf("<sheetData")).getBytes(StandardCharsets.UTF_8));
                return big.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A workbook whose sheet XML declares an external entity pointing at /etc/passwd and uses it in a cell. */
    public static byte[] xxe() {
        return rewriteSheet(sheetXml -> {
            String doctype = "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";
            String s = sheetXml.replaceFirst("(<\\?xml[^>]*\\?>)", "$1" + doctype);
            if (!s.contains("<!DOCTYPE")) {
                s = doctype + s;
            }
            s = s.replace("<v>2</v>", "<v>&xxe;</v>");
            return s.getBytes(StandardCharsets.UTF_8);
        });
    }

    private static byte[] rewriteSheet(java.util.function.Function<String, byte[]> change) {
        return rewriteSheet(validXlsx(), change);
    }

    /** A copy of a workbook with its first sheet's XML changed. */
    private static byte[] rewriteSheet(byte[] xlsx, java.util.function.Function<String, byte[]> change) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
             ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] data = in.readAllBytes();
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    data = change.apply(new String(data, StandardCharsets.UTF_8));
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(data);
                out.closeEntry();
            }
            out.finish();
            return bytes.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
