package io.carlo.server.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Buckets in this process's memory: the embedded database's single instance. */
final class MemoryBucketStore implements BucketStore {

    private record Entry(LocalBucket bucket, long capacity) {
    }

    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();
    private final TimeMeter time;

    MemoryBucketStore(TimeMeter time) {
        this.time = time;
    }

    @Override
    public Bucket bucket(String key, BucketConfiguration configuration) {
        return buckets.computeIfAbsent(key, k -> {
            LocalBucket bucket = Bucket.builder().withCustomTimePrecision(time)
                    .addLimit(configuration.getBandwidths()[0]).build();
            return new Entry(bucket, configuration.getBandwidths()[0].getCapacity());
        }).bucket();
    }

    @Override
    public void evictIdle() {
        // a request that took a token between the check and the removal loses it: harmless
        buckets.entrySet().removeIf(e -> e.getValue().bucket().getAvailableTokens() >= e.getValue().capacity());
    }
}
