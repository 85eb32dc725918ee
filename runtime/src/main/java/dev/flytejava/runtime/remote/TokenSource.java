package dev.flytejava.runtime.remote;

/** Where the bearer token for FlyteAdmin calls comes from; implementations cache it until it expires. */
public interface TokenSource {
  /** The current token, fetched if there is none or it has expired. */
  String token();

  /** Forgets the cached token, after FlyteAdmin answered UNAUTHENTICATED with it. */
  void invalidate();

  /** No auth: calls go out without an authorization header. */
  TokenSource NONE = new TokenSource() {
    @Override
    public String token() {
      return null;
    }

    @Override
    public void invalidate() {
    }
  };
}
