package io.carlo.server.workbooks;

import io.carlo.server.CarloProperties;
import io.carlo.server.api.ApiException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.springframework.http.HttpStatus;

/**
 * What an uploaded file really is, from its bytes (never its name or the browser's Content-Type),
 * checked before any parser sees it:
 * <ul>
 * <li>an Office Open XML workbook (.xlsx, .xlsm): a zip with {@code [Content_Types].xml} and
 * {@code xl/workbook.xml}; its central directory must not promise a zip bomb, and none of its XML
 * parts may declare a document type (the door to XML external entity attacks);</li>
 * <li>an OLE2 compound file: a legacy .xls, or an .xlsx encrypted with a password; both refused with
 * what to do instead;</li>
 * <li>anything else (.xlsb, PDF, images, text) refused as not an Excel workbook.</li>
 * </ul>
 * The parser below applies the same limits again while it inflates (POI's ZipSecureFile), since a
 * central directory can lie about sizes; this check gives the clear answer for an honest bomb
 * without inflating it.
 */
public final class WorkbookContainer {

    /** Entries smaller than this expanded are never a bomb, whatever their ratio (as in POI). */
    static final long GRACE_ENTRY_BYTES = 100 * 1024;
    static final int MAX_ENTRIES = 10_000;
    /** The prolog (before the root element) of an XML part longer than this is refused unread. */
    static final int MAX_PROLOG_BYTES = 64 * 1024;

    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
        (byte) 0xE1};
    private static final String NOT_EXCEL = "not an Excel workbook (.xlsx/.xlsm)";

    private final double minInflateRatio;
    private final long maxEntryBytes;

    public WorkbookContainer(CarloProperties.Uploads limits) {
        this.minInflateRatio = limits.minInflateRatio();
        this.maxEntryBytes = limits.maxEntrySize().toBytes();
    }

    /** Refuses (415 or 422) a file that is not a safe .xlsx/.xlsm; returns quietly for one that is. */
    public void check(byte[] file) {
        if (startsWith(file, OLE2)) {
            throw unsupported(ole2(file));
        }
        if (!startsWith(file, new byte[] {'P', 'K', 3, 4})) {
            throw unsupported(NOT_EXCEL + describe(file));
        }
        Map<String, Long> entries = centralDirectory(file);
        if (!entries.containsKey("[Content_Types].xml")) {
            throw unsupported(NOT_EXCEL + ": a zip archive, but not an Office document");
        }
        if (!entries.containsKey("xl/workbook.xml")) {
            throw unsupported(entries.containsKey("xl/workbook.bin")
                    ? NOT_EXCEL + ": a binary workbook (.xlsb); save it in Excel as .xlsx"
                    : NOT_EXCEL + ": an Office document, but not a spreadsheet");
        }
        refuseDocumentTypes(file);
    }

    private static String ole2(byte[] file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(file))) {
            var root = fs.getRoot();
            if (root.hasEntryCaseInsensitive("EncryptionInfo") || root.hasEntryCaseInsensitive("EncryptedPackage")) {
                return "the workbook is protected with a password (encrypted); remove the password in Excel "
                        + "(File > Info > Protect Workbook) and upload it again";
            }
            if (root.hasEntryCaseInsensitive("Workbook") || root.hasEntryCaseInsensitive("Book")) {
                return "a legacy Excel 97-2003 workbook (.xls); open it in Excel and save as .xlsx";
            }
        } catch (IOException | RuntimeException e) {
            // a damaged compound file: say what it is not
        }
        return NOT_EXCEL + ": an older Office document that is not a workbook";
    }

    /**
     * Entry name to expanded size, from the zip's central directory; refuses (422) an entry that
     * would expand beyond the limit or far more than any real workbook part.
     */
    private Map<String, Long> centralDirectory(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int end = -1;
        for (int i = file.length - 22; i >= Math.max(0, file.length - 22 - 65_535); i--) {
            if (b.getInt(i) == 0x06054b50) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            throw unsupported(NOT_EXCEL + ": the zip archive is damaged (no central directory)");
        }
        int count = Short.toUnsignedInt(b.getShort(end + 10));
        long offset = Integer.toUnsignedLong(b.getInt(end + 16));
        if (count == 0xFFFF || offset == 0xFFFFFFFFL) {
            throw bomb("it uses a zip64 directory, which no workbook of an accepted size needs");
        }
        if (count > MAX_ENTRIES) {
            throw bomb("it holds " + count + " parts");
        }
        Map<String, Long> entries = new HashMap<>();
        int p = (int) Math.min(offset, Integer.MAX_VALUE);
        for (int n = 0; n < count; n++) {
            if (p < 0 || p + 46 > file.length || b.getInt(p) != 0x02014b50) {
                throw unsupported(NOT_EXCEL + ": the zip archive is damaged");
            }
            long compressed = Integer.toUnsignedLong(b.getInt(p + 20));
            long expanded = Integer.toUnsignedLong(b.getInt(p + 24));
            int nameLength = Short.toUnsignedInt(b.getShort(p + 28));
            int extraLength = Short.toUnsignedInt(b.getShort(p + 30));
            int commentLength = Short.toUnsignedInt(b.getShort(p + 32));
            if (p + 46 + nameLength > file.length) {
                throw unsupported(NOT_EXCEL + ": the zip archive is damaged");
            }
            String name = new String(file, p + 46, nameLength, StandardCharsets.UTF_8);
            if (compressed == 0xFFFFFFFFL || expanded == 0xFFFFFFFFL) {
                throw bomb("a part declares a zip64 size");
            }
            if (expanded > maxEntryBytes) {
                throw bomb("a part would expand to " + UploadSizeLimit.megabytes(expanded) + ", over the limit of "
                        + UploadSizeLimit.megabytes(maxEntryBytes));
            }
            if (expanded > GRACE_ENTRY_BYTES && (double) compressed / expanded < minInflateRatio) {
                throw bomb("a part would expand " + (expanded / Math.max(1, compressed))
                        + " times, far more than any real workbook");
            }
            entries.put(name, expanded);
            p += 46 + nameLength + extraLength + commentLength;
        }
        return entries;
    }

    /** Reads the prolog of every XML part; a DOCTYPE or ENTITY there is refused (422). */
    private void refuseDocumentTypes(byte[] file) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                String name = e.getName().toLowerCase(Locale.ROOT);
                if (name.endsWith(".xml") || name.endsWith(".rels") || name.endsWith(".vml")) {
                    if (declaresDocumentType(zip)) {
                        throw ApiException.unprocessable("Unsafe workbook", "refused: XML document type declarations "
                                + "are not allowed in a workbook (they enable XML external entity attacks)");
                    }
                }
            }
        } catch (IOException e) {
            throw unsupported(NOT_EXCEL + ": the zip archive is damaged");
        }
    }

    /**
     * Whether the text before the root element holds {@code <!DOCTYPE} or {@code <!ENTITY}: a
     * document type can only be declared there. UTF-16 parts (by their byte order mark or first
     * bytes) are read as such, so the declaration cannot hide in another encoding.
     */
    static boolean declaresDocumentType(InputStream part) throws IOException {
        byte[] head = part.readNBytes(MAX_PROLOG_BYTES);
        String text;
        if (head.length >= 2 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF) || (head[0] == 0 && head[1] == '<'))) {
            text = new String(head, StandardCharsets.UTF_16BE);
        } else if (head.length >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE) || (head[0] == '<' && head[1] == 0))) {
            text = new String(head, StandardCharsets.UTF_16LE);
        } else {
            text = new String(head, StandardCharsets.ISO_8859_1); // markup is ASCII; other bytes do not matter here
        }
        String upper = text.toUpperCase(Locale.ROOT);
        int root = rootElement(text);
        String prolog = root >= 0 ? upper.substring(0, root) : upper;
        if (prolog.contains("<!DOCTYPE") || prolog.contains("<!ENTITY")) {
            return true;
        }
        // a prolog that fills the whole window is not a real workbook part's
        return root < 0 && head.length == MAX_PROLOG_BYTES;
    }

    /** Where the root element starts: the first '<' followed by a name character. */
    private static int rootElement(String text) {
        for (int i = text.indexOf('<'); i >= 0 && i + 1 < text.length(); i = text.indexOf('<', i + 1)) {
            char c = text.charAt(i + 1);
            if (Character.isLetter(c) || c == '_' || c == ':') {
                return i;
            }
        }
        return -1;
    }

    private static String describe(byte[] file) {
        if (startsWith(file, "%PDF".getBytes(StandardCharsets.US_ASCII))) {
            return ": this is a PDF document";
        }
        if (startsWith(file, new byte[] {(byte) 0x89, 'P', 'N', 'G'})) {
            return ": this is a PNG image";
        }
        if (startsWith(file, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return ": this is a JPEG image";
        }
        int n = Math.min(file.length, 512);
        for (int i = 0; i < n; i++) {
            byte c = file[i];
            if (c < 0x09 || (c > 0x0D && c < 0x20)) {
                return "";
            }
        }
        return ": this looks like a text file (a CSV must be saved as .xlsx first)";
    }

    private static boolean startsWith(byte[] file, byte[] magic) {
        if (file.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (file[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static ApiException unsupported(String detail) {
        return new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported file", detail);
    }

    private static ApiException bomb(String why) {
        return ApiException.unprocessable("Unsafe workbook", "refused as a zip bomb: " + why);
    }
}
