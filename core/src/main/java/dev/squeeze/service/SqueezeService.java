package dev.squeeze.service;

import dev.squeeze.Squeeze;
import dev.squeeze.store.AccountRecord;
import dev.squeeze.store.BlobStore;
import dev.squeeze.store.ImageRecord;
import dev.squeeze.store.InMemoryStore;
import dev.squeeze.store.Store;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The compression web service, in-process: accounts with monthly quotas and sub-accounts, image records,
 * backups of originals and downloads, as the reference (ImageRecycle API v1) has them. It never touches
 * pixels: the work is done by a {@link Squeeze}. Thread-safe; several instances may share one store (a
 * PostgreSQL database) and stay consistent.
 *
 * <pre>{@code
 * SqueezeService service = SqueezeService.builder().squeeze(Squeeze.create()).build();
 * Account acme = service.createAccount("acme", 500L << 20, 10L << 20);   // operator call
 * Upload up = service.addImage(acme.credentials(), "logo.png", bytes, ImageParams.defaults());
 * }</pre>
 *
 * <h2>What counts against quota</h2>
 * Each upload that is optimized charges its original size ({@code size_before}, the bytes received) to the
 * monthly window of the uploading account and, for a sub-account, of its parent too. The charge is made
 * atomically before any work and refused with 403 if either account would pass its {@code quota_allowed};
 * it is given back if the file then turns out not to be optimizable (unknown format, corrupt). An upload of
 * the same content with the same params by the same account returns the existing record and charges
 * nothing; downloads, listings and deletions charge nothing and deleting an image gives nothing back. The
 * window is the calendar month in the zone of the service's {@link Clock}: usage starts again from zero on
 * the first day of a month. Resetting a sub-account's quota clears its own usage, not the parent's.
 */
public final class SqueezeService {
  // a listing page when the client asks for none, and the most it may ask for: the reference's clients
  // page by 20; 100 bounds the response size
  static final int DEFAULT_PAGE = 20;
  static final int MAX_PAGE = 100;

  final Store store;
  final BlobStore blobs;
  final Clock clock;
  final Squeeze squeeze;
  final Secrets secrets;
  final Duration backupPeriod;
  final String baseUrl;
  final UrlFetcher fetcher;
  private final ImageUploads uploads;
  private final String dummySecret;

  private SqueezeService(Builder b) {
    this.store = b.store;
    this.blobs = b.blobs;
    this.clock = b.clock;
    this.squeeze = b.squeeze;
    this.secrets = new Secrets(b.random);
    this.backupPeriod = b.backupPeriod;
    this.baseUrl = b.baseUrl;
    this.fetcher = new UrlFetcher(b.urlPolicy);
    this.uploads = new ImageUploads(this, b.dedupeCacheSize);
    this.dummySecret = secrets.newSecret();
  }

  /** Starts a service description; only the {@link Squeeze} engine has no default. */
  public static Builder builder() {
    return new Builder();
  }

  /** The store behind this service (to close it, or share it with another instance). */
  public Store store() {
    return store;
  }

  // ---------------------------------------------------------------- operator

  /**
   * Creates a top-level account (the reference's operators do this on its website), with a new key and
   * secret.
   *
   * @param quotaAllowed bytes per monthly window, 0 or more
   * @param fileMaxSize largest upload in bytes, at least 1
   */
  public Account createAccount(String title, long quotaAllowed, long fileMaxSize) {
    Objects.requireNonNull(title, "title");
    if (quotaAllowed < 0) {
      throw new IllegalArgumentException("quotaAllowed must be 0 or more, was " + quotaAllowed);
    }
    if (fileMaxSize < 1) {
      throw new IllegalArgumentException("fileMaxSize must be at least 1, was " + fileMaxSize);
    }
    AccountRecord a = store.createAccount(new AccountRecord(0, 0, title, "", secrets.newKey(), secrets.newSecret(),
        quotaAllowed, fileMaxSize, 0, window().number(), now()));
    return view(a);
  }

  /**
   * Deletes originals whose backup period is over (their {@code expiration_date} has passed); the records and
   * optimized files stay. Returns how many originals were deleted. Call it from a scheduled job.
   */
  public int purgeExpired() {
    Instant now = clock.instant();
    int purged = 0;
    // batches bound the memory a large backlog takes; 500 records are a few hundred kilobytes
    for (List<ImageRecord> batch = store.expiredOriginals(now, 500); !batch.isEmpty();
        batch = store.expiredOriginals(now, 500)) {
      for (ImageRecord r : batch) {
        blobs.delete(ImageUploads.blobKey(r.token(), FileType.ORIGIN));
        store.markOriginPurged(r.id());
        purged++;
      }
    }
    return purged;
  }

  // ---------------------------------------------------------------- accounts

  /** Checks the credentials in constant time and returns the account: {@code 401} when they do not match. */
  AccountRecord authenticate(Credentials c) throws UnauthorizedException {
    if (c == null) {
      throw new UnauthorizedException("Authentication required: auth={\"key\":…,\"secret\":…}");
    }
    Optional<AccountRecord> a = store.accountByKey(c.key());
    // compare against a dummy for unknown keys, so that timing does not tell which keys exist
    boolean ok = Secrets.constantTimeEquals(a.map(AccountRecord::apiSecret).orElse(dummySecret), c.secret());
    if (a.isEmpty() || !ok) {
      throw new UnauthorizedException("Authentication failed: wrong key or secret");
    }
    return a.get();
  }

  /** {@code GET /accounts/mine}. */
  public Account account(Credentials c) throws ServiceException {
    return view(authenticate(c));
  }

  /** {@code GET /accounts/mine/consumption}. */
  public Consumption consumption(Credentials c) throws ServiceException {
    return ConsumptionReport.of(store, authenticate(c).id(), LocalDate.now(clock));
  }

  /** {@code GET /accounts/sub}. */
  public List<Account> subAccounts(Credentials c) throws ServiceException {
    AccountRecord parent = parent(c);
    List<Account> out = new ArrayList<>();
    for (AccountRecord a : store.subAccounts(parent.id())) {
      out.add(view(a));
    }
    return out;
  }

  /** {@code GET /accounts/sub/:id}; 404 unless it is a sub-account of the caller. */
  public Account subAccount(Credentials c, long id) throws ServiceException {
    return view(ownSub(parent(c), id));
  }

  /** {@code POST /accounts/sub}: a new sub-account with its own key, secret and monthly quota. */
  public Account createSubAccount(Credentials c, SubAccountFields f) throws ServiceException {
    AccountRecord parent = parent(c);
    long quota = f.monthlyQuota() == null ? parent.quotaAllowed() : checkQuota(f.monthlyQuota());
    AccountRecord a = store.createAccount(new AccountRecord(0, parent.id(), orEmpty(f.title()),
        orEmpty(f.description()), secrets.newKey(), secrets.newSecret(), quota, parent.fileMaxSize(), 0,
        window().number(), now()));
    return view(a);
  }

  /** {@code PUT /accounts/sub/:id}: changes the fields that are not null. */
  public Account editSubAccount(Credentials c, long id, SubAccountFields f) throws ServiceException {
    AccountRecord a = ownSub(parent(c), id);
    AccountRecord edited = a.withDetails(f.title() == null ? a.title() : f.title(),
        f.description() == null ? a.description() : f.description(),
        f.monthlyQuota() == null ? a.quotaAllowed() : checkQuota(f.monthlyQuota()), a.fileMaxSize());
    return view(store.updateAccount(edited).orElseThrow(() -> new NotFoundException("Not found: sub-account " + id)));
  }

  /** {@code DELETE /accounts/sub/:id}: the sub-account, its images and files go; usage it charged stays. */
  public void deleteSubAccount(Credentials c, long id) throws ServiceException {
    AccountRecord a = ownSub(parent(c), id);
    for (ImageRecord r : store.images(a.id(), 0, Integer.MAX_VALUE)) {
      uploads.deleteBlobs(r);
    }
    store.deleteAccount(a.id());
  }

  /** {@code PUT /accounts/sub/reset_secret/:id}: a new secret; the old one stops working at once. */
  public Account resetSubAccountSecret(Credentials c, long id) throws ServiceException {
    AccountRecord a = ownSub(parent(c), id);
    return view(store.updateAccount(a.withSecret(secrets.newSecret()))
        .orElseThrow(() -> new NotFoundException("Not found: sub-account " + id)));
  }

  /** {@code PUT /accounts/sub/reset_quota/:id}: the sub-account's usage in this window back to zero. */
  public Account resetSubAccountQuota(Credentials c, long id) throws ServiceException {
    AccountRecord a = ownSub(parent(c), id);
    store.resetUsage(a.id(), window().number());
    return view(store.account(a.id()).orElseThrow(() -> new NotFoundException("Not found: sub-account " + id)));
  }

  private AccountRecord parent(Credentials c) throws ServiceException {
    AccountRecord a = authenticate(c);
    if (a.isSubAccount()) {
      throw new ForbiddenException("Sub-accounts cannot manage sub-accounts");
    }
    return a;
  }

  private AccountRecord ownSub(AccountRecord parent, long id) throws NotFoundException {
    return store.account(id).filter(a -> a.parentId() == parent.id())
        .orElseThrow(() -> new NotFoundException("Not found: sub-account " + id));
  }

  private static long checkQuota(long q) throws BadRequestException {
    if (q < 0) {
      throw new BadRequestException("quota must be 0 or more bytes, was " + q);
    }
    return q;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  /** The clock's instant to the millisecond: what every store keeps, so records read back equal. */
  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  QuotaWindow window() {
    return QuotaWindow.of(LocalDate.now(clock));
  }

  Account view(AccountRecord a) {
    QuotaWindow w = window();
    return new Account(a.id(), a.parentId(), a.title(), a.description(), w.start(), w.end(), a.usedIn(w.number()),
        a.quotaAllowed(), a.fileMaxSize(), a.apiKey(), a.apiSecret());
  }

  // ---------------------------------------------------------------- images

  /**
   * {@code POST /images} with a file: refused with 403 before any work when it is larger than
   * {@code file_max_size} or would take the account or its parent over quota.
   *
   * @param filename the uploaded file's name, kept (sanitised) for listings and download links
   */
  public Upload addImage(Credentials c, String filename, byte[] content, ImageParams params) throws ServiceException {
    return uploads.add(authenticate(c), filename, content, params);
  }

  /** {@code POST /images} with {@code url}: fetched under the service's {@link UrlPolicy}, then as a file. */
  public Upload addImageFromUrl(Credentials c, String url, ImageParams params) throws ServiceException {
    return uploads.addFromUrl(authenticate(c), url, params);
  }

  /** {@code GET /images}: newest first; {@code limit} 1 to 100. */
  public ImagePage images(Credentials c, int offset, int limit) throws ServiceException {
    AccountRecord a = authenticate(c);
    if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
      throw new BadRequestException("offset must be 0 or more and limit 1 to " + MAX_PAGE + ", were " + offset
          + " and " + limit);
    }
    long total = store.countImages(a.id());
    List<Image> items = new ArrayList<>();
    for (ImageRecord r : store.images(a.id(), offset, limit)) {
      items.add(uploads.view(r));
    }
    long next = (long) offset + limit; // offset may be near Integer.MAX_VALUE: no int overflow
    return new ImagePage(items, total, offset, limit,
        offset > 0 ? OptionalInt.of(Math.max(0, offset - limit)) : OptionalInt.empty(),
        next < total && next <= Integer.MAX_VALUE ? OptionalInt.of((int) next) : OptionalInt.empty());
  }

  /** {@code GET /images/:id}; 404 unless it is the caller's own. */
  public Image image(Credentials c, long id) throws ServiceException {
    return uploads.view(uploads.own(authenticate(c), id));
  }

  /** {@code DELETE /images/:id}: the record and both files. */
  public void deleteImage(Credentials c, long id) throws ServiceException {
    ImageRecord r = uploads.own(authenticate(c), id);
    store.deleteImage(r.id());
    uploads.deleteBlobs(r);
  }

  /** {@code DELETE /images}: every image of the caller (not of its sub-accounts); returns how many. */
  public int deleteAllImages(Credentials c) throws ServiceException {
    List<ImageRecord> gone = store.deleteImages(authenticate(c).id());
    for (ImageRecord r : gone) {
      uploads.deleteBlobs(r);
    }
    return gone.size();
  }

  /**
   * {@code GET /images/:type/:token/:name}, without authentication (the token is the capability): 404 when
   * the token or name is unknown, or the original's backup period is over.
   */
  public Download download(FileType type, String token, String name) throws ServiceException {
    return uploads.download(type, token, name);
  }

  /** {@code GET /images/zip/:type/:ids}: a zip of the caller's listed images; 404 if any is not the caller's. */
  public Download zip(Credentials c, FileType type, List<Long> ids) throws ServiceException {
    return uploads.zip(authenticate(c), type, ids);
  }

  /** Configures a {@link SqueezeService}. */
  public static final class Builder {
    private Store store;
    private BlobStore blobs;
    private Clock clock = Clock.systemUTC();
    private Squeeze squeeze;
    private SecureRandom random;
    // the reference keeps originals "for backup and restore, one month"
    private Duration backupPeriod = Duration.ofDays(30);
    private String baseUrl = "/v1";
    private UrlPolicy urlPolicy = UrlPolicy.defaults();
    // image ids for this many (account, content, params) keys: ~100 bytes each, about 1 MB in all
    private long dedupeCacheSize = 10_000;

    private Builder() {}

    /** Default: a new {@link InMemoryStore}. */
    public Builder store(Store store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** Default: {@link BlobStore#inMemory()}. */
    public Builder blobs(BlobStore blobs) {
      this.blobs = Objects.requireNonNull(blobs, "blobs");
      return this;
    }

    /** Default: the UTC system clock. Its zone decides where a day and a monthly quota window begin. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The engine that does the work. Required. */
    public Builder squeeze(Squeeze squeeze) {
      this.squeeze = Objects.requireNonNull(squeeze, "squeeze");
      return this;
    }

    /** Default: a new {@link SecureRandom}; keys, secrets and tokens come from it. */
    public Builder random(SecureRandom random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /** How long originals are kept after upload; default 30 days. */
    public Builder backupPeriod(Duration period) {
      if (period == null || period.isNegative()) {
        throw new IllegalArgumentException("backupPeriod must be 0 or more, was " + period);
      }
      this.backupPeriod = period;
      return this;
    }

    /** The prefix of download and paging links, such as {@code https://img.example.com/v1}; default {@code /v1}. */
    public Builder baseUrl(String baseUrl) {
      String b = Objects.requireNonNull(baseUrl, "baseUrl");
      this.baseUrl = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
      return this;
    }

    /** How {@code url} uploads are fetched; default {@link UrlPolicy#defaults()}. */
    public Builder urlPolicy(UrlPolicy policy) {
      this.urlPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Entries of the in-process dedupe cache; 0 turns it off (the store is then asked every time). */
    public Builder dedupeCacheSize(long entries) {
      if (entries < 0) {
        throw new IllegalArgumentException("dedupeCacheSize must be 0 or more, was " + entries);
      }
      this.dedupeCacheSize = entries;
      return this;
    }

    /** The service; a store and blobs in memory and a new {@link SecureRandom} unless set. */
    public SqueezeService build() {
      if (squeeze == null) {
        throw new IllegalStateException("squeeze is required: Squeeze.create() or a Squeeze built with providers");
      }
      if (store == null) {
        store = new InMemoryStore();
      }
      if (blobs == null) {
        blobs = BlobStore.inMemory();
      }
      if (random == null) {
        random = new SecureRandom();
      }
      return new SqueezeService(this);
    }
  }
}
