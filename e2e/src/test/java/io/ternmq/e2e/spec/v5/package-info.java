/**
 * One test (or a few) per broker-testable normative statement of MQTT 5.0, each citing its id as
 * {@code // [MQTT-x.y.z-n]}; {@code e2e/spec-coverage.sh} counts them against ../shared/spec.
 */
@NullMarked
package io.ternmq.e2e.spec.v5;

import org.jspecify.annotations.NullMarked;
