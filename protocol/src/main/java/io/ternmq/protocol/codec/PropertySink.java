package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.PropertyId;
import io.ternmq.protocol.UserProperty;

/**
 * Receives the properties of a packet in wire order, so that one description of each record
 * ({@link PropertyEmitter}) serves both measuring and writing: the two can never disagree about the size.
 */
interface PropertySink {

    void byteValue(PropertyId id, int value);

    void twoByte(PropertyId id, int value);

    void fourByte(PropertyId id, long value);

    void variableByte(PropertyId id, int value);

    void string(PropertyId id, String value);

    void binary(PropertyId id, byte[] value);

    void userProperty(UserProperty property);

    /** Adds up the encoded size of the properties, checking that each value fits its type. */
    final class Size implements PropertySink {

        private long total;

        long total() {
            return total;
        }

        @Override
        public void byteValue(PropertyId id, int value) {
            if (value < 0 || value > 0xFF) {
                throw new IllegalArgumentException(id + " " + value + " does not fit in a byte");
            }
            total += 2;
        }

        @Override
        public void twoByte(PropertyId id, int value) {
            FieldWriter.requireUnsignedShort(value, id.toString());
            total += 3;
        }

        @Override
        public void fourByte(PropertyId id, long value) {
            if (value < 0 || value > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException(id + " " + value + " does not fit in four bytes");
            }
            total += 5;
        }

        @Override
        public void variableByte(PropertyId id, int value) {
            total += 1 + VariableByteInteger.size(value);
        }

        @Override
        public void string(PropertyId id, String value) {
            total += 1 + FieldWriter.stringSize(value, id.toString());
        }

        @Override
        public void binary(PropertyId id, byte[] value) {
            total += 1 + FieldWriter.binarySize(value, id.toString());
        }

        @Override
        public void userProperty(UserProperty property) {
            total += 1 + FieldWriter.stringSize(property.name(), "user property name")
                    + FieldWriter.stringSize(property.value(), "user property value");
        }
    }

    /** Writes properties already measured by {@link Size}. Property identifiers all fit in one byte. */
    record Write(ByteBuf out) implements PropertySink {

        @Override
        public void byteValue(PropertyId id, int value) {
            out.writeByte(id.id());
            out.writeByte(value);
        }

        @Override
        public void twoByte(PropertyId id, int value) {
            out.writeByte(id.id());
            out.writeShort(value);
        }

        @Override
        public void fourByte(PropertyId id, long value) {
            out.writeByte(id.id());
            out.writeInt((int) value);
        }

        @Override
        public void variableByte(PropertyId id, int value) {
            out.writeByte(id.id());
            VariableByteInteger.write(out, value);
        }

        @Override
        public void string(PropertyId id, String value) {
            out.writeByte(id.id());
            FieldWriter.writeString(out, value);
        }

        @Override
        public void binary(PropertyId id, byte[] value) {
            out.writeByte(id.id());
            FieldWriter.writeBinary(out, value);
        }

        @Override
        public void userProperty(UserProperty property) {
            out.writeByte(PropertyId.USER_PROPERTY.id());
            FieldWriter.writeString(out, property.name());
            FieldWriter.writeString(out, property.value());
        }
    }
}
