package io.carlo.server.storage;

import io.carlo.server.CarloProperties;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Chooses the blob store (the database under PostgreSQL, shared by every instance; files
 * otherwise) and wraps it in encryption with the configured keys.
 */
@Configuration
public class StorageConfig {

    private static final Logger log = LoggerFactory.getLogger(StorageConfig.class);

    /**
     * The keys from {@code carlo.encryption.keys}; without them, the embedded mode makes and keeps
     * its own key file in the data directory, and PostgreSQL refuses to start (several instances
     * must share keys, so none may invent one).
     */
    @Bean
    Keyring keyring(EncryptionProperties encryption, CarloProperties properties, DataSource dataSource)
            throws SQLException {
        Map<String, SecretKey> keys;
        if (encryption.keys() != null && !encryption.keys().isBlank()) {
            keys = EncryptionKeys.parse(encryption.keys(), "carlo.encryption.keys");
        } else if (isPostgres(dataSource)) {
            throw new EncryptionKeys.MissingKeysException();
        } else {
            keys = EncryptionKeys.fromFile(properties.data().resolve(EncryptionKeys.FILE_NAME));
        }
        Keyring ring = new Keyring(keys, encryption.activeKey());
        log.info("encryption at rest: {} key(s), active key '{}'", ring.ids().size(), ring.activeId());
        return ring;
    }

    @Bean
    SealedFields sealedFields(Keyring keyring) {
        return new SealedFields(keyring);
    }

    @Bean
    EncryptedBlobStore blobStore(CarloProperties properties, DataSource dataSource, JdbcClient db, Clock clock,
                                 Keyring keyring) throws IOException, SQLException {
        String kind = properties.storage().kind();
        if ("auto".equals(kind)) {
            kind = isPostgres(dataSource) ? "database" : "filesystem";
        }
        BlobStore store = switch (kind) {
            case "database" -> new DatabaseBlobStore(db, clock);
            case "filesystem" -> new FileBlobStore(properties.data().resolve("files"));
            default -> throw new IllegalStateException("carlo.storage.kind must be auto, filesystem or database, not "
                    + kind);
        };
        log.info("file store: {}", kind.equals("database") ? "the database" : properties.data().resolve("files"));
        return new EncryptedBlobStore(store, keyring);
    }

    static boolean isPostgres(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
    }
}
