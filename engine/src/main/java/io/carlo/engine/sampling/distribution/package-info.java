/**
 * The distributions Carlo samples, each an immutable {@link io.carlo.engine.sampling.Distribution}
 * with an exact inverse CDF. Apache Commons Statistics supplies the classical ones (wrapped by
 * {@link io.carlo.engine.sampling.distribution.CommonsContinuous} and
 * {@link io.carlo.engine.sampling.distribution.CommonsDiscrete}); the others are written here in
 * closed form, or by root finding where no closed form exists. Parameters follow @RISK's
 * definitions so that a workbook's {@code RiskLognorm(10, 2)} means what it means in @RISK.
 * {@link io.carlo.engine.sampling.Distributions} is the entry point: it builds them by name.
 */
package io.carlo.engine.sampling.distribution;
