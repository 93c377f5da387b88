package io.ternmq.transport;

import org.jspecify.annotations.Nullable;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Formats socket addresses as "host:port" ("[v6]:port"), the form operators type, for logs and messages. */
final class SocketAddresses {

    private SocketAddresses() {
    }

    static String format(@Nullable SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            if (inet.getAddress() == null) {
                return inet.getHostString() + ":" + inet.getPort();
            }
            String host = inet.getAddress().getHostAddress();
            return (inet.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }
}
