package dev.squeeze.service;

/**
 * A call of the service facade was refused. Carries the reference's {@code errCode} (the HTTP status a
 * server sends) and {@code errMessage}. The subclasses are the codes the reference uses: 400
 * {@link BadRequestException}, 401 {@link UnauthorizedException}, 403 {@link ForbiddenException}, 404
 * {@link NotFoundException}.
 */
public abstract class ServiceException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int errCode;

  ServiceException(int errCode, String errMessage) {
    super(errMessage);
    this.errCode = errCode;
  }

  /** The HTTP status of this error, as the reference's {@code errCode}. */
  public int errCode() {
    return errCode;
  }

  /** The reference's {@code errMessage}: what a client shows its user. */
  public String errMessage() {
    return getMessage();
  }
}
