package io.carlo.server.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Buckets in the PostgreSQL table {@code rate_limit_buckets} (migration V4), so that a client
 * meets the same limit whichever instance answers it. Each consumption is one short transaction
 * that locks the bucket's row ({@code SELECT ... FOR UPDATE}); a row is deleted once its bucket
 * would be full again.
 */
final class DatabaseBucketStore implements BucketStore {

    static final String TABLE = "rate_limit_buckets";

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    DatabaseBucketStore(DataSource dataSource, TimeMeter time) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE).idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                // the instances' clocks, not the database's, tell the time (all in sync through NTP; tests set it)
                .clientClock(time)
                .build();
    }

    @Override
    public Bucket bucket(String key, BucketConfiguration configuration) {
        return buckets.getProxy(key, () -> configuration);
    }

    @Override
    public void evictIdle() {
        while (buckets.removeExpired(1000) == 1000) {
            // more to delete: a batch at a time keeps each transaction short
        }
    }
}
