/**
 * The load generator behind {@code ternmq bench}: its own MQTT 3.1.1 client on Netty (epoll where available),
 * named scenarios that measure any broker at {@code host:port}, and a sink that measures the generator's ceiling.
 */
@NullMarked
package io.ternmq.bench;

import org.jspecify.annotations.NullMarked;
