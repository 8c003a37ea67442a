package dev.squeeze.service;

/** The auth object is missing, or its key and secret do not match an account. Wire status 401. */
public final class UnauthorizedException extends ServiceException {
  private static final long serialVersionUID = 1L;

  /** @param errMessage what the client is told, as the reference's {@code errMessage} */
  public UnauthorizedException(String errMessage) {
    super(401, errMessage);
  }
}
