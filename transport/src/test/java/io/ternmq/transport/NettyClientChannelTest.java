package io.ternmq.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.ternmq.core.ClientChannel.ReadState;
import io.ternmq.protocol.Pingresp;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.codec.PacketEncoder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NettyClientChannelTest {

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final NettyClientChannel client;

    NettyClientChannelTest() {
        channel.pipeline().addLast(HandlerNames.CONNECTION, new ChannelInboundHandlerAdapter());
        client = new NettyClientChannel(channel, null);
        // this thread is every embedded channel's loop: nothing due from another test's channels
        LoopWrites.onThisThread().writeDue();
    }

    @Test
    void send_packet_isWrittenAndFlushedOnTheLoopsNextTurn() {
        client.send(new Pingresp());
        channel.runPendingTasks();

        assertThat((Object) channel.readOutbound()).isEqualTo(new Pingresp());
    }

    @Test
    void send_severalFromTheLoopItself_areFlushedOnce() {
        AtomicInteger flushes = countFlushes();

        client.send(new Pingresp());
        client.send(new Pingresp());
        client.send(new Pingresp());
        channel.runPendingTasks();

        assertThat(channel.outboundMessages()).singleElement()
                .isEqualTo(new PacketBatch(List.of(new Pingresp(), new Pingresp(), new Pingresp())));
        assertThat(flushes).hasValue(1);
    }

    /** A long queue of small packets goes out in batches of a bounded size, every packet in order, flushed once. */
    @Test
    void send_moreThanOneBatch_allWrittenInOrderAndFlushedOnce() {
        AtomicInteger flushes = countFlushes();
        for (int i = 0; i < 512; i++) {
            client.send(new Pingresp());
        }
        channel.runPendingTasks();

        int packets = 0;
        for (Object out : channel.outboundMessages()) {
            packets += ((PacketBatch) out).packets().size();
        }
        assertThat(packets).isEqualTo(512);
        assertThat(channel.outboundMessages()).hasSize(2);
        assertThat(flushes).hasValue(1);
    }

    /**
     * A flush's worth of packets (the high water mark) sent on the loop is written and flushed at the next point
     * between session tasks, ahead of what else waits on the loop; less waits for the drain its first send posted.
     */
    @Test
    void send_highWaterMarkFromTheLoop_writtenBetweenSessionTasks() {
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(512, 1024)); // 256 PINGRESPs of 4 bytes
        LoopExecutor loop = new LoopExecutor(channel.eventLoop());
        AtomicInteger flushes = countFlushes();
        for (int i = 0; i < 255; i++) {
            client.send(new Pingresp());
        }
        loop.betweenTasks();
        assertThat(channel.outboundMessages()).isEmpty();

        client.send(new Pingresp());
        loop.betweenTasks();

        assertThat(channel.outboundMessages()).singleElement()
                .satisfies(out -> assertThat(((PacketBatch) out).packets()).hasSize(256));
        assertThat(flushes).hasValue(1);
        channel.runPendingTasks(); // the drain posted by the first send finds nothing left
        assertThat(channel.outboundMessages()).hasSize(1);
        assertThat(flushes).hasValue(1);

        for (int i = 0; i < 256; i++) {
            client.send(new Pingresp());
        }
        loop.betweenTasks();
        assertThat(channel.outboundMessages()).as("counted again from the write").hasSize(2);
    }

    /**
     * A loop that keeps up never writes between tasks: the channels it noted are let go once the loop has run what
     * was queued before, their own drains among it, and a later point between tasks finds none of them.
     */
    @Test
    void send_highWaterMarkOnALoopThatKeepsUp_channelLetGoAfterItsDrain() {
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(512, 1024));
        for (int i = 0; i < 256; i++) {
            client.send(new Pingresp());
        }
        channel.runPendingTasks(); // the drain, then the loop's writes let go of the channel
        assertThat(channel.outboundMessages()).hasSize(1);

        for (int i = 0; i < 255; i++) {
            client.send(new Pingresp());
        }
        new LoopExecutor(channel.eventLoop()).betweenTasks();
        assertThat(channel.outboundMessages()).as("under the mark, nothing is due").hasSize(1);
        channel.runPendingTasks();
        assertThat(channel.outboundMessages()).hasSize(2);
    }

    /**
     * 100 KB queued for a client that takes everything is flushed before the high water mark is passed: the
     * channel never counts as congested, and every byte arrives in order.
     */
    @Test
    void send_queueLargerThanTheHighWaterMark_flushedBeforeTheMarkAndStaysWritable() {
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(8 << 10, 16 << 10));
        channel.pipeline().addFirst(new MqttPacketEncoder(new PacketEncoder(), new NegotiatedVersion()));
        List<Boolean> writability = new ArrayList<>();
        channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelWritabilityChanged(ChannelHandlerContext ctx) {
                writability.add(ctx.channel().isWritable());
            }
        });
        for (int i = 0; i < 100; i++) {
            client.send(new Publish("t", Qos.AT_MOST_ONCE, false, false, 0, new byte[1_000]));
        }
        channel.runPendingTasks();

        assertThat(writability).isEmpty();
        int bytes = 0;
        for (Object out : channel.outboundMessages()) {
            bytes += ((ByteBuf) out).readableBytes();
        }
        assertThat(bytes).isEqualTo(100 * 1_006); // type, length 1,003 in 2 bytes, topic "t" in 3, payload
        // no flush carries more than the high water mark
        assertThat(channel.outboundMessages()).allSatisfy(
                out -> assertThat(((ByteBuf) out).readableBytes()).isLessThanOrEqualTo(16 << 10));
        channel.releaseOutbound();
    }

    @Test
    void close_afterSend_writesThePacketThenCloses() {
        client.send(new Pingresp());
        client.close();
        client.close();
        channel.runPendingTasks();

        assertThat((Object) channel.readOutbound()).isEqualTo(new Pingresp());
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void keepAliveTimeout_positive_installsAReaderIdleHandler() {
        client.keepAliveTimeout(Duration.ofSeconds(90));

        assertThat(idleHandler().getReaderIdleTimeInMillis()).isEqualTo(90_000);
        assertThat(channel.pipeline().names()).containsSubsequence(HandlerNames.KEEP_ALIVE, HandlerNames.CONNECTION);
    }

    @Test
    void keepAliveTimeout_changed_replacesTheHandler() {
        client.keepAliveTimeout(Duration.ofSeconds(90));
        client.keepAliveTimeout(Duration.ofSeconds(15));

        assertThat(idleHandler().getReaderIdleTimeInMillis()).isEqualTo(15_000);
    }

    @Test
    void keepAliveTimeout_zero_removesTheHandler() {
        client.keepAliveTimeout(Duration.ofSeconds(90));
        client.keepAliveTimeout(Duration.ZERO);

        assertThat(channel.pipeline().get(HandlerNames.KEEP_ALIVE)).isNull();
    }

    @Test
    void keepAliveTimeout_negative_isRejected() {
        assertThatThrownBy(() -> client.keepAliveTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepAliveTimeout_silence_firesTheIdleEvent() {
        // [MQTT-3.1.2-24]
        List<Object> events = new ArrayList<>();
        var recorder = new ChannelInboundHandlerAdapter() {
            @Override
            public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
                events.add(event);
            }
        };
        channel.pipeline().replace(HandlerNames.CONNECTION, HandlerNames.CONNECTION, recorder);
        client.keepAliveTimeout(Duration.ofSeconds(5));

        channel.advanceTimeBy(5, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();

        assertThat(events).containsExactly(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
    }

    @Test
    void readPaused_paused_stopsAutoReadAndSuspendsKeepAlive() {
        client.keepAliveTimeout(Duration.ofSeconds(90));

        client.readPaused(ReadState.PAUSED);

        assertThat(channel.config().isAutoRead()).isFalse();
        assertThat(channel.pipeline().get(HandlerNames.KEEP_ALIVE)).isNull();
    }

    @Test
    void readPaused_resumed_restoresAutoReadAndKeepAlive() {
        client.keepAliveTimeout(Duration.ofSeconds(90));
        client.readPaused(ReadState.PAUSED);

        client.readPaused(ReadState.READING);

        assertThat(channel.config().isAutoRead()).isTrue();
        assertThat(idleHandler().getReaderIdleTimeInMillis()).isEqualTo(90_000);
    }

    @Test
    void remoteAddress_embeddedChannel_isTheChannelsAddress() {
        assertThat(client.remoteAddress()).isEqualTo("embedded");
    }

    private IdleStateHandler idleHandler() {
        return (IdleStateHandler) channel.pipeline().get(HandlerNames.KEEP_ALIVE);
    }

    private AtomicInteger countFlushes() {
        var flushes = new AtomicInteger();
        channel.pipeline().addFirst(new ChannelOutboundHandlerAdapter() {
            @Override
            public void flush(ChannelHandlerContext ctx) {
                flushes.incrementAndGet();
                ctx.flush();
            }
        });
        return flushes;
    }
}
