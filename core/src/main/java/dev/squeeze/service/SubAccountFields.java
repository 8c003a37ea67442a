package dev.squeeze.service;

/**
 * The editable fields of a sub-account ({@code title}, {@code description}, monthly quota as {@code quota} or
 * {@code monthly_quota} on the wire). A null field is left as it is on edit; on create, a null quota means
 * the parent's monthly quota.
 */
public record SubAccountFields(String title, String description, Long monthlyQuota) {
  /** Only a title. */
  public static SubAccountFields titled(String title) {
    return new SubAccountFields(title, null, null);
  }
}
