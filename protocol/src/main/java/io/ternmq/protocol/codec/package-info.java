/** The MQTT wire format: one decoder and one encoder per packet type, on Netty buffers (netty-buffer only). */
@NullMarked
package io.ternmq.protocol.codec;

import org.jspecify.annotations.NullMarked;
