/** The broker over TLS (with and without client certificates), WebSocket and secure WebSocket, and its limits. */
@NullMarked
package io.ternmq.e2e.transports;

import org.jspecify.annotations.NullMarked;
