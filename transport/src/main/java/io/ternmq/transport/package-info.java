/**
 * The network edge: Netty listeners, their pipelines and the handler that bridges a connection to the core.
 * The only package that imports {@code io.netty.channel}; IO threads here only frame, decode and encode.
 */
@NullMarked
package io.ternmq.transport;

import org.jspecify.annotations.NullMarked;
