/** End-to-end tests: a broker started in the test, real clients and a raw-byte client against it. */
@NullMarked
package io.ternmq.e2e;

import org.jspecify.annotations.NullMarked;
