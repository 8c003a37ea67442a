package dev.squeeze.service;

/** The request is malformed: a missing or invalid field, an unsupported file, an unreachable URL. Wire status 400. */
public final class BadRequestException extends ServiceException {
  private static final long serialVersionUID = 1L;

  /** @param errMessage what the client is told, as the reference's {@code errMessage} */
  public BadRequestException(String errMessage) {
    super(400, errMessage);
  }
}
