/**
 * The RocksDB implementation of {@link io.ternmq.store.Storage}: one database per node, a column family per kind
 * of data, one writer thread group-committing every change; codecs document the on-disk layout.
 */
@NullMarked
package io.ternmq.store.rocksdb;

import org.jspecify.annotations.NullMarked;
