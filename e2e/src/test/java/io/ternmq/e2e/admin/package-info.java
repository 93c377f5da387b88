/** End-to-end tests of the admin HTTP listener, the Prometheus metrics and the $SYS topics. */
@NullMarked
package io.ternmq.e2e.admin;

import org.jspecify.annotations.NullMarked;
