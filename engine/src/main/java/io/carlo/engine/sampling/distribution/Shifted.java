package io.carlo.engine.sampling.distribution;

import io.carlo.engine.sampling.Distribution;

/** A distribution moved by a constant, as @RISK's RiskShift: X + shift. */
public record Shifted(Distribution base, double shift) implements Distribution {

    public Shifted {
        Check.finite(base.describe(), "shift", shift);
    }

    @Override
    public String describe() {
        return Property.append(base.describe(), Format.call("Shift", shift));
    }

    @Override
    public double inverseCdf(double p) {
        return base.inverseCdf(p) + shift;
    }

    @Override
    public double cdf(double x) {
        return base.cdf(x - shift);
    }

    @Override
    public double mean() {
        return base.mean() + shift;
    }

    @Override
    public double lower() {
        return base.lower() + shift;
    }

    @Override
    public double upper() {
        return base.upper() + shift;
    }

    @Override
    public boolean isDiscrete() {
        return base.isDiscrete();
    }

    @Override
    public String toString() {
        return describe();
    }
}
