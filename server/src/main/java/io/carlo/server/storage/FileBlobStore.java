package io.carlo.server.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Blobs as files under the data directory (the embedded mode). A blob is written to a temporary
 * file first and moved into place, so a crash mid-write never leaves half a file under its id.
 */
public final class FileBlobStore implements BlobStore {

    private final Path root;

    public FileBlobStore(Path root) throws IOException {
        this.root = Files.createDirectories(root).toAbsolutePath().normalize();
    }

    @Override
    public void write(String id, BlobWriter writer) throws IOException {
        Path target = path(id);
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.writeTo(out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public InputStream read(String id) throws IOException {
        return Files.newInputStream(path(id));
    }

    @Override
    public long size(String id) throws IOException {
        Path p = path(id);
        return Files.exists(p) ? Files.size(p) : -1;
    }

    @Override
    public void delete(String id) throws IOException {
        Files.deleteIfExists(path(id));
    }

    @Override
    public void deleteAll(String prefix) throws IOException {
        BlobStore.checkPrefix(prefix);
        Path folder = path(prefix.substring(0, prefix.length() - 1));
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private Path path(String id) {
        BlobStore.checkId(id);
        Path p = root.resolve(id).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("bad blob id: " + id);
        }
        return p;
    }
}
