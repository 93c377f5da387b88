package io.ternmq.store.rocksdb;

import io.ternmq.protocol.PayloadFormat;
import io.ternmq.protocol.PublishProperties;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.RetainHandling;
import io.ternmq.protocol.UserProperty;
import io.ternmq.store.RetainedMessage;
import io.ternmq.store.StoredMessage;
import io.ternmq.store.StoredSession;
import io.ternmq.store.StoredWill;
import io.ternmq.store.SubscriptionOptions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The MQTT 5 fields of format version 2 ({@link Tag}): exact bytes, round trips, version 1 rows, corruption. */
class TaggedFieldsCodecTest {

    private static final Instant AT = Instant.ofEpochMilli(0x0102030405L);

    @Test
    void messageValue_withoutMqtt5Fields_isTheVersion1Layout() {
        byte[] value = MessageCodec.value(new StoredMessage(1, "t", Qos.AT_LEAST_ONCE, utf8("p")));

        assertThat(value).containsExactly(
                0x01, // qos
                0x00, 0x01, 't', // topic
                0x00, 0x00, 0x00, 0x01, 'p'); // payload
    }

    @Test
    void messageValue_withProperties_appendsTaggedFieldsInFixedOrder() {
        var properties = new PublishProperties(PayloadFormat.UTF8, 300L, null, "r", new byte[]{7},
                List.of(new UserProperty("k", "v")), List.of(), "c");
        byte[] value = MessageCodec.value(new StoredMessage(1, "t", Qos.AT_MOST_ONCE, utf8(""), properties, AT));

        assertThat(value).containsExactly(
                0x00, 0x00, 0x01, 't', 0x00, 0x00, 0x00, 0x00, // qos, topic, empty payload
                0x01, 0x01, // payload format: UTF-8
                0x02, 0x00, 0x00, 0x01, 0x2C, // message expiry interval as received: 300
                0x03, 0x00, 0x01, 'c', // content type
                0x08, 0x00, 0x01, 'r', // response topic
                0x09, 0x00, 0x00, 0x00, 0x01, 0x07, // correlation data
                0x26, 0x00, 0x01, 'k', 0x00, 0x01, 'v', // user property
                0x80, 0x00, 0x00, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05); // expires at, epoch millis
    }

    @Test
    void messageDecode_version1Row_hasNoPropertiesAndNoExpiry() {
        byte[] v1 = {0x02, 0x00, 0x01, 'a', 0x00, 0x00, 0x00, 0x02, 'h', 'i'};

        StoredMessage message = MessageCodec.decode(MessageCodec.key(5), v1);

        assertThat(message.id()).isEqualTo(5);
        assertThat(message.qos()).isEqualTo(Qos.EXACTLY_ONCE);
        assertThat(message.properties()).isSameAs(PublishProperties.EMPTY);
        assertThat(message.expiresAt()).isNull();
    }

    @Test
    void messageCodec_seededRandomMessages_roundTrip() {
        var random = new Random(20261126);
        for (int i = 0; i < 500; i++) {
            var message = new StoredMessage(random.nextLong(), "t/" + random.nextInt(100),
                    Qos.values()[random.nextInt(3)], randomBytes(random, 40), randomProperties(random),
                    random.nextBoolean() ? null : Instant.ofEpochMilli(random.nextLong(0, Long.MAX_VALUE)));

            StoredMessage back = MessageCodec.decode(MessageCodec.key(message.id()), MessageCodec.value(message));

            assertThat(back.properties()).usingRecursiveComparison().isEqualTo(message.properties());
            assertThat(back.expiresAt()).isEqualTo(message.expiresAt());
            assertThat(back.payload()).isEqualTo(message.payload());
            assertThat(back.topic()).isEqualTo(message.topic());
        }
    }

    @Test
    void retainedCodec_withPropertiesAndExpiry_roundTrips() {
        var properties = new PublishProperties(null, null, null, null, null,
                List.of(new UserProperty("z", "1"), new UserProperty("a", "2"), new UserProperty("z", "0")), List.of(),
                "application/json");
        var message = new RetainedMessage("r/t", utf8("x"), Qos.AT_LEAST_ONCE, properties, AT);

        RetainedMessage back = RetainedCodec.decode(RetainedCodec.key("r/t"), RetainedCodec.value(message));

        assertThat(back.properties()).usingRecursiveComparison().isEqualTo(properties);
        assertThat(back.properties().userProperties()).extracting(UserProperty::name).containsExactly("z", "a", "z");
        assertThat(back.expiresAt()).isEqualTo(AT);
    }

    @Test
    void retainedValue_withoutMqtt5Fields_isTheVersion1Layout() {
        assertThat(RetainedCodec.value(new RetainedMessage("r", utf8("x"), Qos.EXACTLY_ONCE)))
                .containsExactly(0x02, 0x00, 0x00, 0x00, 0x01, 'x');
    }

    @Test
    void willCodec_withPropertiesAndExpiryInterval_roundTrips() {
        var will = new StoredWill("c", "w", utf8("bye"), Qos.AT_LEAST_ONCE, true, AT,
                new PublishProperties(PayloadFormat.UNSPECIFIED_BYTES, 0xFFFF_FFFFL, null, "resp", new byte[0],
                        List.of(), List.of(), null));

        StoredWill back = WillCodec.decode(WillCodec.key("c"), WillCodec.value(will));

        assertThat(back.properties()).usingRecursiveComparison().isEqualTo(will.properties());
        assertThat(back.properties().messageExpiryInterval()).isEqualTo(0xFFFF_FFFFL);
        assertThat(back.publishAt()).isEqualTo(AT);
        assertThat(back.retain()).isTrue();
    }

    @Test
    void sessionValue_withExpiryAndOptions_appendsTaggedFields() {
        var session = new StoredSession("c", Map.of("f", Qos.AT_LEAST_ONCE), null, 300,
                Map.of("f", new SubscriptionOptions(true, false, RetainHandling.SEND_IF_NEW_SUBSCRIPTION, 5)));

        assertThat(SessionCodec.value(session)).containsExactly(
                0x00, // no expiresAt
                0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 'f', 0x01, // one subscription
                0x11, 0x00, 0x00, 0x01, 0x2C, // session expiry interval 300
                0x81, 0x00, 0x01, 'f', 0x14, 0x00, 0x00, 0x00, 0x05); // options: no local, retain handling 1, id 5
    }

    @Test
    void sessionCodec_expiryAndOptions_roundTrip() {
        var options = Map.of(
                "a/#", new SubscriptionOptions(false, true, RetainHandling.DO_NOT_SEND, 0),
                "b/+", new SubscriptionOptions(true, true, RetainHandling.SEND_ON_SUBSCRIBE, 268_435_455));
        var session = new StoredSession("client", Map.of("a/#", Qos.AT_LEAST_ONCE, "b/+", Qos.EXACTLY_ONCE,
                "c", Qos.AT_MOST_ONCE), AT, 0xFFFF_FFFEL, options);

        StoredSession back = SessionCodec.decode(SessionCodec.key("client"), SessionCodec.value(session));

        assertThat(back).isEqualTo(session);
        assertThat(back.optionsOf("c")).isEqualTo(SubscriptionOptions.DEFAULT);
    }

    @Test
    void sessionDecode_version1Row_neverExpiresWithDefaultOptions() {
        byte[] v1 = {0x01, 0, 0, 0, 0, 0, 0, 0x03, (byte) 0xE8, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 'f', 0x02};

        StoredSession session = SessionCodec.decode(SessionCodec.key("c"), v1);

        assertThat(session).isEqualTo(new StoredSession("c", Map.of("f", Qos.EXACTLY_ONCE),
                Instant.ofEpochMilli(1000)));
        assertThat(session.expiryInterval()).isEqualTo(StoredSession.NEVER);
        assertThat(session.optionsOf("f")).isEqualTo(SubscriptionOptions.DEFAULT);
    }

    @Test
    void decode_unknownTag_isCorrupt() {
        byte[] message = {0x01, 0x00, 0x01, 't', 0x00, 0x00, 0x00, 0x00, 0x7F};

        assertThatThrownBy(() -> MessageCodec.decode(MessageCodec.key(1), message))
                .isInstanceOf(CorruptValueException.class).hasMessageContaining("0x7f");
    }

    @Test
    void decode_singleTagTwice_isCorrupt() {
        byte[] retained = {0x01, 0x00, 0x00, 0x00, 0x01, 'x', 0x01, 0x00, 0x01, 0x01};

        assertThatThrownBy(() -> RetainedCodec.decode(RetainedCodec.key("r"), retained))
                .isInstanceOf(CorruptValueException.class).hasMessageContaining("twice");
    }

    @Test
    void decode_expiryTagOnAWill_isCorrupt() {
        byte[] will = {0, 0, 0, 0, 0, 0, 0, 0, 0x00, 0x00, 0x00, 0x01, 'w', 0x00, 0x00, 0x00, 0x00,
                (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 1};

        assertThatThrownBy(() -> WillCodec.decode(WillCodec.key("c"), will))
                .isInstanceOf(CorruptValueException.class).hasMessageContaining("unknown tag");
    }

    @Test
    void sessionDecode_optionsOfAFilterNotSubscribed_isCorrupt() {
        byte[] session = {0x00, 0x00, 0x00, 0x00, 0x00, (byte) 0x81, 0x00, 0x01, 'f', 0x04, 0, 0, 0, 0};

        assertThatThrownBy(() -> SessionCodec.decode(SessionCodec.key("c"), session))
                .isInstanceOf(CorruptValueException.class).hasMessageContaining("options of filter f");
    }

    @Test
    void sessionDecode_reservedOptionBits_isCorrupt() {
        byte[] session = {0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 'f', 0x00,
                (byte) 0x81, 0x00, 0x01, 'f', 0x30, 0, 0, 0, 0}; // retain handling 3

        assertThatThrownBy(() -> SessionCodec.decode(SessionCodec.key("c"), session))
                .isInstanceOf(CorruptValueException.class);
    }

    private static PublishProperties randomProperties(Random random) {
        if (random.nextInt(4) == 0) {
            return PublishProperties.EMPTY;
        }
        List<UserProperty> user = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            user.add(new UserProperty("n" + random.nextInt(3), "v" + random.nextInt(1000)));
        }
        return new PublishProperties(random.nextBoolean() ? null : PayloadFormat.values()[random.nextInt(2)],
                random.nextBoolean() ? null : random.nextLong(0, 0x1_0000_0000L), null,
                random.nextBoolean() ? null : "reply/" + random.nextInt(9),
                random.nextBoolean() ? null : randomBytes(random, 16), user, List.of(),
                random.nextBoolean() ? null : "type/" + random.nextInt(9));
    }

    private static byte[] randomBytes(Random random, int maxLength) {
        byte[] bytes = new byte[random.nextInt(maxLength + 1)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
