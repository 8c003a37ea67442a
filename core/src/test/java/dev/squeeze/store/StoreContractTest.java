package dev.squeeze.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.squeeze.service.Account;
import dev.squeeze.service.ForbiddenException;
import dev.squeeze.service.Fixtures;
import dev.squeeze.service.ImageParams;
import dev.squeeze.service.SqueezeService;
import dev.squeeze.service.SubAccountFields;
import dev.squeeze.service.Upload;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Store} keeps, run against each implementation (in memory, H2 file, PostgreSQL):
 * subclasses supply only a fresh, empty store.
 */
public abstract class StoreContractTest {
  protected static final int WINDOW = 202603;
  protected static final Instant T0 = Instant.parse("2026-03-15T12:00:00Z");
  // the acceptance figure of the issue: 32 uploads racing for one file's worth of quota
  protected static final int RACERS = 32;

  protected Store store;
  private int keys;

  /** A new, empty store; closed after each test. */
  protected abstract Store newStore() throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = newStore();
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  protected AccountRecord account(long parentId, long quota) {
    return store.createAccount(new AccountRecord(0, parentId, "t" + keys, "d", "key-" + keys++ + "-" + System.nanoTime(),
        "secret", quota, 1000, 0, WINDOW, T0));
  }

  protected static ImageRecord image(long accountId, String digest, String params, String token, Instant created) {
    return new ImageRecord(0, accountId, "a.png", "image/png", 10, 20, 100, 75, created, created.plusSeconds(3600),
        digest, params, token, false);
  }

  @Test
  void accountsGetDistinctIdsAndAreFoundByIdAndKey() {
    AccountRecord a = account(0, 500);
    AccountRecord b = account(0, 600);
    assertThat(a.id()).isPositive().isNotEqualTo(b.id());
    assertThat(store.account(a.id())).contains(a);
    assertThat(store.accountByKey(b.apiKey())).contains(b);
    assertThat(store.accountByKey("nope")).isEmpty();
    assertThat(store.account(999_999)).isEmpty();
  }

  @Test
  void aDuplicateApiKeyIsRefused() {
    AccountRecord a = account(0, 500);
    assertThatThrownBy(() -> store.createAccount(new AccountRecord(0, 0, "x", "", a.apiKey(), "s", 1, 1, 0, WINDOW, T0)))
        .isInstanceOf(StoreException.class);
  }

  @Test
  void subAccountsAreListedUnderTheirParentOnly() {
    AccountRecord p = account(0, 500);
    AccountRecord other = account(0, 500);
    AccountRecord s1 = account(p.id(), 100);
    AccountRecord s2 = account(p.id(), 100);
    account(other.id(), 100);
    assertThat(store.subAccounts(p.id())).containsExactly(s1, s2);
    assertThat(store.subAccounts(s1.id())).isEmpty();
    assertThat(s1.isSubAccount()).isTrue();
  }

  @Test
  void updateChangesDetailsAndSecretButNotUsage() {
    AccountRecord a = account(0, 500);
    assertThat(store.charge(a.id(), WINDOW, 100)).isEqualTo(ChargeOutcome.CHARGED);
    AccountRecord edited = store.updateAccount(a.withDetails("new", "desc", 900, 50).withSecret("s2").withUsage(0, 1))
        .orElseThrow();
    assertThat(edited.title()).isEqualTo("new");
    assertThat(edited.description()).isEqualTo("desc");
    assertThat(edited.quotaAllowed()).isEqualTo(900);
    assertThat(edited.fileMaxSize()).isEqualTo(50);
    assertThat(edited.apiSecret()).isEqualTo("s2");
    assertThat(edited.usedIn(WINDOW)).isEqualTo(100);
    assertThat(store.updateAccount(new AccountRecord(987_654, 0, "x", "", "k", "s", 1, 1, 0, WINDOW, T0))).isEmpty();
  }

  @Test
  void deletingAnAccountRemovesItsImagesAndStatistics() {
    AccountRecord a = account(0, 500);
    AccountRecord b = account(0, 500);
    store.insertImage(image(a.id(), "d1", "lossy", "tok-a", T0));
    store.insertImage(image(b.id(), "d1", "lossy", "tok-b", T0));
    store.recordConsumption(a.id(), LocalDate.of(2026, 3, 15), 100, 75);
    assertThat(store.deleteAccount(a.id())).isTrue();
    assertThat(store.account(a.id())).isEmpty();
    assertThat(store.accountByKey(a.apiKey())).isEmpty();
    assertThat(store.imageByToken("tok-a")).isEmpty();
    assertThat(store.imageByToken("tok-b")).isPresent();
    assertThat(store.consumption(a.id(), LocalDate.MIN, LocalDate.MAX)).isEmpty();
    assertThat(store.deleteAccount(a.id())).isFalse();
  }

  @Test
  void chargesWithinQuotaAddToTheAccountAndItsParent() {
    AccountRecord p = account(0, 1000);
    AccountRecord s = account(p.id(), 300);
    assertThat(store.charge(s.id(), WINDOW, 300)).isEqualTo(ChargeOutcome.CHARGED);
    assertThat(store.account(s.id()).orElseThrow().usedIn(WINDOW)).isEqualTo(300);
    assertThat(store.account(p.id()).orElseThrow().usedIn(WINDOW)).isEqualTo(300);
    assertThat(store.charge(s.id(), WINDOW, 1)).isEqualTo(ChargeOutcome.OVER_ACCOUNT_QUOTA);
    assertThat(store.charge(p.id(), WINDOW, 700)).isEqualTo(ChargeOutcome.CHARGED);
    assertThat(store.account(p.id()).orElseThrow().usedIn(WINDOW)).isEqualTo(1000);
    assertThat(store.charge(999_999, WINDOW, 1)).isEqualTo(ChargeOutcome.NO_ACCOUNT);
  }

  @Test
  void aChargeOverTheParentsQuotaChargesNeitherAccount() {
    AccountRecord p = account(0, 100);
    AccountRecord s = account(p.id(), 1000);
    assertThat(store.charge(s.id(), WINDOW, 101)).isEqualTo(ChargeOutcome.OVER_PARENT_QUOTA);
    assertThat(store.account(s.id()).orElseThrow().usedIn(WINDOW)).isZero();
    assertThat(store.account(p.id()).orElseThrow().usedIn(WINDOW)).isZero();
  }

  @Test
  void aNewWindowStartsFromZero() {
    AccountRecord a = account(0, 100);
    assertThat(store.charge(a.id(), WINDOW, 100)).isEqualTo(ChargeOutcome.CHARGED);
    assertThat(store.charge(a.id(), WINDOW, 1)).isEqualTo(ChargeOutcome.OVER_ACCOUNT_QUOTA);
    assertThat(store.charge(a.id(), WINDOW + 1, 100)).isEqualTo(ChargeOutcome.CHARGED);
    AccountRecord after = store.account(a.id()).orElseThrow();
    assertThat(after.usedIn(WINDOW + 1)).isEqualTo(100);
    assertThat(after.usedIn(WINDOW)).isZero();
  }

  @Test
  void refundsGiveBackOnlyInTheirWindowAndNeverBelowZero() {
    AccountRecord p = account(0, 1000);
    AccountRecord s = account(p.id(), 1000);
    store.charge(s.id(), WINDOW, 300);
    store.refund(s.id(), WINDOW, 100);
    assertThat(store.account(s.id()).orElseThrow().usedIn(WINDOW)).isEqualTo(200);
    assertThat(store.account(p.id()).orElseThrow().usedIn(WINDOW)).isEqualTo(200);
    store.refund(s.id(), WINDOW - 1, 100);
    assertThat(store.account(s.id()).orElseThrow().usedIn(WINDOW)).isEqualTo(200);
    store.refund(s.id(), WINDOW, 10_000);
    assertThat(store.account(s.id()).orElseThrow().usedIn(WINDOW)).isZero();
    assertThat(store.account(p.id()).orElseThrow().usedIn(WINDOW)).isZero();
  }

  @Test
  void resettingUsageClearsTheAccountButNotItsParent() {
    AccountRecord p = account(0, 1000);
    AccountRecord s = account(p.id(), 1000);
    store.charge(s.id(), WINDOW, 300);
    assertThat(store.resetUsage(s.id(), WINDOW)).isTrue();
    assertThat(store.account(s.id()).orElseThrow().usedIn(WINDOW)).isZero();
    assertThat(store.account(p.id()).orElseThrow().usedIn(WINDOW)).isEqualTo(300);
    assertThat(store.resetUsage(999_999, WINDOW)).isFalse();
  }

  @Test
  void theSameContentAndParamsForOneAccountIsStoredOnce() {
    AccountRecord a = account(0, 1000);
    AccountRecord b = account(0, 1000);
    Store.InsertOutcome first = store.insertImage(image(a.id(), "d1", "lossy", "t1", T0));
    Store.InsertOutcome again = store.insertImage(image(a.id(), "d1", "lossy", "t2", T0));
    assertThat(first.inserted()).isTrue();
    assertThat(again.inserted()).isFalse();
    assertThat(again.image()).isEqualTo(first.image());
    assertThat(store.insertImage(image(a.id(), "d1", "lossless", "t3", T0)).inserted()).isTrue();
    assertThat(store.insertImage(image(b.id(), "d1", "lossy", "t4", T0)).inserted()).isTrue();
    assertThat(store.imageByDigest(a.id(), "d1", "lossy")).contains(first.image());
    assertThat(store.imageByDigest(a.id(), "d2", "lossy")).isEmpty();
    assertThat(store.imageByToken("t2")).isEmpty();
  }

  @Test
  void recordsRoundTripEveryField() {
    AccountRecord a = account(0, 1000);
    ImageRecord in = new ImageRecord(0, a.id(), "x-y.png", "image/png", 1234, 567, 98_765, 43_210,
        Instant.parse("2026-03-15T12:34:56.789Z"), Instant.parse("2026-04-14T12:34:56.789Z"), "abc", "lossless;w=80",
        "tok", false);
    ImageRecord stored = store.insertImage(in).image();
    assertThat(stored).isEqualTo(in.withId(stored.id()));
    assertThat(store.image(stored.id())).contains(stored);
    assertThat(store.account(a.id())).contains(a);
  }

  @Test
  void imagesArePagedNewestFirst() {
    AccountRecord a = account(0, 1000);
    AccountRecord other = account(0, 1000);
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      ids.add(store.insertImage(image(a.id(), "d" + i, "lossy", "t" + i, T0.plusSeconds(i))).image().id());
    }
    store.insertImage(image(other.id(), "d0", "lossy", "o0", T0));
    assertThat(store.countImages(a.id())).isEqualTo(7);
    assertThat(store.images(a.id(), 0, 3)).extracting(ImageRecord::id)
        .containsExactly(ids.get(6), ids.get(5), ids.get(4));
    assertThat(store.images(a.id(), 6, 3)).extracting(ImageRecord::id).containsExactly(ids.get(0));
    assertThat(store.images(a.id(), 7, 3)).isEmpty();
  }

  @Test
  void deletingImagesRemovesOnlyThatAccountsAndFreesTheDedupeKey() {
    AccountRecord a = account(0, 1000);
    AccountRecord b = account(0, 1000);
    ImageRecord one = store.insertImage(image(a.id(), "d1", "lossy", "t1", T0)).image();
    store.insertImage(image(a.id(), "d2", "lossy", "t2", T0));
    store.insertImage(image(b.id(), "d1", "lossy", "t3", T0));
    assertThat(store.deleteImage(one.id())).isTrue();
    assertThat(store.deleteImage(one.id())).isFalse();
    assertThat(store.insertImage(image(a.id(), "d1", "lossy", "t4", T0)).inserted()).isTrue();
    assertThat(store.deleteImages(a.id())).extracting(ImageRecord::token).containsExactlyInAnyOrder("t2", "t4");
    assertThat(store.countImages(a.id())).isZero();
    assertThat(store.countImages(b.id())).isEqualTo(1);
  }

  @Test
  void expiredOriginalsAreFoundUntilMarkedPurged() {
    AccountRecord a = account(0, 1000);
    ImageRecord old = store.insertImage(image(a.id(), "d1", "lossy", "t1", T0)).image();
    store.insertImage(image(a.id(), "d2", "lossy", "t2", T0.plusSeconds(7200)));
    Instant at = T0.plusSeconds(3600);
    assertThat(store.expiredOriginals(at.minusMillis(1), 10)).isEmpty();
    assertThat(store.expiredOriginals(at, 10)).extracting(ImageRecord::id).containsExactly(old.id());
    store.markOriginPurged(old.id());
    assertThat(store.expiredOriginals(at, 10)).isEmpty();
    assertThat(store.image(old.id()).orElseThrow().originPurged()).isTrue();
  }

  @Test
  void consumptionAddsUpPerDayWithinTheRange() {
    AccountRecord a = account(0, 1000);
    LocalDate d = LocalDate.of(2026, 3, 15);
    store.recordConsumption(a.id(), d, 100, 60);
    store.recordConsumption(a.id(), d, 50, 40);
    store.recordConsumption(a.id(), d.minusDays(1), 7, 7);
    store.recordConsumption(a.id(), d.minusDays(40), 1, 1);
    assertThat(store.consumption(a.id(), d.minusDays(29), d)).containsExactly(
        new DailyConsumption(d.minusDays(1), 7, 7, 1), new DailyConsumption(d, 150, 100, 2));
  }

  @Test
  void randomQuotaOperationsMatchASimpleModel() {
    long seed = System.nanoTime();
    System.out.println("randomQuotaOperationsMatchASimpleModel seed=" + seed);
    java.util.Random rnd = new java.util.Random(seed);
    AccountRecord p = account(0, 5_000);
    AccountRecord[] subs = {account(p.id(), 2_000), account(p.id(), 3_000)};
    AccountRecord[] all = {p, subs[0], subs[1]};
    long[] used = new long[3];
    int[] window = {WINDOW, WINDOW, WINDOW};
    int now = WINDOW;
    for (int step = 0; step < 300; step++) {
      int who = rnd.nextInt(3);
      long bytes = 1 + rnd.nextInt(800);
      switch (rnd.nextInt(10)) {
        case 0 -> now++; // the month turns
        case 1 -> {
          store.resetUsage(all[who].id(), now);
          used[who] = 0;
          window[who] = now;
        }
        case 2, 3 -> {
          store.refund(all[who].id(), now, bytes);
          for (int k : who == 0 ? new int[] {0} : new int[] {who, 0}) {
            if (window[k] == now) {
              used[k] = Math.max(0, used[k] - bytes);
            }
          }
        }
        default -> {
          long mine = window[who] == now ? used[who] : 0;
          long parents = window[0] == now ? used[0] : 0;
          ChargeOutcome expected = mine + bytes > all[who].quotaAllowed() ? ChargeOutcome.OVER_ACCOUNT_QUOTA
              : who != 0 && parents + bytes > p.quotaAllowed() ? ChargeOutcome.OVER_PARENT_QUOTA
              : ChargeOutcome.CHARGED;
          assertThat(store.charge(all[who].id(), now, bytes)).as("seed %d step %d", seed, step).isEqualTo(expected);
          if (expected == ChargeOutcome.CHARGED) {
            used[who] = mine + bytes;
            window[who] = now;
            if (who != 0) {
              used[0] = parents + bytes;
              window[0] = now;
            }
          }
        }
      }
      for (int k = 0; k < 3; k++) {
        long expectedUse = window[k] == now ? used[k] : 0;
        assertThat(store.account(all[k].id()).orElseThrow().usedIn(now)).as("seed %d step %d account %d", seed, step, k)
            .isEqualTo(expectedUse);
      }
    }
  }

  @Test
  void concurrentChargesNeverPassTheQuota() throws Exception {
    AccountRecord a = account(0, 1000);
    AtomicInteger charged = new AtomicInteger();
    race(RACERS, i -> {
      if (store.charge(a.id(), WINDOW, 100) == ChargeOutcome.CHARGED) {
        charged.incrementAndGet();
      }
      return null;
    });
    assertThat(charged.get()).isEqualTo(10);
    assertThat(store.account(a.id()).orElseThrow().usedIn(WINDOW)).isEqualTo(1000);
  }

  @Test
  void concurrentInsertsOfOneDedupeKeyKeepOneRecord() throws Exception {
    AccountRecord a = account(0, 1000);
    Set<Long> ids = ConcurrentHashMap.newKeySet();
    AtomicInteger inserted = new AtomicInteger();
    race(16, i -> {
      Store.InsertOutcome o = store.insertImage(image(a.id(), "same", "lossy", "tok" + i, T0));
      ids.add(o.image().id());
      if (o.inserted()) {
        inserted.incrementAndGet();
      }
      return null;
    });
    assertThat(inserted.get()).isEqualTo(1);
    assertThat(ids).hasSize(1);
    assertThat(store.countImages(a.id())).isEqualTo(1);
  }

  @Test
  void concurrentConsumptionRecordsAllCount() throws Exception {
    AccountRecord a = account(0, 1000);
    LocalDate d = LocalDate.of(2026, 3, 15);
    race(16, i -> {
      store.recordConsumption(a.id(), d, 10, 5);
      return null;
    });
    assertThat(store.consumption(a.id(), d, d)).containsExactly(new DailyConsumption(d, 160, 80, 16));
  }

  @Test
  void thirtyTwoConcurrentUploadsWithOneFileOfQuotaLeftExactlyOneSucceeds() throws Exception {
    SqueezeService service = Fixtures.service(store, new Fixtures.MutableClock(T0));
    Account acct = service.createAccount("race", 3_000, 10_000);
    service.addImage(acct.credentials(), "first.png", Fixtures.png(2_000, -1), ImageParams.defaults());
    assertUploadRace(List.of(service), acct, 1_000);
    assertThat(service.account(acct.credentials()).quotaCurrent()).isEqualTo(3_000);
  }

  @Test
  void concurrentSubAccountUploadsAreBoundByTheParentsQuota() throws Exception {
    SqueezeService service = Fixtures.service(store, new Fixtures.MutableClock(T0));
    Account parent = service.createAccount("parent", 1_000, 10_000);
    Account sub = service.createSubAccount(parent.credentials(), new SubAccountFields("s", "", 1_000_000L));
    assertUploadRace(List.of(service), sub, 1_000);
    assertThat(service.account(parent.credentials()).quotaCurrent()).isEqualTo(1_000);
    assertThat(service.account(sub.credentials()).quotaCurrent()).isEqualTo(1_000);
  }

  /** 32 distinct uploads of {@code size} bytes, spread over {@code services}: exactly one may succeed. */
  protected static void assertUploadRace(List<SqueezeService> services, Account acct, int size) throws Exception {
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    race(RACERS, i -> {
      try {
        Upload u = services.get(i % services.size()).addImage(acct.credentials(), "f" + i + ".png",
            Fixtures.png(size, i), ImageParams.defaults());
        assertThat(u.deduplicated()).isFalse();
        ok.incrementAndGet();
      } catch (ForbiddenException e) {
        refused.incrementAndGet();
      }
      return null;
    });
    assertThat(ok.get()).as("uploads that succeeded").isEqualTo(1);
    assertThat(refused.get()).as("uploads refused with 403").isEqualTo(RACERS - 1);
  }

  /** Runs {@code task} on {@code n} threads released together; rethrows the first failure. */
  protected static void race(int n, IndexedTask task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Object>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int k = i;
        Callable<Object> c = () -> {
          go.await();
          return task.run(k);
        };
        futures.add(pool.submit(c));
      }
      go.countDown();
      for (Future<Object> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** One racer's work. */
  @FunctionalInterface
  protected interface IndexedTask {
    Object run(int index) throws Exception;
  }
}
