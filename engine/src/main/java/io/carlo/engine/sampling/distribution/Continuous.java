package io.carlo.engine.sampling.distribution;

import io.carlo.engine.sampling.Distribution;

/** A distribution with a density: the hand-written ones share these answers. */
interface Continuous extends Distribution {

    @Override
    default boolean isDiscrete() {
        return false;
    }
}
