package io.ternmq.store.rocksdb;

/** A one-byte flag: 0 or 1, anything else is corrupt. */
final class Flag {

    private Flag() {
    }

    static boolean decode(int value) {
        return switch (value) {
            case 0 -> false;
            case 1 -> true;
            default -> throw new CorruptValueException("flag byte " + value);
        };
    }
}
