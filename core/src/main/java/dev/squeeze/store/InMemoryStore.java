package dev.squeeze.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A {@link Store} in memory: the library default, for tests and single-process use. One monitor guards all
 * state, which makes every operation atomic; the facade's hot paths touch it for microseconds.
 */
public final class InMemoryStore implements Store {
  private final Map<Long, AccountRecord> accounts = new HashMap<>();
  private final Map<String, Long> accountsByKey = new HashMap<>();
  private final TreeMap<Long, ImageRecord> images = new TreeMap<>();
  private final Map<String, Long> imagesByToken = new HashMap<>();
  private final Map<String, Long> imagesByDedupeKey = new HashMap<>();
  private final Map<Long, TreeMap<LocalDate, DailyConsumption>> consumption = new HashMap<>();
  private long nextAccountId = 1;
  private long nextImageId = 1;

  /** An empty store. */
  public InMemoryStore() {}

  private static String dedupeKey(long accountId, String digest, String paramsKey) {
    return accountId + "/" + digest + "/" + paramsKey;
  }

  @Override
  public synchronized AccountRecord createAccount(AccountRecord a) {
    if (accountsByKey.containsKey(a.apiKey())) {
      throw new StoreException("duplicate api key");
    }
    if (a.parentId() != 0 && !accounts.containsKey(a.parentId())) {
      throw new StoreException("no parent account " + a.parentId());
    }
    AccountRecord stored = new AccountRecord(nextAccountId++, a.parentId(), a.title(), a.description(), a.apiKey(),
        a.apiSecret(), a.quotaAllowed(), a.fileMaxSize(), a.quotaUsed(), a.quotaWindow(), a.created());
    accounts.put(stored.id(), stored);
    accountsByKey.put(stored.apiKey(), stored.id());
    return stored;
  }

  @Override
  public synchronized Optional<AccountRecord> account(long id) {
    return Optional.ofNullable(accounts.get(id));
  }

  @Override
  public synchronized Optional<AccountRecord> accountByKey(String apiKey) {
    return Optional.ofNullable(accountsByKey.get(apiKey)).map(accounts::get);
  }

  @Override
  public synchronized List<AccountRecord> subAccounts(long parentId) {
    return accounts.values().stream().filter(a -> a.parentId() == parentId && parentId != 0)
        .sorted(Comparator.comparingLong(AccountRecord::id)).collect(Collectors.toList());
  }

  @Override
  public synchronized Optional<AccountRecord> updateAccount(AccountRecord a) {
    AccountRecord old = accounts.get(a.id());
    if (old == null) {
      return Optional.empty();
    }
    AccountRecord updated = old.withDetails(a.title(), a.description(), a.quotaAllowed(), a.fileMaxSize())
        .withSecret(a.apiSecret());
    accounts.put(a.id(), updated);
    return Optional.of(updated);
  }

  @Override
  public synchronized boolean deleteAccount(long id) {
    AccountRecord a = accounts.remove(id);
    if (a == null) {
      return false;
    }
    accountsByKey.remove(a.apiKey());
    for (ImageRecord i : List.copyOf(images.values())) {
      if (i.accountId() == id) {
        removeImage(i);
      }
    }
    consumption.remove(id);
    return true;
  }

  @Override
  public synchronized ChargeOutcome charge(long accountId, int window, long bytes) {
    AccountRecord a = accounts.get(accountId);
    if (a == null) {
      return ChargeOutcome.NO_ACCOUNT;
    }
    if (a.usedIn(window) + bytes > a.quotaAllowed()) {
      return ChargeOutcome.OVER_ACCOUNT_QUOTA;
    }
    AccountRecord parent = a.isSubAccount() ? accounts.get(a.parentId()) : null;
    if (parent != null && parent.usedIn(window) + bytes > parent.quotaAllowed()) {
      return ChargeOutcome.OVER_PARENT_QUOTA;
    }
    accounts.put(a.id(), a.withUsage(a.usedIn(window) + bytes, window));
    if (parent != null) {
      accounts.put(parent.id(), parent.withUsage(parent.usedIn(window) + bytes, window));
    }
    return ChargeOutcome.CHARGED;
  }

  @Override
  public synchronized void refund(long accountId, int window, long bytes) {
    AccountRecord a = accounts.get(accountId);
    if (a == null) {
      return;
    }
    refundOne(a, window, bytes);
    if (a.isSubAccount() && accounts.containsKey(a.parentId())) {
      refundOne(accounts.get(a.parentId()), window, bytes);
    }
  }

  private void refundOne(AccountRecord a, int window, long bytes) {
    if (a.quotaWindow() == window) {
      accounts.put(a.id(), a.withUsage(Math.max(0, a.quotaUsed() - bytes), window));
    }
  }

  @Override
  public synchronized boolean resetUsage(long accountId, int window) {
    AccountRecord a = accounts.get(accountId);
    if (a == null) {
      return false;
    }
    accounts.put(accountId, a.withUsage(0, window));
    return true;
  }

  @Override
  public synchronized InsertOutcome insertImage(ImageRecord image) {
    if (!accounts.containsKey(image.accountId())) {
      throw new StoreException("no account " + image.accountId());
    }
    String dk = dedupeKey(image.accountId(), image.digest(), image.paramsKey());
    Long existing = imagesByDedupeKey.get(dk);
    if (existing != null) {
      return new InsertOutcome(images.get(existing), false);
    }
    if (imagesByToken.containsKey(image.token())) {
      throw new StoreException("duplicate image token");
    }
    ImageRecord stored = image.withId(nextImageId++);
    images.put(stored.id(), stored);
    imagesByToken.put(stored.token(), stored.id());
    imagesByDedupeKey.put(dk, stored.id());
    return new InsertOutcome(stored, true);
  }

  @Override
  public synchronized Optional<ImageRecord> image(long id) {
    return Optional.ofNullable(images.get(id));
  }

  @Override
  public synchronized Optional<ImageRecord> imageByToken(String token) {
    return Optional.ofNullable(imagesByToken.get(token)).map(images::get);
  }

  @Override
  public synchronized Optional<ImageRecord> imageByDigest(long accountId, String digest, String paramsKey) {
    return Optional.ofNullable(imagesByDedupeKey.get(dedupeKey(accountId, digest, paramsKey))).map(images::get);
  }

  @Override
  public synchronized List<ImageRecord> images(long accountId, int offset, int limit) {
    return images.descendingMap().values().stream().filter(i -> i.accountId() == accountId)
        .skip(offset).limit(limit).collect(Collectors.toList());
  }

  @Override
  public synchronized long countImages(long accountId) {
    return images.values().stream().filter(i -> i.accountId() == accountId).count();
  }

  @Override
  public synchronized boolean deleteImage(long id) {
    ImageRecord i = images.get(id);
    if (i == null) {
      return false;
    }
    removeImage(i);
    return true;
  }

  private void removeImage(ImageRecord i) {
    images.remove(i.id());
    imagesByToken.remove(i.token());
    imagesByDedupeKey.remove(dedupeKey(i.accountId(), i.digest(), i.paramsKey()));
  }

  @Override
  public synchronized List<ImageRecord> deleteImages(long accountId) {
    List<ImageRecord> gone = new ArrayList<>();
    for (ImageRecord i : List.copyOf(images.values())) {
      if (i.accountId() == accountId) {
        removeImage(i);
        gone.add(i);
      }
    }
    return gone;
  }

  @Override
  public synchronized List<ImageRecord> expiredOriginals(Instant now, int max) {
    return images.values().stream().filter(i -> !i.originPurged() && !i.expiration().isAfter(now))
        .limit(max).collect(Collectors.toList());
  }

  @Override
  public synchronized void markOriginPurged(long id) {
    images.computeIfPresent(id, (k, i) -> i.purged());
  }

  @Override
  public synchronized void recordConsumption(long accountId, LocalDate day, long sizeBefore, long sizeAfter) {
    consumption.computeIfAbsent(accountId, k -> new TreeMap<>()).merge(day,
        new DailyConsumption(day, sizeBefore, sizeAfter, 1),
        (a, b) -> new DailyConsumption(day, a.sizeBefore() + b.sizeBefore(), a.sizeAfter() + b.sizeAfter(),
            a.files() + b.files()));
  }

  @Override
  public synchronized List<DailyConsumption> consumption(long accountId, LocalDate from, LocalDate to) {
    TreeMap<LocalDate, DailyConsumption> days = consumption.get(accountId);
    return days == null ? List.of() : List.copyOf(days.subMap(from, true, to, true).values());
  }

  @Override
  public void close() {
    // nothing to release
  }
}
