/** Sessions, subscriptions, QoS flows, routing, retained messages and wills: plain Java, no Netty channels. */
@NullMarked
package io.ternmq.core;

import org.jspecify.annotations.NullMarked;
