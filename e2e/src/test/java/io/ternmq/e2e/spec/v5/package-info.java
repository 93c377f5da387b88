/**
 * One test (or a few) per broker-testable normative statement of MQTT 5.0, each citing its id as
 * {@code // [MQTT-x.y.z-n]} from ../shared/spec/mqtt-5.0-statements.tsv.
 */
@NullMarked
package io.ternmq.e2e.spec.v5;

import org.jspecify.annotations.NullMarked;
