/** Durable storage end to end: restarts on the same data directory and the crash test (kill -9 under load). */
@NullMarked
package io.ternmq.e2e.durable;

import org.jspecify.annotations.NullMarked;
