package io.carlo.engine.testing;

import io.carlo.engine.sampling.Distribution;
import io.carlo.engine.sampling.DistributionException;
import io.carlo.engine.simulation.DistributionFactory;
import java.util.List;
import java.util.Locale;

/** Uniform and triangular distributions for simulation tests that must not depend on the full library. */
public final class SimpleDistributions implements DistributionFactory {

    @Override
    public Distribution create(String name, List<double[]> args) {
        String n = name.toUpperCase(Locale.ROOT).replaceFirst("^RISK", "");
        return switch (n) {
            case "UNIFORM" -> uniform(args.get(0)[0], args.get(1)[0]);
            case "TRIANG", "TRIANGULAR" -> triangular(args.get(0)[0], args.get(1)[0], args.get(2)[0]);
            default -> throw new DistributionException("unknown distribution " + name);
        };
    }

    @Override
    public Distribution truncate(Distribution d, double lower, double upper) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Distribution truncateByPercentile(Distribution d, double lower, double upper) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Distribution shift(Distribution d, double shift) {
        throw new UnsupportedOperationException();
    }

    static Distribution uniform(double a, double b) {
        return new Simple("Uniform", a, b, (a + b) / 2) {
            @Override
            public double inverseCdf(double p) {
                return a + p * (b - a);
            }

            @Override
            public double cdf(double x) {
                return x <= a ? 0 : x >= b ? 1 : (x - a) / (b - a);
            }
        };
    }

    static Distribution triangular(double a, double c, double b) {
        double fc = (c - a) / (b - a);
        return new Simple("Triangular", a, b, (a + b + c) / 3) {
            @Override
            public double inverseCdf(double p) {
                return p < fc ? a + Math.sqrt(p * (b - a) * (c - a)) : b - Math.sqrt((1 - p) * (b - a) * (b - c));
            }

            @Override
            public double cdf(double x) {
                if (x <= a) {
                    return 0;
                }
                if (x >= b) {
                    return 1;
                }
                return x <= c ? (x - a) * (x - a) / ((b - a) * (c - a)) : 1 - (b - x) * (b - x) / ((b - a) * (b - c));
            }
        };
    }

    private abstract static class Simple implements Distribution {
        private final String name;
        private final double lower;
        private final double upper;
        private final double mean;

        Simple(String name, double lower, double upper, double mean) {
            this.name = name;
            this.lower = lower;
            this.upper = upper;
            this.mean = mean;
        }

        @Override
        public String describe() {
            return name;
        }

        @Override
        public double mean() {
            return mean;
        }

        @Override
        public double lower() {
            return lower;
        }

        @Override
        public double upper() {
            return upper;
        }

        @Override
        public boolean isDiscrete() {
            return false;
        }
    }
}
