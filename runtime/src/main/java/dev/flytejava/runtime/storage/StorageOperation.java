package dev.flytejava.runtime.storage;

/** What a storage call was doing, named in its errors. */
public enum StorageOperation {
  READ("read"),
  WRITE("write"),
  EXISTS("existence check"),
  LIST("listing"),
  COPY("copy");

  private final String label;

  StorageOperation(String label) {
    this.label = label;
  }

  /** The operation in words, such as {@code existence check}. */
  public String label() {
    return label;
  }
}
