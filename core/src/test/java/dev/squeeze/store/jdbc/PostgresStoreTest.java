package dev.squeeze.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squeeze.service.Account;
import dev.squeeze.service.Fixtures;
import dev.squeeze.service.SqueezeService;
import dev.squeeze.store.Store;
import dev.squeeze.store.StoreContractTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The store contract on a real PostgreSQL server, plus two service instances sharing one database. */
class PostgresStoreTest extends StoreContractTest {
  private PostgresDatabase db;

  @Override
  protected Store newStore() throws Exception {
    db = PostgresDatabase.fresh();
    return JdbcStore.open(db.url());
  }

  @AfterEach
  void dropSchema() throws Exception {
    if (store != null) {
      store.close();
      store = null;
    }
    if (db != null) {
      db.close();
    }
  }

  @Test
  void twoServiceInstancesOnOneDatabaseChargeExactlyOnce() throws Exception {
    try (Store second = JdbcStore.open(db.url())) {
      Fixtures.MutableClock clock = new Fixtures.MutableClock(T0);
      SqueezeService one = Fixtures.service(store, clock);
      SqueezeService two = Fixtures.service(second, clock);
      Account acct = one.createAccount("shared", 1_000, 10_000);
      assertUploadRace(List.of(one, two), acct, 1_000);
      assertThat(two.account(acct.credentials()).quotaCurrent()).isEqualTo(1_000);
      assertThat(one.images(acct.credentials(), 0, 10).total()).isEqualTo(1);
    }
  }

  @Test
  void concurrentOpensMigrateOnce() throws Exception {
    race(4, i -> {
      JdbcStore.open(db.url()).close();
      return null;
    });
    assertThat(store.countImages(1)).isZero();
  }
}
