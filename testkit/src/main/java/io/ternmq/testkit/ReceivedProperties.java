package io.ternmq.testkit;

import java.util.List;
import java.util.Optional;

/** The property block of a received MQTT 5.0 packet, in wire order (duplicates kept, as for User Properties). */
public record ReceivedProperties(List<ReceivedProperty> all) {

    public ReceivedProperties {
        all = List.copyOf(all);
    }

    /** Reads a Property Length and the properties it covers. */
    static ReceivedProperties read(WireReader reader) {
        int length = reader.varInt();
        int end = reader.position() + length;
        List<ReceivedProperty> list = new java.util.ArrayList<>();
        while (reader.position() < end) {
            int id = reader.varInt();
            list.add(new ReceivedProperty(id, Mqtt5PropertyTypes.of(id).read(reader)));
        }
        if (reader.position() != end) {
            throw new AssertionError("properties overran their length " + length);
        }
        return new ReceivedProperties(list);
    }

    public static ReceivedProperties none() {
        return new ReceivedProperties(List.of());
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    public boolean has(int id) {
        return find(id).isPresent();
    }

    /** The first property with this identifier. */
    public Optional<ReceivedProperty> find(int id) {
        return all.stream().filter(p -> p.id() == id).findFirst();
    }

    /** The one property with this identifier; fails when it is absent. */
    public ReceivedProperty get(int id) {
        return find(id).orElseThrow(() -> new AssertionError(
                "no property 0x" + Integer.toHexString(id) + " among " + all));
    }

    public List<ReceivedProperty> every(int id) {
        return all.stream().filter(p -> p.id() == id).toList();
    }

    /** The identifiers in wire order, e.g. to assert which properties are present. */
    public List<Integer> ids() {
        return all.stream().map(ReceivedProperty::id).toList();
    }

    /** The User Properties in wire order. */
    public List<ReceivedProperty.UserPair> userProperties() {
        return every(Mqtt5Properties.USER_PROPERTY).stream().map(ReceivedProperty::pair).toList();
    }

    @Override
    public String toString() {
        return all.toString();
    }
}
