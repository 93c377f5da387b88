/** MQTT packets as immutable records, protocol constants, and topic name/filter rules. */
@NullMarked
package io.ternmq.protocol;

import org.jspecify.annotations.NullMarked;
