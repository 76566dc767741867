package io.carlo.server.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

/** Where the token buckets live: the database (every instance shares them) or this process's memory. */
interface BucketStore {

    /** The bucket of {@code key}, created full with {@code configuration} if it does not exist yet. */
    Bucket bucket(String key, BucketConfiguration configuration);

    /** Forgets buckets that are full again: they hold nothing a new bucket would not. */
    void evictIdle();
}
