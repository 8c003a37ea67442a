package dev.squeeze.store;

/** The answer of {@link Store#charge}: charged, or which account's quota would have been exceeded. */
public enum ChargeOutcome {
  /** Both the account and its parent (if any) were charged. */
  CHARGED,
  /** The account's own monthly quota would be exceeded; nothing was charged. */
  OVER_ACCOUNT_QUOTA,
  /** The parent's monthly quota would be exceeded; nothing was charged. */
  OVER_PARENT_QUOTA,
  /** No such account. */
  NO_ACCOUNT
}
