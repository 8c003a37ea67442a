package dev.squeeze.service;

/** No such record for this account (records of other accounts are never revealed), or the download is unknown or expired. Wire status 404. */
public final class NotFoundException extends ServiceException {
  private static final long serialVersionUID = 1L;

  /** @param errMessage what the client is told, as the reference's {@code errMessage} */
  public NotFoundException(String errMessage) {
    super(404, errMessage);
  }
}
