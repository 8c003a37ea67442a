package dev.squeeze.store;

class InMemoryStoreTest extends StoreContractTest {
  @Override
  protected Store newStore() {
    return new InMemoryStore();
  }
}
