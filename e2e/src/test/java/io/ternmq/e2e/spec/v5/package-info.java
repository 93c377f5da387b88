/**
 * One test (or a few) per broker-testable normative statement of MQTT 5.0, each citing its id as
 * {@code // [MQTT-x.y.z-n]}; the same id means something else in 3.1.1, hence the separate package.
 */
@NullMarked
package io.ternmq.e2e.spec.v5;

import org.jspecify.annotations.NullMarked;
