package io.carlo.server.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** A zip written straight to the response: JSON documents and files, one entry at a time. */
final class ZipArchive implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final ZipOutputStream zip;

    ZipArchive(OutputStream out) {
        this.zip = new ZipOutputStream(out);
    }

    void json(String name, Object value) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(JSON.writeValueAsBytes(value));
        zip.closeEntry();
    }

    void text(String name, String value) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    void file(String name, InputStream content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        try (content) {
            content.transferTo(zip);
        }
        zip.closeEntry();
    }

    /** The entry's stream, for a writer that produces it (the samples CSV); close it with {@link #closeEntry}. */
    OutputStream entry(String name) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        return new java.io.FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                zip.write(b, off, len);
            }

            @Override
            public void close() {
                // the zip stays open: closeEntry ends the entry
            }
        };
    }

    void closeEntry() throws IOException {
        zip.closeEntry();
    }

    /** A JSON document stored as text (results' statistics), embedded as JSON rather than as a string. */
    /** Adds a workbook's file, under its id and its own name; answers where it is in the archive. */
    String workbook(io.carlo.server.workbooks.WorkbookRecord workbook, io.carlo.server.storage.BlobStore blobs)
            throws IOException {
        String name = "workbooks/" + workbook.id() + "/" + safeName(workbook.name());
        file(name, blobs.read(workbook.blobId()));
        return name;
    }

    static tools.jackson.databind.JsonNode tree(String json) {
        return JSON.readTree(json);
    }

    /** A file name safe inside the archive: the workbook's own name, without folders. */
    private static String safeName(String name) {
        String n = name == null ? "file" : name.replaceAll("[/\\\\:*?\"<>|\\p{Cntrl}]", "_");
        return n.isBlank() || n.startsWith(".") ? "_" + n : n;
    }

    @Override
    public void close() throws IOException {
        zip.finish();
        zip.flush();
    }
}
