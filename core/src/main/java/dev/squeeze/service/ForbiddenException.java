package dev.squeeze.service;

/** The call is understood but refused: the file is larger than {@code file_max_size}, the monthly quota (of the account or of its parent) would be exceeded, or the account may not make this call. Wire status 403. */
public final class ForbiddenException extends ServiceException {
  private static final long serialVersionUID = 1L;

  /** @param errMessage what the client is told, as the reference's {@code errMessage} */
  public ForbiddenException(String errMessage) {
    super(403, errMessage);
  }
}
