package io.ternmq.transport;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventLoopsTest {

    @Test
    void create_nativeEpollLoadable_usesEpollElseNio() {
        EventLoops loops = EventLoops.create(1);
        try {
            assertThat(loops.serverChannelType())
                    .isEqualTo(Epoll.isAvailable() ? EpollServerSocketChannel.class : NioServerSocketChannel.class);
        } finally {
            loops.shutdown();
        }
    }

    @Test
    void epoll_onLinuxX86_64_isAvailableFromTheBundledNativeLibrary() {
        boolean linuxX86 = System.getProperty("os.name").startsWith("Linux")
                && System.getProperty("os.arch").equals("amd64");

        assertThat(Epoll.isAvailable() || !linuxX86).as("epoll on Linux x86_64: %s", Epoll.unavailabilityCause())
                .isTrue();
    }
}
