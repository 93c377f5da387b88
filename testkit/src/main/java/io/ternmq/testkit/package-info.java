/**
 * Test tools that speak MQTT on the wire without the project's codec: a raw-byte client over a plain socket and
 * packet byte builders written by hand from the specification, so they can check the broker independently.
 */
@NullMarked
package io.ternmq.testkit;

import org.jspecify.annotations.NullMarked;
