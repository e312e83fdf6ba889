package io.promptlens.app.batches;

import java.util.UUID;

/** What travels on the queue: which item, never its bytes (they stay in the database). */
record ItemRef(UUID batchId, int itemNo) {

  /** The message body: {@code batchId:itemNo}. */
  String wire() {
    return batchId + ":" + itemNo;
  }

  static ItemRef parse(String wire) {
    int colon = wire.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("not a batch item reference: " + wire);
    }
    return new ItemRef(
        UUID.fromString(wire.substring(0, colon).strip()),
        Integer.parseInt(wire.substring(colon + 1).strip()));
  }
}
