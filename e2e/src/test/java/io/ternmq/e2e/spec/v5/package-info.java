/**
 * One test or more per broker-testable MQTT 5.0 normative statement, each citing its id as
 * {@code // [MQTT-x.y.z-n]} of the 5.0 specification (the same id means something else in 3.1.1, whose tests live in
 * {@code spec.v311}); {@code e2e/spec-coverage.sh} counts them against ../shared/spec/mqtt-5.0-statements.tsv.
 */
@NullMarked
package io.ternmq.e2e.spec.v5;

import org.jspecify.annotations.NullMarked;
