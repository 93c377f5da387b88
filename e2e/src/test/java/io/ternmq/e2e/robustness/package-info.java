/** Hostile input over real sockets: fuzzed and abusive packets from many connections, with leak detection. */
@NullMarked
package io.ternmq.e2e.robustness;

import org.jspecify.annotations.NullMarked;
