package dev.squeeze.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.squeeze.store.InMemoryStore;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every call of the reference through the Java API, with its success and error outcomes. */
class SqueezeServiceTest {
  private final Fixtures.MutableClock clock = new Fixtures.MutableClock(Fixtures.START);
  private final Fixtures.Counting runs = new Fixtures.Counting();
  private SqueezeService service;
  private Account acme;
  private Credentials c;

  @BeforeEach
  void setUp() {
    service = SqueezeService.builder().store(new InMemoryStore()).clock(clock).squeeze(Fixtures.squeeze(runs))
        .build();
    acme = service.createAccount("acme", 100_000, 20_000);
    c = acme.credentials();
  }

  private Upload upload(Credentials who, int size, long seed) throws ServiceException {
    return service.addImage(who, "pic-" + seed + ".png", Fixtures.png(size, seed), ImageParams.defaults());
  }

  // ---- accounts

  @Test
  void anOperatorAccountShowsItsMonthlyWindowAndLimits() throws Exception {
    Account a = service.account(c);
    assertThat(a.quotaStart()).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(a.quotaEnd()).isEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(a.quotaCurrent()).isZero();
    assertThat(a.quotaAllowed()).isEqualTo(100_000);
    assertThat(a.fileMaxSize()).isEqualTo(20_000);
    assertThat(a.parentId()).isZero();
  }

  @Test
  void keysSecretsAndTokensAreLongRandomHex() throws Exception {
    Account b = service.createAccount("b", 1, 1);
    assertThat(acme.apiKey()).matches("[0-9a-f]{32}").isNotEqualTo(b.apiKey());
    assertThat(acme.apiSecret()).matches("[0-9a-f]{64}").isNotEqualTo(b.apiSecret());
    String url = upload(c, 1_000, 1).image().optimizedUrl();
    assertThat(url).matches("/v1/images/optimized/[0-9a-f]{32}/pic-1\\.png");
  }

  @Test
  void wrongOrMissingCredentialsAre401() {
    assertThatThrownBy(() -> service.account(new Credentials(acme.apiKey(), acme.apiSecret() + "x")))
        .isInstanceOf(UnauthorizedException.class).extracting(e -> ((ServiceException) e).errCode()).isEqualTo(401);
    assertThatThrownBy(() -> service.account(new Credentials("nope", acme.apiSecret())))
        .isInstanceOf(UnauthorizedException.class);
    assertThatThrownBy(() -> service.account(null)).isInstanceOf(UnauthorizedException.class);
    assertThatThrownBy(() -> service.images(new Credentials(acme.apiKey(), ""), 0, 10))
        .isInstanceOf(UnauthorizedException.class);
  }

  @Test
  void secretsAreComparedInConstantTime() {
    // the property (timing independent of where the strings differ) comes from MessageDigest.isEqual;
    // pin the behaviour the facade relies on: equal only when every byte and the length match
    assertThat(Secrets.constantTimeEquals("abcdef", "abcdef")).isTrue();
    assertThat(Secrets.constantTimeEquals("abcdef", "abcdeX")).isFalse();
    assertThat(Secrets.constantTimeEquals("abcdef", "Xbcdef")).isFalse();
    assertThat(Secrets.constantTimeEquals("abcdef", "abcdefg")).isFalse();
    assertThat(Secrets.constantTimeEquals("abcdef", "")).isFalse();
  }

  @Test
  void subAccountsCanBeCreatedListedEditedAndDeleted() throws Exception {
    Account s1 = service.createSubAccount(c, new SubAccountFields("New subaccount", "desc", 524_288_000L));
    Account s2 = service.createSubAccount(c, SubAccountFields.titled("two"));
    assertThat(s1.parentId()).isEqualTo(acme.id());
    assertThat(s1.quotaAllowed()).isEqualTo(524_288_000L);
    assertThat(s2.quotaAllowed()).as("no quota given: the parent's").isEqualTo(100_000);
    assertThat(s1.fileMaxSize()).isEqualTo(acme.fileMaxSize());
    assertThat(service.subAccounts(c)).extracting(Account::id).containsExactly(s1.id(), s2.id());
    assertThat(service.subAccount(c, s1.id())).isEqualTo(s1);

    Account edited = service.editSubAccount(c, s1.id(), new SubAccountFields("My new title", null, null));
    assertThat(edited.title()).isEqualTo("My new title");
    assertThat(edited.description()).isEqualTo("desc");
    assertThat(edited.quotaAllowed()).isEqualTo(524_288_000L);
    assertThat(service.editSubAccount(c, s1.id(), new SubAccountFields(null, null, 5L)).quotaAllowed()).isEqualTo(5);

    service.deleteSubAccount(c, s2.id());
    assertThat(service.subAccounts(c)).extracting(Account::id).containsExactly(s1.id());
    assertThatThrownBy(() -> service.subAccount(c, s2.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> service.account(s2.credentials())).isInstanceOf(UnauthorizedException.class);
  }

  @Test
  void aNegativeQuotaIs400() {
    assertThatThrownBy(() -> service.createSubAccount(c, new SubAccountFields("x", "", -1L)))
        .isInstanceOf(BadRequestException.class);
  }

  @Test
  void subAccountsOfOthersAreNotFoundAndSubAccountsCannotHaveSubAccounts() throws Exception {
    Account other = service.createAccount("other", 1000, 1000);
    Account theirs = service.createSubAccount(other.credentials(), SubAccountFields.titled("theirs"));
    Account mine = service.createSubAccount(c, SubAccountFields.titled("mine"));
    assertThatThrownBy(() -> service.subAccount(c, theirs.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> service.deleteSubAccount(c, theirs.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> service.resetSubAccountSecret(c, theirs.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> service.subAccount(c, acme.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> service.createSubAccount(mine.credentials(), SubAccountFields.titled("x")))
        .isInstanceOf(ForbiddenException.class).extracting(e -> ((ServiceException) e).errCode()).isEqualTo(403);
    assertThatThrownBy(() -> service.subAccounts(mine.credentials())).isInstanceOf(ForbiddenException.class);
  }

  @Test
  void resettingASecretRetiresTheOldOne() throws Exception {
    Account s = service.createSubAccount(c, SubAccountFields.titled("s"));
    Account reset = service.resetSubAccountSecret(c, s.id());
    assertThat(reset.apiSecret()).isNotEqualTo(s.apiSecret()).matches("[0-9a-f]{64}");
    assertThat(reset.apiKey()).isEqualTo(s.apiKey());
    assertThatThrownBy(() -> service.account(s.credentials())).isInstanceOf(UnauthorizedException.class);
    assertThat(service.account(reset.credentials()).id()).isEqualTo(s.id());
  }

  @Test
  void subAccountUploadsCountAgainstTheParentAndResetQuotaClearsOnlyTheSubAccount() throws Exception {
    Account s = service.createSubAccount(c, new SubAccountFields("s", "", 5_000L));
    upload(s.credentials(), 3_000, 1);
    assertThat(service.account(s.credentials()).quotaCurrent()).isEqualTo(3_000);
    assertThat(service.account(c).quotaCurrent()).isEqualTo(3_000);
    assertThatThrownBy(() -> upload(s.credentials(), 3_000, 2)).isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("Quota");
    Account reset = service.resetSubAccountQuota(c, s.id());
    assertThat(reset.quotaCurrent()).isZero();
    assertThat(service.account(c).quotaCurrent()).isEqualTo(3_000);
    upload(s.credentials(), 3_000, 2);
    assertThat(service.account(c).quotaCurrent()).isEqualTo(6_000);
  }

  @Test
  void aSubAccountIsRefusedWhenItsParentIsOutOfQuota() throws Exception {
    Account small = service.createAccount("small", 5_000, 20_000);
    Account s = service.createSubAccount(small.credentials(), new SubAccountFields("s", "", 1_000_000L));
    upload(small.credentials(), 4_000, 1);
    int before = runs.runs.get();
    assertThatThrownBy(() -> upload(s.credentials(), 2_000, 2)).isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("parent");
    assertThat(runs.runs.get()).as("no optimizer work for a refused upload").isEqualTo(before);
    assertThat(service.account(s.credentials()).quotaCurrent()).isZero();
  }

  // ---- quota and limits

  @Test
  void aFileOverFileMaxSizeIsRefusedBeforeAnyWork() {
    assertThatThrownBy(() -> upload(c, 20_001, 1)).isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("file_max_size");
    assertThat(runs.runs.get()).isZero();
  }

  @Test
  void anUploadOverQuotaIsRefusedBeforeAnyWorkAndChargesNothing() throws Exception {
    Account small = service.createAccount("small", 10_000, 20_000);
    upload(small.credentials(), 6_000, 1);
    int before = runs.runs.get();
    assertThatThrownBy(() -> upload(small.credentials(), 5_000, 2)).isInstanceOf(ForbiddenException.class);
    assertThat(runs.runs.get()).isEqualTo(before);
    assertThat(service.account(small.credentials()).quotaCurrent()).isEqualTo(6_000);
    upload(small.credentials(), 4_000, 3);
    assertThat(service.account(small.credentials()).quotaCurrent()).isEqualTo(10_000);
  }

  @Test
  void quotaChargesTheBytesReceivedNotTheBytesKept() throws Exception {
    Upload u = upload(c, 8_000, 1);
    assertThat(u.image().sizeBefore()).isEqualTo(8_000);
    assertThat(u.image().sizeAfter()).isEqualTo(6_000);
    assertThat(service.account(c).quotaCurrent()).isEqualTo(8_000);
  }

  @Test
  void theQuotaWindowRollsOverOnTheFirstOfTheMonth() throws Exception {
    Account small = service.createAccount("small", 10_000, 20_000);
    upload(small.credentials(), 10_000, 1);
    assertThatThrownBy(() -> upload(small.credentials(), 1_000, 2)).isInstanceOf(ForbiddenException.class);
    clock.set(java.time.Instant.parse("2026-03-31T23:59:59Z"));
    assertThatThrownBy(() -> upload(small.credentials(), 1_000, 2)).isInstanceOf(ForbiddenException.class);
    clock.set(java.time.Instant.parse("2026-04-01T00:00:00Z"));
    Account april = service.account(small.credentials());
    assertThat(april.quotaCurrent()).isZero();
    assertThat(april.quotaStart()).isEqualTo(LocalDate.of(2026, 4, 1));
    assertThat(april.quotaEnd()).isEqualTo(LocalDate.of(2026, 4, 30));
    upload(small.credentials(), 10_000, 3);
    assertThat(service.account(small.credentials()).quotaCurrent()).isEqualTo(10_000);
  }

  @Test
  void theWindowFollowsTheClocksZone() throws Exception {
    // 2026-03-31T23:30Z is already April 1st in Paris (UTC+2 in summer time)
    Fixtures.MutableClock paris = new Fixtures.MutableClock(java.time.Instant.parse("2026-03-31T23:30:00Z"),
        java.time.ZoneId.of("Europe/Paris"));
    SqueezeService s = SqueezeService.builder().clock(paris).squeeze(Fixtures.squeeze()).build();
    assertThat(s.createAccount("p", 1, 1).quotaStart()).isEqualTo(LocalDate.of(2026, 4, 1));
  }

  @Test
  void aFileThatCannotBeOptimizedIs400AndItsChargeIsGivenBack() {
    assertThatThrownBy(() -> service.addImage(c, "bad.png", Fixtures.corruptPng(5_000), ImageParams.defaults()))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("Corrupt");
    assertThatThrownBy(() -> service.addImage(c, "x.bin", new byte[] {1, 2, 3, 4, 5}, ImageParams.defaults()))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("Unsupported");
    assertThatThrownBy(() -> service.addImage(c, "e.png", new byte[0], ImageParams.defaults()))
        .isInstanceOf(BadRequestException.class);
    assertThat(runs.runs.get()).isEqualTo(1);
  }

  @Test
  void theSameContentAndParamsAreNotOptimizedNorChargedTwice() throws Exception {
    byte[] content = Fixtures.png(5_000, 7);
    Upload first = service.addImage(c, "a.png", content, ImageParams.defaults());
    Upload again = service.addImage(c, "b.png", content, ImageParams.defaults());
    assertThat(first.deduplicated()).isFalse();
    assertThat(again.deduplicated()).isTrue();
    assertThat(again.image()).isEqualTo(first.image());
    assertThat(runs.runs.get()).isEqualTo(1);
    assertThat(service.account(c).quotaCurrent()).isEqualTo(5_000);
    Upload lossless = service.addImage(c, "a.png", content, ImageParams.lossless());
    assertThat(lossless.deduplicated()).isFalse();
    assertThat(service.account(c).quotaCurrent()).isEqualTo(10_000);
    Upload resized = service.addImage(c, "a.png", content, ImageParams.defaults().withResizeWidth(100));
    assertThat(resized.image().width()).isEqualTo(100);
    assertThat(resized.image().height()).isEqualTo(75);
  }

  @Test
  void aDeletedImageIsOptimizedAndChargedAgainOnTheNextUpload() throws Exception {
    byte[] content = Fixtures.png(5_000, 7);
    Upload first = service.addImage(c, "a.png", content, ImageParams.defaults());
    service.deleteImage(c, first.image().id());
    Upload again = service.addImage(c, "a.png", content, ImageParams.defaults());
    assertThat(again.deduplicated()).isFalse();
    assertThat(again.image().id()).isNotEqualTo(first.image().id());
    assertThat(service.account(c).quotaCurrent()).isEqualTo(10_000);
  }

  @Test
  void dedupeIsPerAccount() throws Exception {
    Account s = service.createSubAccount(c, SubAccountFields.titled("s"));
    byte[] content = Fixtures.png(5_000, 7);
    service.addImage(c, "a.png", content, ImageParams.defaults());
    assertThat(service.addImage(s.credentials(), "a.png", content, ImageParams.defaults()).deduplicated()).isFalse();
  }

  // ---- images

  @Test
  void anImageRecordCarriesTheReferenceFields() throws Exception {
    Image i = service.addImage(c, "../../etc/my logo.png", Fixtures.png(4_000, 1), ImageParams.defaults()).image();
    assertThat(i.filename()).isEqualTo("my_logo.png");
    assertThat(i.width()).isEqualTo(Fixtures.WIDTH);
    assertThat(i.height()).isEqualTo(Fixtures.HEIGHT);
    assertThat(i.sizeBefore()).isEqualTo(4_000);
    assertThat(i.sizeAfter()).isEqualTo(3_000);
    assertThat(i.saved()).isEqualTo(0.25);
    assertThat(i.time()).isEqualTo(Fixtures.START);
    assertThat(i.expirationDate()).isEqualTo(Fixtures.START.plus(Duration.ofDays(30)));
    assertThat(service.image(c, i.id())).isEqualTo(i);
  }

  @Test
  void timesAreKeptToTheMillisecondSoAnswersEqualWhatStoresReadBack() throws Exception {
    clock.set(Fixtures.START.plusNanos(123_456_789));
    Image i = upload(c, 1_000, 1).image();
    assertThat(i.time()).isEqualTo(Fixtures.START.plusMillis(123));
    assertThat(i.expirationDate()).isEqualTo(Fixtures.START.plusMillis(123).plus(Duration.ofDays(30)));
  }

  @Test
  void listingPagesNewestFirstWithPrevAndNext() throws Exception {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(upload(c, 1_000, i).image().id());
    }
    ImagePage first = service.images(c, 0, 2);
    assertThat(first.total()).isEqualTo(5);
    assertThat(first.items()).extracting(Image::id).containsExactly(ids.get(4), ids.get(3));
    assertThat(first.prevOffset()).isEmpty();
    assertThat(first.nextOffset()).hasValue(2);
    ImagePage last = service.images(c, 4, 2);
    assertThat(last.items()).extracting(Image::id).containsExactly(ids.get(0));
    assertThat(last.prevOffset()).hasValue(2);
    assertThat(last.nextOffset()).isEmpty();
    assertThatThrownBy(() -> service.images(c, -1, 2)).isInstanceOf(BadRequestException.class);
    ImagePage far = service.images(c, Integer.MAX_VALUE, 100);
    assertThat(far.items()).isEmpty();
    assertThat(far.nextOffset()).isEmpty();
    assertThatThrownBy(() -> service.images(c, 0, 101)).isInstanceOf(BadRequestException.class);
  }

  @Test
  void deleteAndDeleteAllRemoveRecordsAndFiles() throws Exception {
    Image a = upload(c, 1_000, 1).image();
    Image b = upload(c, 1_000, 2).image();
    Account s = service.createSubAccount(c, SubAccountFields.titled("s"));
    Image theirs = upload(s.credentials(), 1_000, 3).image();
    service.deleteImage(c, a.id());
    assertThatThrownBy(() -> service.image(c, a.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> service.deleteImage(c, a.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> download(a.optimizedUrl())).isInstanceOf(NotFoundException.class);
    assertThat(service.deleteAllImages(c)).isEqualTo(1);
    assertThatThrownBy(() -> download(b.originUrl())).isInstanceOf(NotFoundException.class);
    assertThat(service.images(c, 0, 10).total()).isZero();
    assertThat(service.images(s.credentials(), 0, 10).items()).extracting(Image::id).containsExactly(theirs.id());
  }

  private Download download(String url) throws ServiceException {
    String[] p = url.split("/");
    return service.download(FileType.fromWire(p[3]), p[4], p[5]);
  }

  @Test
  void downloadsNeedNoAuthAndServeTheOriginalAndTheOptimizedFile() throws Exception {
    byte[] content = Fixtures.png(4_000, 1);
    Image i = service.addImage(c, "logo.png", content, ImageParams.defaults()).image();
    Download origin = download(i.originUrl());
    assertThat(origin.data()).isEqualTo(content);
    assertThat(origin.contentType()).isEqualTo("image/png");
    assertThat(download(i.optimizedUrl()).data()).hasSize(3_000);
    String token = i.optimizedUrl().split("/")[4];
    assertThatThrownBy(() -> service.download(FileType.OPTIMIZED, token, "other.png"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> service.download(FileType.OPTIMIZED, "0".repeat(32), "logo.png"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> service.download(FileType.OPTIMIZED, "../../x", "logo.png"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> FileType.fromWire("thumbnail")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void originalsExpireAfterTheBackupPeriodAndArePurged() throws Exception {
    Image i = upload(c, 4_000, 1).image();
    clock.advance(Duration.ofDays(30).minusSeconds(1));
    assertThat(download(i.originUrl()).data()).hasSize(4_000);
    assertThat(service.purgeExpired()).isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThatThrownBy(() -> download(i.originUrl())).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("expired");
    assertThat(download(i.optimizedUrl()).data()).hasSize(3_000);
    assertThat(service.purgeExpired()).isEqualTo(1);
    assertThat(service.purgeExpired()).isZero();
    assertThat(service.image(c, i.id()).expirationDate()).isEqualTo(i.expirationDate());
  }

  @Test
  void theBackupPeriodIsConfigurable() throws Exception {
    SqueezeService s = SqueezeService.builder().clock(clock).squeeze(Fixtures.squeeze())
        .backupPeriod(Duration.ofDays(7)).baseUrl("https://img.example.com/v1/").build();
    Account a = s.createAccount("a", 100_000, 20_000);
    Image i = s.addImage(a.credentials(), "a.png", Fixtures.png(1_000, 1), ImageParams.defaults()).image();
    assertThat(i.expirationDate()).isEqualTo(Fixtures.START.plus(Duration.ofDays(7)));
    assertThat(i.originUrl()).startsWith("https://img.example.com/v1/images/origin/");
  }

  @Test
  void aZipHoldsTheListedImagesUnderTheirNames() throws Exception {
    Image a = service.addImage(c, "a.png", Fixtures.png(1_000, 1), ImageParams.defaults()).image();
    Image b = service.addImage(c, "a.png", Fixtures.png(2_000, 2), ImageParams.defaults()).image();
    Download zip = service.zip(c, FileType.OPTIMIZED, List.of(a.id(), b.id()));
    assertThat(zip.contentType()).isEqualTo("application/zip");
    Map<String, Integer> entries = unzip(zip.data());
    assertThat(entries).containsEntry("a.png", 750).containsEntry(b.id() + "-a.png", 1_500);
    assertThat(unzip(service.zip(c, FileType.ORIGIN, List.of(b.id())).data())).containsEntry("a.png", 2_000);
    assertThatThrownBy(() -> service.zip(c, FileType.ORIGIN, List.of())).isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> service.zip(c, FileType.ORIGIN, List.of(a.id(), 999L)))
        .isInstanceOf(NotFoundException.class);
  }

  static Map<String, Integer> unzip(byte[] zip) throws Exception {
    Map<String, Integer> out = new TreeMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        out.put(e.getName(), in.readAllBytes().length);
      }
    }
    return out;
  }

  @Test
  void aSubAccountCannotReachItsParentsOrASiblingsImages() throws Exception {
    Account s1 = service.createSubAccount(c, SubAccountFields.titled("s1"));
    Account s2 = service.createSubAccount(c, SubAccountFields.titled("s2"));
    Image parents = upload(c, 1_000, 1).image();
    Image siblings = upload(s2.credentials(), 1_000, 2).image();
    for (Image other : List.of(parents, siblings)) {
      assertThatThrownBy(() -> service.image(s1.credentials(), other.id())).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> service.deleteImage(s1.credentials(), other.id())).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> service.zip(s1.credentials(), FileType.ORIGIN, List.of(other.id())))
          .isInstanceOf(NotFoundException.class);
    }
    assertThat(service.images(s1.credentials(), 0, 10).total()).isZero();
    assertThat(service.deleteAllImages(s1.credentials())).isZero();
    assertThat(service.image(c, parents.id())).isEqualTo(parents);
    assertThat(service.image(s2.credentials(), siblings.id())).isEqualTo(siblings);
    // the parent does not see its sub-accounts' images either: each sees only its own
    assertThatThrownBy(() -> service.image(c, siblings.id())).isInstanceOf(NotFoundException.class);
  }

  @Test
  void deletingASubAccountDeletesItsFiles() throws Exception {
    Account s = service.createSubAccount(c, SubAccountFields.titled("s"));
    Image i = upload(s.credentials(), 1_000, 1).image();
    service.deleteSubAccount(c, s.id());
    assertThatThrownBy(() -> download(i.optimizedUrl())).isInstanceOf(NotFoundException.class);
    assertThat(service.account(c).quotaCurrent()).as("usage already charged stays").isEqualTo(1_000);
  }

  // ---- consumption

  @Test
  void consumptionShowsThirtyDaysAndTwelveMonthsIncludingSubAccounts() throws Exception {
    Account s = service.createSubAccount(c, SubAccountFields.titled("s"));
    clock.set(java.time.Instant.parse("2026-02-20T10:00:00Z"));
    upload(c, 4_000, 1);
    clock.set(Fixtures.START);
    upload(c, 1_000, 2);
    upload(s.credentials(), 2_000, 3);
    Consumption mine = service.consumption(c);
    assertThat(mine.lastDays()).hasSize(30);
    assertThat(mine.lastDays().get(29)).isEqualTo(new ConsumptionPeriod(LocalDate.of(2026, 3, 15), 3_000, 2_250, 2));
    assertThat(mine.lastDays().get(0).start()).isEqualTo(LocalDate.of(2026, 2, 14));
    assertThat(mine.lastDays().get(6)).isEqualTo(new ConsumptionPeriod(LocalDate.of(2026, 2, 20), 4_000, 3_000, 1));
    assertThat(mine.lastMonths()).hasSize(12);
    assertThat(mine.lastMonths().get(11)).isEqualTo(new ConsumptionPeriod(LocalDate.of(2026, 3, 1), 3_000, 2_250, 2));
    assertThat(mine.lastMonths().get(10)).isEqualTo(new ConsumptionPeriod(LocalDate.of(2026, 2, 1), 4_000, 3_000, 1));
    assertThat(mine.lastMonths().get(0).start()).isEqualTo(LocalDate.of(2025, 4, 1));
    Consumption subs = service.consumption(s.credentials());
    assertThat(subs.lastDays().get(29).totalSizeBefore()).isEqualTo(2_000);
    assertThat(subs.lastMonths().get(10).filesCount()).isZero();
  }

  @Test
  void builderChecksItsArguments() {
    assertThatThrownBy(() -> SqueezeService.builder().build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("squeeze");
    assertThatThrownBy(() -> SqueezeService.builder().backupPeriod(Duration.ofDays(-1)))
        .hasMessageContaining("backupPeriod");
    assertThatThrownBy(() -> service.createAccount("x", -1, 1)).hasMessageContaining("quotaAllowed");
    assertThatThrownBy(() -> service.createAccount("x", 1, 0)).hasMessageContaining("fileMaxSize");
  }
}
