package io.ternmq.store;

import io.ternmq.protocol.PayloadFormat;
import io.ternmq.protocol.UserProperty;
import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The MQTT 5 PUBLISH properties a broker forwards unchanged with a stored message (3.3.2.3): payload format
 * indicator, content type, response topic, correlation data and user properties in their order [MQTT-3.3.2-18].
 * A null field was absent. Expiry is not here: a stored message keeps it as an absolute time, a will as the interval
 * it starts counting when published. Messages of 3.1.1 clients carry {@link #EMPTY}. The correlation data array is
 * never modified; equality compares its contents.
 */
public record MessageProperties(@Nullable PayloadFormat payloadFormat, @Nullable String contentType,
                                @Nullable String responseTopic, byte @Nullable [] correlationData,
                                List<UserProperty> userProperties) {

    public static final MessageProperties EMPTY = new MessageProperties(null, null, null, null, List.of());

    public MessageProperties {
        userProperties = List.copyOf(userProperties);
    }

    public boolean isEmpty() {
        return payloadFormat == null && contentType == null && responseTopic == null && correlationData == null
                && userProperties.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MessageProperties that && payloadFormat == that.payloadFormat
                && Objects.equals(contentType, that.contentType) && Objects.equals(responseTopic, that.responseTopic)
                && Arrays.equals(correlationData, that.correlationData) && userProperties.equals(that.userProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(payloadFormat, contentType, responseTopic, Arrays.hashCode(correlationData),
                userProperties);
    }

    @Override
    public String toString() {
        return "MessageProperties[payloadFormat=" + payloadFormat + ", contentType=" + contentType + ", responseTopic="
                + responseTopic + ", correlationData=" + (correlationData == null ? "null"
                : correlationData.length + " bytes") + ", userProperties=" + userProperties + "]";
    }
}
