package io.carlo.server.storage;

import io.carlo.server.CarloProperties;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Chooses the blob store: the database under PostgreSQL (shared by every instance), files otherwise. */
@Configuration
public class StorageConfig {

    private static final Logger log = LoggerFactory.getLogger(StorageConfig.class);

    @Bean
    BlobStore blobStore(CarloProperties properties, DataSource dataSource, JdbcClient db, Clock clock)
            throws IOException, SQLException {
        String kind = properties.storage().kind();
        if ("auto".equals(kind)) {
            try (Connection c = dataSource.getConnection()) {
                kind = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres") ? "database"
                        : "filesystem";
            }
        }
        BlobStore store = switch (kind) {
            case "database" -> new DatabaseBlobStore(db, clock);
            case "filesystem" -> new FileBlobStore(properties.data().resolve("files"));
            default -> throw new IllegalStateException("carlo.storage.kind must be auto, filesystem or database, not "
                    + kind);
        };
        log.info("file store: {}", kind.equals("database") ? "the database" : properties.data().resolve("files"));
        return store;
    }
}
