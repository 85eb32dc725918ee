package dev.flytejava.runtime.idl;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Protobuf bytes that are the same for equal messages. */
public final class Protos {
  private Protos() {}

  /**
   * The message serialized with protobuf's deterministic serialization, which writes map entries sorted by key
   * (interface variables, literal maps, STRUCT schemas), so equal specs give equal bytes in every JVM.
   */
  public static byte[] deterministicBytes(MessageLite message) {
    byte[] bytes = new byte[message.getSerializedSize()];
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    out.useDeterministicSerialization();
    try {
      message.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // an array-backed stream does not throw
    }
    out.checkNoSpaceLeft();
    return bytes;
  }
}
